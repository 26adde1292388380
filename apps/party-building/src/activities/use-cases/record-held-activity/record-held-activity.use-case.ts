import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { TransactionRunner } from '@gridline/persistence';
import { AppError, chinaDay } from '@gridline/platform';
import { PartyErrorCode, partyInvalid, type HeldActivityView } from '@gridline/contracts-party-building';
import { Clock } from '../../../clock';
import { ServiceLedger } from '../../../ledger/service-ledger';
import { ActivityAccess } from '../../activity-access';
import { ActivityDrafts } from '../../activity-drafts';
import { hoursOf, toActivityView } from '../../activity.mapper';
import { ActivityRepository } from '../../activity.repository';
import { heldActivityProblem } from '../../activity-rules';
import type { RecordHeldActivityCommand } from './record-held-activity.command';

/**
 * Records an activity after it was held (补录), with the attendance of its sign-in sheet: a keeper of the
 * organisation's units names the members who signed the sheet — each a member of the caller's units and of the
 * activity's audience (400 naming `attendeeIds` otherwise, an unknown id and one out of scope alike). Every attendee
 * is recorded as attending at the start, with who recorded it on the sign-up (`recordedBy`), and the activity's hours
 * are credited to their ledger on the activity's day (ServiceLedger.credit, once; a full day keeps the attendance
 * without hours). All in one transaction, with the activity's `activity.scheduled` and each `attendance.recorded`.
 */
@Injectable()
export class RecordHeldActivityUseCase {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly drafts: ActivityDrafts,
    private readonly access: ActivityAccess,
    private readonly ledger: ServiceLedger,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, activity: input }: RecordHeldActivityCommand): Promise<HeldActivityView> {
    requireRole(caller, PARTY_KEEPERS, 'record held party activities');
    const startsAt = new Date(input.startsAt);
    const problem = heldActivityProblem({ startsAt, endsAt: new Date(input.endsAt), capacity: input.capacity }, input.attendeeIds.length, this.clock.now());
    if (problem) throw partyInvalid(problem.field, problem.reason);
    return this.transactions.run(async () => {
      const activity = await this.drafts.add(caller, input, { signedUp: input.attendeeIds.length });
      // The activity's row first: its sign-ups refer to it (the unit of work does not order unrelated entities).
      await this.activities.save();
      for (const memberId of input.attendeeIds) {
        const member = await this.access.kept(caller, memberId);
        if (!member || !(await this.access.admits(activity, member))) throw partyInvalid('attendeeIds', `holds ${memberId}: not a member of your units in the activity's audience`);
        const signUp = this.activities.addSignUp({ id: randomUUID(), activityId: activity.id, memberId, signedUpAt: startsAt, attendedAt: startsAt, recordedBy: caller.sub });
        this.activities.attended(activity, signUp);
      }
      await this.activities.save();
      let hoursCredited = 0;
      const creditRefused: HeldActivityView['creditRefused'] = [];
      if (activity.halfHours > 0) {
        for (const memberId of input.attendeeIds) {
          try {
            const { record } = await this.ledger.credit({ memberId, source: { kind: 'activity', id: activity.id }, day: chinaDay(startsAt), hours: hoursOf(activity) });
            hoursCredited += record.hours;
          } catch (error) {
            if (!(error instanceof AppError && error.code === PartyErrorCode.ServiceDayFull)) throw error;
            creditRefused.push({ memberId, reason: error.message });
          }
        }
      }
      return { activity: toActivityView(activity), attended: input.attendeeIds.length, hoursCredited, creditRefused };
    });
  }
}
