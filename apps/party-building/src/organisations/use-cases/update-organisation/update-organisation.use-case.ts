import { Injectable } from '@nestjs/common';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { ReferenceRepository } from '@gridline/registry-reference';
import type { OrganisationView } from '@gridline/contracts-party-building';
import { partyInvalid } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { organisationNotFound, unitRefused, unitTaken } from '../../organisation.errors';
import { toOrganisationView } from '../../organisation.mapper';
import { OfficerRepository } from '../../officer.repository';
import { OrganisationRepository } from '../../organisation.repository';
import type { UpdateOrganisationCommand } from './update-organisation.command';

/**
 * Renames an organisation, dissolves it (none of its children may still be active; its officers' terms still open end
 * today, or on their first day for a term not begun), or restores it (its unit must still be active and its slot
 * free; officers are appointed again). Answers the organisation as it now is; nothing changed records no event.
 */
@Injectable()
export class UpdateOrganisationUseCase {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly officers: OfficerRepository,
    private readonly units: ReferenceRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, id, changes }: UpdateOrganisationCommand): Promise<OrganisationView> {
    requireRole(caller, PARTY_KEEPERS, 'change party organisations');
    if (changes.name === undefined && changes.active === undefined) throw partyInvalid('body', 'must change name or active');
    return this.transactions.run(async () => {
      const organisation = await this.organisations.lock(id);
      if (!organisation || !PartyScope.keeps(caller, organisation.path)) throw organisationNotFound(id);
      const unit = await this.units.unit(organisation.unitCode);
      const changed: string[] = [];
      if (changes.name !== undefined && changes.name !== organisation.name) {
        organisation.name = changes.name;
        changed.push('name');
      }
      if (changes.active === false && organisation.active) {
        if ((await this.organisations.countActiveChildren(id)) > 0) throw unitRefused('active', 'cannot be false while organisations beneath it are active');
        organisation.active = false;
        changed.push('active');
        const today = chinaDay();
        for (const officer of await this.officers.ofOrganisation(organisation.id)) {
          if (officer.endsOn !== null && officer.endsOn <= today) continue;
          officer.endsOn = officer.startsOn > today ? officer.startsOn : today;
          this.officers.ended(officer, organisation);
        }
      } else if (changes.active === true && !organisation.active) {
        if (!unit?.active) throw unitRefused('active', 'cannot be true: the organisation’s unit is inactive');
        const holder = await this.organisations.findHolder(organisation.unitCode, organisation.level);
        if (holder) throw unitTaken(organisation.unitCode, organisation.level, PartyScope.reads(caller, holder.path) ? holder.id : null);
        organisation.active = true;
        changed.push('active');
      }
      if (changed.length > 0) {
        this.organisations.changed(organisation, changed);
        await this.organisations.save();
      }
      return toOrganisationView(organisation, unit);
    });
  }
}
