import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import { ReferenceRepository } from '@gridline/registry-reference';
import type { CoverageView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { OfficerMembers } from '../../../organisations/officer-members';
import { OfficerRepository } from '../../../organisations/officer.repository';
import { BRANCH_LEVELS } from '../../../organisations/organisation-rules';
import { GRID_CENTRE_LEVELS } from '../../../organisations/officer-rules';
import { CoverageRepository, type CoverageArea } from '../../coverage.repository';
import { coverageOf } from '../../coverage-rules';
import { unitNotFound } from '../../coverage.errors';
import type { ReportCoverageQuery } from './report-coverage.query';

/**
 * One grid, one branch (一网格一支部), as the map copy stands now: the active grids of the caller's scope (or of the
 * unit asked, which must be in it: otherwise not found) without an active branch, the branches on an inactive
 * grid or without a current secretary, and per community the share covered and who directs its grid centre.
 */
@Injectable()
export class ReportCoverageUseCase {
  constructor(
    private readonly coverage: CoverageRepository,
    private readonly units: ReferenceRepository,
    private readonly officers: OfficerRepository,
    private readonly members: OfficerMembers,
  ) {}

  async execute({ caller, unitCode }: ReportCoverageQuery): Promise<CoverageView> {
    requireRole(caller, PARTY_READERS, 'read the party coverage');
    if (unitCode) {
      const unit = await this.units.unit(unitCode);
      if (!unit || !PartyScope.reads(caller, unit.path)) throw unitNotFound(unitCode);
    }
    const area: CoverageArea = { units: PartyScope.units(caller), under: unitCode };
    const today = chinaDay();
    const grids = await this.coverage.activeUnits(['grid', 'exclusive_grid'], area);
    const communities = await this.coverage.activeUnits(['community'], area);
    const branches = await this.coverage.activeOrganisations(BRANCH_LEVELS, area);
    const committees = await this.coverage.activeOrganisations(GRID_CENTRE_LEVELS, area);
    const branchUnits = await this.units.find({ unit: branches.map((b) => b.unitCode) });
    const secretaries = await this.officers.currentIn([...branches, ...committees].map((o) => o.id), today, 'secretary');
    const directors = secretaries.filter((s) => s.directsGridCentre);
    return coverageOf({
      unitCode,
      grids: grids.map((g) => ({ code: g.code, name: g.name, level: g.level, path: g.path })),
      communities: communities.map((c) => ({ code: c.code, name: c.name })),
      branches: branches.map((b) => {
        const unit = branchUnits.get('unit', b.unitCode);
        return { id: b.id, name: b.name, level: b.level, unitCode: b.unitCode, unitName: unit?.name ?? null, unitActive: unit?.active ?? false };
      }),
      committees: committees.map((c) => ({ id: c.id, unitCode: c.unitCode })),
      secretaries,
      memberNames: await this.members.maskedNames(caller, directors.map((d) => d.memberId)),
    });
  }
}
