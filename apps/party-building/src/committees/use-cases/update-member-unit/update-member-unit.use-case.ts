import { Injectable } from '@nestjs/common';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import { PersonalDataService, TransactionRunner } from '@gridline/persistence';
import { normalizeUscc } from '@gridline/contracts-registry';
import { partyInvalid, type MemberUnitView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { committeeNotFound, memberUnitTaken } from '../../committee.errors';
import { toMemberUnitView } from '../../committee.mapper';
import { CommitteeRepository } from '../../committee.repository';
import { hasLeft, membershipDatesProblem } from '../../committee-rules';
import type { UpdateMemberUnitCommand } from './update-member-unit.command';

/** Changes a member unit of a committee the caller keeps; `leftOn` records that it left (not before it joined). */
@Injectable()
export class UpdateMemberUnitUseCase {
  constructor(
    private readonly committees: CommitteeRepository,
    private readonly personalData: PersonalDataService,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, changes }: UpdateMemberUnitCommand): Promise<MemberUnitView> {
    requireRole(caller, PARTY_KEEPERS, 'change work committees');
    const { committeeId, memberUnitId, ...fields } = changes;
    if (Object.values(fields).every((v) => v === undefined)) throw partyInvalid('body', 'must change at least one field');
    const today = chinaDay();
    return this.transactions.run(async () => {
      const committee = await this.committees.lockCommittee(committeeId);
      if (!committee || !PartyScope.keeps(caller, committee.path)) throw committeeNotFound('committee', committeeId);
      const unit = await this.committees.findMemberUnit(committee.id, memberUnitId);
      if (!unit) throw committeeNotFound('member unit', memberUnitId);
      if (fields.leftOn !== undefined) {
        const problem = membershipDatesProblem({ joinedOn: unit.joinedOn, leftOn: fields.leftOn }, committee.foundedOn, today);
        if (problem) throw partyInvalid(problem.field, problem.reason);
        unit.leftOn = fields.leftOn;
      }
      if (fields.uscc !== undefined) {
        const uscc = normalizeUscc(fields.uscc);
        const holder = (await this.committees.memberUnits(committee.id)).find((m) => m.id !== unit.id && m.uscc === uscc && !hasLeft(m, today));
        if (holder) throw memberUnitTaken(uscc, holder.id);
        unit.uscc = uscc;
      }
      if (fields.kind !== undefined) unit.kind = fields.kind;
      if (fields.name !== undefined) unit.name = fields.name;
      if (fields.contactPost !== undefined) unit.contactPost = fields.contactPost;
      if (fields.contactName !== undefined) unit.contactName = fields.contactName;
      if (fields.contactPhone !== undefined) unit.contactPhoneEnc = this.personalData.protectPhone(fields.contactPhone).enc;
      unit.updatedAt = new Date();
      await this.committees.save();
      return toMemberUnitView(unit, this.personalData, today);
    });
  }
}
