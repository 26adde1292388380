import { Injectable } from '@nestjs/common';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { partyInvalid, type OfficerView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { officerConflict, officerNotFound, organisationNotFound } from '../../organisation.errors';
import { toOfficerView } from '../../officer.mapper';
import { OfficerMembers } from '../../officer-members';
import { OfficerRepository } from '../../officer.repository';
import { OrganisationRepository } from '../../organisation.repository';
import { endingProblem } from '../../officer-rules';
import type { EndOfficerTermCommand } from './end-officer-term.command';

/** Ends an open term of an organisation the caller keeps (on or after its first day); an ended term stays as it is (409). */
@Injectable()
export class EndOfficerTermUseCase {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly officers: OfficerRepository,
    private readonly members: OfficerMembers,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, organisationId, officerId, endsOn }: EndOfficerTermCommand): Promise<OfficerView> {
    requireRole(caller, PARTY_KEEPERS, 'end party officers’ terms');
    return this.transactions.run(async () => {
      const organisation = await this.organisations.lock(organisationId);
      if (!organisation || !PartyScope.keeps(caller, organisation.path)) throw organisationNotFound(organisationId);
      const officer = await this.officers.findById(officerId);
      if (!officer || officer.organisationId !== organisation.id) throw officerNotFound(officerId);
      const problem = endingProblem(officer, endsOn);
      if (problem?.alreadyEnded) throw officerConflict('already_ended', `Officer ${officer.id}: ${problem.reason}`, officer.id);
      if (problem) throw partyInvalid(problem.field, problem.reason);
      officer.endsOn = endsOn;
      this.officers.ended(officer, organisation);
      await this.officers.save();
      return toOfficerView(officer, (await this.members.maskedNames(caller, [officer.memberId])).get(officer.memberId) ?? null, chinaDay());
    });
  }
}
