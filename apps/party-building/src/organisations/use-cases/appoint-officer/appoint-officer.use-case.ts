import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { partyInvalid, type OfficerView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { officerConflict, organisationNotFound } from '../../organisation.errors';
import { toOfficerView } from '../../officer.mapper';
import { OfficerMembers } from '../../officer-members';
import { OfficerRepository } from '../../officer.repository';
import { OrganisationRepository } from '../../organisation.repository';
import { appointmentProblem, termClash } from '../../officer-rules';
import type { AppointOfficerCommand } from './appoint-officer.command';

/**
 * Appoints a party member to an office of an organisation the caller keeps, for a term (from today when no start is
 * given, open when no end) — a member of it or of one beneath it, in the caller's scope —: one secretary at a time, one office at a time per member (409 naming the clashing term,
 * which is of the same organisation). The organisation is locked, so two appointments never both pass the check.
 */
@Injectable()
export class AppointOfficerUseCase {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly officers: OfficerRepository,
    private readonly members: OfficerMembers,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, organisationId, officer: input }: AppointOfficerCommand): Promise<OfficerView> {
    requireRole(caller, PARTY_KEEPERS, 'appoint party officers');
    const today = chinaDay();
    const term = { memberId: input.memberId, role: input.role, startsOn: input.startsOn ?? today, endsOn: input.endsOn ?? null, directsGridCentre: input.directsGridCentre ?? false };
    return this.transactions.run(async () => {
      const organisation = await this.organisations.lock(organisationId);
      if (!organisation || !PartyScope.keeps(caller, organisation.path)) throw organisationNotFound(organisationId);
      const problem = appointmentProblem(term, organisation);
      if (problem) throw partyInvalid(problem.field, problem.reason);
      const memberProblem = await this.members.appointmentProblem(caller, term.memberId, organisation.unitCode);
      if (memberProblem) throw partyInvalid(memberProblem.field, memberProblem.reason);
      const clash = termClash(term, await this.officers.ofOrganisation(organisation.id));
      if (clash) {
        const what = clash.reason === 'secretary_overlaps' ? 'another secretary' : "the member's other office";
        throw officerConflict(clash.reason, `The term overlaps ${what} (officer ${clash.with.id}, from ${clash.with.startsOn} to ${clash.with.endsOn ?? 'open'})`, clash.with.id);
      }
      const appointed = this.officers.add(organisation, { id: randomUUID(), ...term });
      await this.officers.save();
      return toOfficerView(appointed, (await this.members.maskedNames(caller, [appointed.memberId])).get(appointed.memberId) ?? null, today);
    });
  }
}
