import { Injectable } from '@nestjs/common';
import { SERVICE_LEDGER_READERS, requireRole } from '@gridline/auth';
import { cstYear } from '@gridline/platform';
import type { MemberLedgerView } from '@gridline/contracts-party-building';
import { memberNotFound, ownMemberNotFound } from '../../../members/member.errors';
import { MemberRepository } from '../../../members/member.repository';
import { mayReadLedger, yearBounds } from '../../ledger-rules';
import { serviceSums, toServiceRecordView } from '../../service-record.mapper';
import { ServiceRecordRepository } from '../../service-record.repository';
import type { GetMemberLedgerQuery } from './get-member-ledger.query';

/**
 * A member's service in a China year (the current one by default): every record, the approved totals (what counts)
 * and the pending apart. For the member themself, and the party's readers whose scope covers the member.
 */
@Injectable()
export class GetMemberLedgerUseCase {
  constructor(
    private readonly members: MemberRepository,
    private readonly records: ServiceRecordRepository,
  ) {}

  async execute({ caller, memberId, year: asked }: GetMemberLedgerQuery): Promise<MemberLedgerView> {
    requireRole(caller, memberId ? SERVICE_LEDGER_READERS : ['party_member'], 'read party members’ service');
    const member = memberId ? await this.members.findById(memberId) : await this.members.findByAccount(caller.sub);
    if (!member) throw memberId ? memberNotFound(memberId) : ownMemberNotFound();
    if (!mayReadLedger(caller, member)) throw memberNotFound(member.id);
    const year = asked ?? cstYear();
    const { from, to } = yearBounds(year);
    const records = await this.records.ofMember(member.id, from, to);
    return {
      memberId: member.id,
      year,
      records: records.map(toServiceRecordView),
      approved: serviceSums(records.filter((r) => r.status === 'approved')),
      pending: serviceSums(records.filter((r) => r.status === 'pending')),
    };
  }
}
