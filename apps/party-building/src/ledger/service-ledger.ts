import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { isUUID } from 'class-validator';
import { SYSTEM_CALLER } from '@gridline/auth';
import { TransactionRunner } from '@gridline/persistence';
import { chinaDay, isCalendarDate } from '@gridline/platform';
import { partyInvalid, serviceHoursProblem, toHalfHours, type ServiceRecordView } from '@gridline/contracts-party-building';
import { memberNotFound } from '../members/member.errors';
import { MemberRepository } from '../members/member.repository';
import { serviceDayFull } from './ledger.errors';
import { dayCapProblem, defaultPoints, serviceDayProblem, type LedgerMember } from './ledger-rules';
import type { ServiceRecordEntity } from './service-record.entity';
import { toServiceRecordView } from './service-record.mapper';
import { ServiceRecordRepository } from './service-record.repository';

/** Attendance to credit: the member, the activity attended, its day (China time) and hours. */
export interface ServiceCredit {
  memberId: string;
  source: { kind: 'activity'; id: string };
  /** YYYY-MM-DD, China time; not in the future. */
  day: string;
  /** 0.5-hour steps, 0 < hours ≤ 24, and the member's day at most 24 in all. */
  hours: number;
  /** Default: one point per half-hour. */
  points?: number;
}

export interface ServiceCreditResult {
  /** The member's record for the activity: the new one, or the one credited before. */
  record: ServiceRecordView;
  /** False when the member was credited for this activity already (nothing changed, no event). */
  credited: boolean;
}

/** What one booking writes (a grid task's pending record, an activity's approved one). */
export type ServiceBooking = Pick<ServiceRecordEntity, 'kind' | 'day' | 'halfHours' | 'points' | 'status' | 'submittedBy'> &
  Partial<Pick<ServiceRecordEntity, 'task' | 'activityId' | 'referenceKind' | 'referenceId' | 'note' | 'decidedBy' | 'decidedAt'>>;

/**
 * The service ledger's one way in: every record — a member's grid task, an activity's attendance — is booked here,
 * under the member's ledger lock, within the day's 24 hours.
 *
 * `credit()` is the activities feature's API: it credits attendance at once as approved (the attendance was checked
 * by the one-time code shown at the activity, so nobody is left to approve), idempotently per member and activity,
 * inside the caller's transaction when one is open (its `run` is then a savepoint: a refusal rolls back only if the
 * caller lets the error through).
 */
@Injectable()
export class ServiceLedger {
  constructor(
    private readonly records: ServiceRecordRepository,
    private readonly members: MemberRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  /**
   * Credits a member's attendance at an activity. Refuses (400 naming the field) hours off the half-hour steps, a
   * day that is not a date or in the future, an unknown member (404); 422 naming `hours` when the member's day would
   * pass 24 hours.
   */
  async credit(input: ServiceCredit): Promise<ServiceCreditResult> {
    const hoursProblem = serviceHoursProblem(input.hours);
    if (hoursProblem) throw partyInvalid('hours', hoursProblem);
    if (!isCalendarDate(input.day)) throw partyInvalid('day', 'must be a date YYYY-MM-DD');
    if (input.source?.kind !== 'activity' || !isUUID(input.source.id)) throw partyInvalid('source', 'must be an activity with its id');
    if (input.points !== undefined && (!Number.isInteger(input.points) || input.points < 0)) throw partyInvalid('points', 'must be a whole number, 0 or more');
    return this.transactions.run(async () => {
      const member = await this.members.findById(input.memberId);
      if (!member) throw memberNotFound(input.memberId);
      await this.records.lockMember(member.id);
      const earlier = await this.records.findActivityCredit(member.id, input.source.id);
      if (earlier) return { record: toServiceRecordView(earlier), credited: false };
      const halfHours = toHalfHours(input.hours);
      const record = await this.book(member, {
        kind: 'activity',
        activityId: input.source.id,
        day: input.day,
        halfHours,
        points: input.points ?? defaultPoints(halfHours),
        status: 'approved',
        submittedBy: SYSTEM_CALLER.sub,
        decidedBy: SYSTEM_CALLER.sub,
        decidedAt: new Date(),
      });
      return { record: toServiceRecordView(record), credited: true };
    });
  }

  /**
   * Books a record for the member in the open transaction, with its event: the day must not be in the future and the
   * member's day (pending and approved records) must stay within 24 hours. Takes the member's ledger lock (again).
   */
  async book(member: LedgerMember, booking: ServiceBooking): Promise<ServiceRecordEntity> {
    const dayProblem = serviceDayProblem(booking.day, chinaDay());
    if (dayProblem) throw partyInvalid('day', dayProblem);
    await this.records.lockMember(member.id);
    const capProblem = dayCapProblem(await this.records.bookedHalfHours(member.id, booking.day), booking.halfHours);
    if (capProblem) throw serviceDayFull(capProblem);
    const record = this.records.add({ id: randomUUID(), memberId: member.id, organisationId: member.organisationId, path: [...member.path], ...booking });
    await this.records.save();
    return record;
  }
}
