import { Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import { AnalyticsClient } from '@gridline/contracts-analytics';
import { FINAL_STATUSES, IncidentsClient, type IncidentStatus } from '@gridline/contracts-incidents';
import { ORGANISATION_LEVELS, OrganisationsClient, StationsClient, type OfficerView, type OrganisationView } from '@gridline/contracts-party-building';
import { RegistryClient, RegistryErrorCode, RegistryPeopleClient, UNIT_CODE_LENGTH, type UnitView } from '@gridline/contracts-registry';
import { AppError, chinaDay } from '@gridline/platform';
import { PartAsker, dataOr } from '../../../http/parts';
import type { OverviewAncestor, OverviewCases, OverviewOfficer, OverviewParty, OverviewStaff, OverviewStations, UnitOverview } from '../../unit-overview.types';

/** The most red stations an overview lists (the page of the stations list it asks for). */
export const OVERVIEW_STATIONS_MAX = 20;

/** Statuses of a case that is no longer open (closed waits only for its evaluation). */
const NOT_OPEN: readonly IncidentStatus[] = [...FINAL_STATUSES, 'closed'];

/**
 * A unit's overview in one answer (the grid centre's "grid card"): the unit from the registry as the caller — out of
 * scope (the registry's 403) or unknown answers 404 for the whole — then, in parallel and each within PART_TIMEOUT_MS, its people, its
 * party organisation with the officers, its red stations, its open cases and this month's figures, each asked of its
 * service as the caller (the service checks roles and scope). A part that times out, whose service is down, or that
 * the caller may not see comes back as its status; the rest still answers.
 */
@Injectable()
export class ReadUnitOverviewUseCase {
  constructor(
    private readonly registry: RegistryClient,
    private readonly people: RegistryPeopleClient,
    private readonly organisations: OrganisationsClient,
    private readonly stations: StationsClient,
    private readonly incidents: IncidentsClient,
    private readonly analytics: AnalyticsClient,
    private readonly parts: PartAsker,
  ) {}

  async execute(caller: Caller, code: string, today: string = chinaDay()): Promise<UnitOverview> {
    const unit = await this.registry.getUnit(caller, code).catch((error: unknown) => {
      throw error instanceof AppError && error.kind === 'forbidden' ? asUnknownUnit(code) : error;
    });
    const [street, community, staff, party, stations, cases, figures] = await Promise.all([
      this.ancestor(caller, unit, 'street'),
      this.ancestor(caller, unit, 'community'),
      this.parts.ask('staff', () => this.staffOf(caller, code)),
      this.parts.ask('party', () => this.partyOf(caller, code)),
      this.parts.ask('stations', () => this.stationsOf(caller, code)),
      this.parts.ask('cases', () => this.casesOf(caller, code)),
      this.parts.ask('figures', () => this.analytics.figures(caller, { unit: code, period: 'month', from: today })),
    ]);
    return {
      unit: { code: unit.code, name: unit.name, level: unit.level, kind: unit.kind, active: unit.active, parentCode: unit.parentCode },
      street,
      community,
      staff,
      party,
      stations,
      cases,
      figures,
    };
  }

  /** The street or community above the unit (null when the unit is one, or has none), named where the caller may read it. */
  private async ancestor(caller: Caller, unit: UnitView, level: 'street' | 'community'): Promise<OverviewAncestor | null> {
    const code = unit.path.find((c) => c !== unit.code && c.length === UNIT_CODE_LENGTH[level]);
    if (code === undefined) return null;
    const found = dataOr(await this.parts.ask(level, () => this.registry.getUnit(caller, code)), null);
    return { code, name: found?.name ?? null };
  }

  private async staffOf(caller: Caller, code: string): Promise<OverviewStaff[]> {
    const assignments = await this.people.unitPeople(caller, code);
    return assignments.map((a) => ({ personId: a.personId, name: a.personName, role: a.role, workPhone: a.workPhone, phone: a.personPhone, startsOn: a.startsOn }));
  }

  /** The active organisation bound to the unit itself (the highest level if several), with its current officers. */
  private async partyOf(caller: Caller, code: string): Promise<OverviewParty> {
    const page = await this.organisations.list(caller, { unit: code, pageSize: 100 });
    const own = page.items
      .filter((o) => o.unitCode === code && o.active && o.level !== 'party_group')
      .sort((a, b) => ORGANISATION_LEVELS.indexOf(a.level) - ORGANISATION_LEVELS.indexOf(b.level))[0] as OrganisationView | undefined;
    if (!own) return { organisation: null, secretary: null, officers: [] };
    const detail = await this.organisations.get(caller, own.id);
    const officers = detail.officers.filter((o) => o.current).map(toOfficer);
    return { organisation: { id: own.id, name: own.name, level: own.level }, secretary: officers.find((o) => o.role === 'secretary') ?? null, officers };
  }

  private async stationsOf(caller: Caller, code: string): Promise<OverviewStations> {
    const page = await this.stations.list(caller, { unit: code, active: true, pageSize: OVERVIEW_STATIONS_MAX });
    return {
      total: page.total,
      stations: page.items.map((s) => ({ id: s.id, name: s.name, address: s.address, gridCode: s.gridCode, location: s.location, openingHours: s.openingHours, functions: s.functions, contact: s.contact })),
    };
  }

  private async casesOf(caller: Caller, code: string): Promise<OverviewCases> {
    const counts = await this.incidents.counts(caller, { unit: code });
    const byStatus = Object.fromEntries(Object.entries(counts.byStatus).filter(([status, n]) => !NOT_OPEN.includes(status as IncidentStatus) && (n ?? 0) > 0));
    return { open: Object.values(byStatus).reduce((sum: number, n) => sum + (n ?? 0), 0), byStatus, overdue: counts.overdue, supervised: counts.supervised };
  }
}

/** A unit outside the caller's scope answered exactly as the registry answers an unknown one (the overview names nothing of it). */
function asUnknownUnit(code: string): AppError {
  return new AppError(RegistryErrorCode.UnitNotFound, 'not_found', `Unit ${code} does not exist`, { code });
}

function toOfficer(officer: OfficerView): OverviewOfficer {
  return { role: officer.role, memberName: officer.memberName, startsOn: officer.startsOn };
}
