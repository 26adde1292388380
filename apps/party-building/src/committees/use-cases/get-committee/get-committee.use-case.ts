import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import { PersonalDataService } from '@gridline/persistence';
import { ReferenceRepository } from '@gridline/registry-reference';
import type { CommitteeDetailView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { committeeNotFound } from '../../committee.errors';
import { NO_COUNTS, toCommitteeView, toMemberUnitView } from '../../committee.mapper';
import { CommitteeRepository } from '../../committee.repository';
import type { GetCommitteeQuery } from './get-committee.query';

/** One committee in the caller's scope, with its member units (contact phones masked). */
@Injectable()
export class GetCommitteeUseCase {
  constructor(
    private readonly committees: CommitteeRepository,
    private readonly units: ReferenceRepository,
    private readonly personalData: PersonalDataService,
  ) {}

  async execute({ caller, id }: GetCommitteeQuery): Promise<CommitteeDetailView> {
    requireRole(caller, PARTY_READERS, 'read work committees');
    const committee = await this.committees.findCommittee(id);
    if (!committee || !PartyScope.reads(caller, committee.path)) throw committeeNotFound('committee', id);
    const today = chinaDay();
    const [grid, counts, memberUnits] = await Promise.all([this.units.unit(committee.gridCode), this.committees.counts([id], today), this.committees.memberUnits(id)]);
    return {
      ...toCommitteeView(committee, grid?.name ?? null, counts.get(id) ?? NO_COUNTS),
      memberUnits: memberUnits.map((m) => toMemberUnitView(m, this.personalData, today)),
    };
  }
}
