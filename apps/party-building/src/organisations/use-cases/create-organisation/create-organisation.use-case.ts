import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { TransactionRunner } from '@gridline/persistence';
import { ReferenceRepository, RegistryReference } from '@gridline/registry-reference';
import type { OrganisationView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { organisationNotFound, unitRefused, unitTaken } from '../../organisation.errors';
import { toOrganisationView } from '../../organisation.mapper';
import { OrganisationRepository } from '../../organisation.repository';
import { bindingProblem } from '../../organisation-rules';
import type { CreateOrganisationCommand } from './create-organisation.command';

/**
 * Founds a party organisation on the grid map: the unit must be active, of the level's kind, within the caller's
 * scope, beneath its parent's unit, and not already hold an organisation of that kind (one grid, one branch).
 */
@Injectable()
export class CreateOrganisationUseCase {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly reference: RegistryReference,
    private readonly units: ReferenceRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, organisation: input }: CreateOrganisationCommand): Promise<OrganisationView> {
    requireRole(caller, PARTY_KEEPERS, 'found party organisations');
    await this.reference.prefetch({ unit: [input.unitCode] });
    return this.transactions.run(async () => {
      const unit = await this.units.unit(input.unitCode);
      // A unit the caller may not keep is answered as unknown: nothing is told of units outside the scope.
      if (!unit || !PartyScope.keeps(caller, unit.path)) throw unitRefused('unitCode', 'is not a unit in your scope');
      const parent = input.parentId ? await this.organisations.lock(input.parentId) : null;
      if (input.parentId && (!parent || !PartyScope.reads(caller, parent.path))) throw organisationNotFound(input.parentId);
      const problem = bindingProblem(input.level, unit, parent);
      if (problem) throw unitRefused(problem.field, problem.reason);
      const holder = await this.organisations.findHolder(unit.code, input.level);
      if (holder) throw unitTaken(unit.code, input.level, PartyScope.reads(caller, holder.path) ? holder.id : null);
      const created = this.organisations.add({ id: randomUUID(), name: input.name, level: input.level, parentId: parent?.id ?? null, unitCode: unit.code, path: [...unit.path] });
      await this.organisations.save();
      return toOrganisationView(created, unit);
    });
  }
}
