import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import { cstYear } from '@gridline/platform';
import { ReferenceRepository } from '@gridline/registry-reference';
import { fromHalfHours, partyInvalid, type LedgerTotalsView, type ServiceTotalsRow } from '@gridline/contracts-party-building';
import { unitNotFound } from '../../../branch-coverage/coverage.errors';
import { PartyScope } from '../../../scope/party-scope';
import { yearBounds } from '../../ledger-rules';
import { ServiceRecordRepository, type ServiceTotalsSql } from '../../service-record.repository';
import type { GetLedgerTotalsQuery } from './get-ledger-totals.query';

const asRow = (t: ServiceTotalsSql): ServiceTotalsRow => ({
  hours: fromHalfHours(t.halfHours),
  points: t.points,
  records: t.records,
  members: t.members,
  pendingHours: fromHalfHours(t.pendingHalfHours),
});

/**
 * Totals of approved service per branch (organisation) and per unit (each grid, community and street takes in what
 * is beneath it) for a China year — the current one by default — or a period `from`–`to`, cut to the caller's scope
 * (a unit asked outside it, or unknown to the map copy, is not found).
 */
@Injectable()
export class GetLedgerTotalsUseCase {
  constructor(
    private readonly records: ServiceRecordRepository,
    private readonly units: ReferenceRepository,
  ) {}

  async execute({ caller, query }: GetLedgerTotalsQuery): Promise<LedgerTotalsView> {
    requireRole(caller, PARTY_READERS, 'read the party’s service totals');
    const period = periodOf(query);
    if (query.unit) {
      const unit = await this.units.unit(query.unit);
      if (!unit || !PartyScope.reads(caller, unit.path)) throw unitNotFound(query.unit);
    }
    const totals = await this.records.totals({ units: PartyScope.units(caller), unit: query.unit, ...period });
    return {
      unit: query.unit ?? null,
      ...period,
      byOrganisation: totals.byOrganisation.map((t) => ({ organisationId: t.key, unitCode: t.unitCode, ...asRow(t) })),
      byUnit: totals.byUnit.map((t) => ({ unitCode: t.unitCode, ...asRow(t) })),
    };
  }
}

function periodOf(query: { year?: number; from?: string; to?: string }): { from: string; to: string } {
  if (query.from === undefined && query.to === undefined) return yearBounds(query.year ?? cstYear());
  if (query.year !== undefined) throw partyInvalid('year', 'must not be given with from and to');
  if (query.from === undefined) throw partyInvalid('from', 'is required with to');
  if (query.to === undefined) throw partyInvalid('to', 'is required with from');
  if (query.to < query.from) throw partyInvalid('to', 'must not be before from');
  return { from: query.from, to: query.to };
}
