import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { ReferenceRepository, RegistryReference } from '@gridline/registry-reference';
import { partyInvalid, type CommitteeView } from '@gridline/contracts-party-building';
import { OrganisationRepository } from '../../../organisations/organisation.repository';
import { unitRefused } from '../../../organisations/organisation.errors';
import { PartyScope } from '../../../scope/party-scope';
import { gridHasCommittee } from '../../committee.errors';
import { NO_COUNTS, toCommitteeView } from '../../committee.mapper';
import { CommitteeRepository } from '../../committee.repository';
import type { CreateCommitteeCommand } from './create-committee.command';

/**
 * Founds the work committee of an exclusive grid: the grid must be an active `exclusive_grid` in the caller's scope
 * without an active committee (409 otherwise, naming it only to a caller who may see it). The committee belongs to
 * the grid's joint branch when it has one, whose secretary convenes it unless a post is named.
 */
@Injectable()
export class CreateCommitteeUseCase {
  constructor(
    private readonly committees: CommitteeRepository,
    private readonly organisations: OrganisationRepository,
    private readonly reference: RegistryReference,
    private readonly units: ReferenceRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, committee: input }: CreateCommitteeCommand): Promise<CommitteeView> {
    requireRole(caller, PARTY_KEEPERS, 'found work committees');
    if (input.foundedOn > chinaDay()) throw partyInvalid('foundedOn', 'must not be after today');
    await this.reference.prefetch({ unit: [input.gridCode] });
    return this.transactions.run(async () => {
      const grid = await this.units.unit(input.gridCode);
      // A unit the caller may not keep is answered as unknown: nothing is told of units outside the scope.
      if (!grid || !PartyScope.keeps(caller, grid.path)) throw unitRefused('gridCode', 'is not a unit in your scope');
      if (grid.level !== 'exclusive_grid') throw unitRefused('gridCode', `must be an exclusive_grid, not a ${grid.level}`);
      if (!grid.active) throw unitRefused('gridCode', 'is an inactive unit');
      const holder = await this.committees.findActiveOfGrid(grid.code);
      if (holder) throw gridHasCommittee(grid.code, PartyScope.reads(caller, holder.path) ? holder.id : null);
      const jointBranch = await this.organisations.findHolder(grid.code, 'joint_branch');
      if (!input.convenorPost && !jointBranch) throw partyInvalid('convenorPost', 'is required: the grid has no joint branch whose secretary would convene');
      const created = this.committees.addCommittee({
        id: randomUUID(),
        name: input.name,
        gridCode: grid.code,
        path: [...grid.path],
        jointBranchId: jointBranch?.id ?? null,
        foundedOn: input.foundedOn,
        convenorPost: input.convenorPost ?? null,
      });
      await this.committees.save();
      return toCommitteeView(created, grid.name, NO_COUNTS);
    });
  }
}
