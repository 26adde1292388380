import { Injectable } from '@nestjs/common';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { TransactionRunner } from '@gridline/persistence';
import { need, type ServiceRecordView } from '@gridline/contracts-party-building';
import { MemberRepository } from '../../../members/member.repository';
import { ownServiceRecord, serviceRecordDecided, serviceRecordNotFound } from '../../ledger.errors';
import { decisionRefusal } from '../../ledger-rules';
import { toServiceRecordView } from '../../service-record.mapper';
import { ServiceRecordRepository } from '../../service-record.repository';
import type { DecideServiceRecordCommand } from './decide-service-record.command';

/**
 * The branch secretary approves or rejects a pending record: a keeper whose scope covers the organisation the record
 * belongs to, never the member themself (a secretary's own record waits for another secretary or a keeper above).
 */
@Injectable()
export class DecideServiceRecordUseCase {
  constructor(
    private readonly records: ServiceRecordRepository,
    private readonly members: MemberRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, decision: input }: DecideServiceRecordCommand): Promise<ServiceRecordView> {
    requireRole(caller, PARTY_KEEPERS, 'approve party members’ service');
    const reason = input.decision === 'rejected' ? need(input.reason, 'reason', 'is required to reject a record') : null;
    return this.transactions.run(async () => {
      const record = await this.records.lock(input.id);
      if (!record) throw serviceRecordNotFound(input.id);
      const member = await this.members.findById(record.memberId);
      const refusal = decisionRefusal(caller, { account: member?.account ?? null }, record.path);
      if (refusal === 'not_found') throw serviceRecordNotFound(input.id);
      if (refusal === 'own') throw ownServiceRecord(input.id);
      if (record.status !== 'pending') throw serviceRecordDecided(record.id, record.status);
      record.status = input.decision;
      record.decidedBy = caller.sub;
      record.decidedAt = new Date();
      record.reason = reason;
      this.records.decided(record);
      await this.records.save();
      return toServiceRecordView(record);
    });
  }
}
