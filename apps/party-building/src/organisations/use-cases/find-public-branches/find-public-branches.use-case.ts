import { Injectable } from '@nestjs/common';
import { requirePublicCaller } from '@gridline/auth';
import type { PublicBranchView } from '@gridline/contracts-party-building';
import { OrganisationRepository } from '../../organisation.repository';
import type { FindPublicBranchesQuery } from './find-public-branches.query';

/**
 * The grids' active branches (joint branches of exclusive grids) for the public grid lookup: name and level only. It
 * answers the public caller (signed by the gateway) and no one else — staff have the organisation routes, with scope.
 */
@Injectable()
export class FindPublicBranchesUseCase {
  constructor(private readonly organisations: OrganisationRepository) {}

  async execute({ caller, gridCodes }: FindPublicBranchesQuery): Promise<PublicBranchView[]> {
    requirePublicCaller(caller, 'The public branch lookup');
    const branches = await this.organisations.activeBranchesOf([...new Set(gridCodes)]);
    return branches.map((b) => ({ unitCode: b.unitCode, name: b.name, level: b.level as PublicBranchView['level'] }));
  }
}
