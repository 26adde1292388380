import { Injectable } from '@nestjs/common';
import { SERVICE_RECORDERS, requireRole } from '@gridline/auth';
import { TransactionRunner } from '@gridline/persistence';
import { partyInvalid, toHalfHours, type ServiceRecordView } from '@gridline/contracts-party-building';
import { memberNotFound, ownMemberNotFound } from '../../../members/member.errors';
import { MemberRepository } from '../../../members/member.repository';
import { defaultPoints, submitRefusal } from '../../ledger-rules';
import { ServiceLedger } from '../../service-ledger';
import { toServiceRecordView } from '../../service-record.mapper';
import type { SubmitServiceRecordCommand } from './submit-service-record.command';

/**
 * Records a grid task a member served, pending the branch secretary's approval: by the member themself (at the
 * rule's points) or by a keeper whose scope covers the member's organisation (who may give the points).
 */
@Injectable()
export class SubmitServiceRecordUseCase {
  constructor(
    private readonly members: MemberRepository,
    private readonly ledger: ServiceLedger,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, record: input }: SubmitServiceRecordCommand): Promise<ServiceRecordView> {
    requireRole(caller, input.memberId ? SERVICE_RECORDERS : ['party_member'], 'record party members’ service');
    if ((input.referenceKind === undefined) !== (input.referenceId === undefined)) {
      throw input.referenceKind === undefined ? partyInvalid('referenceKind', 'is required with referenceId') : partyInvalid('referenceId', 'is required with referenceKind');
    }
    return this.transactions.run(async () => {
      const member = input.memberId ? await this.members.findById(input.memberId) : await this.members.findByAccount(caller.sub);
      if (!member) throw input.memberId ? memberNotFound(input.memberId) : ownMemberNotFound();
      const refusal = submitRefusal(caller, member, input.points !== undefined);
      if (refusal === 'not_found') throw memberNotFound(member.id);
      if (refusal === 'points') throw partyInvalid('points', 'may be given only by a keeper: your own service earns the rule’s points');
      const halfHours = toHalfHours(input.hours);
      const record = await this.ledger.book(member, {
        kind: 'grid_task',
        task: input.task,
        referenceKind: input.referenceKind ?? null,
        referenceId: input.referenceId ?? null,
        day: input.day,
        halfHours,
        points: input.points ?? defaultPoints(halfHours),
        note: input.note || null,
        status: 'pending',
        submittedBy: caller.sub,
      });
      return toServiceRecordView(record);
    });
  }
}
