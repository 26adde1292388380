import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { SYSTEM_CALLER, mayBackdate, requireRole, scopeCovers, type Caller, type Role } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { RegistryClient, RegistryErrorCode } from '@gridline/contracts-registry';
import { IncidentErrorCode, type ReportIncidentRequest, type ReportResult } from '@gridline/contracts-incidents';
import { INCIDENTS_CONFIG, IncidentsConfig } from '../../../incidents.config';
import { PhotoAttachments } from '../../../photos/photo-attachments';
import { ReferenceRepository } from '@gridline/registry-reference';
import { IncidentJournal } from '../../incident-journal';
import type { IncidentEntity } from '../../incident.entity';
import { incidentInvalid } from '../../incident.errors';
import { codesOf, toIncidentView } from '../../incident.mapper';
import { IncidentRepository } from '../../incident.repository';
import type { ReportIncidentCommand } from './report-incident.command';

/** Everyone who works in the grids may report; callers who only read figures may not. */
const REPORTERS: readonly Role[] = [
  'admin', 'street_admin', 'community_admin', 'grid_instructor', 'grid_staff', 'grid_partner', 'hotline_operator', 'department',
  'party_secretary', 'building_chief', 'property_staff', 'community_police', 'social_worker',
];

/** Reports a case: category and grid checked, the accept clock started, possible duplicates shown. */
@Injectable()
export class ReportIncidentUseCase {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly reference: ReferenceRepository,
    private readonly registry: RegistryClient,
    private readonly journal: IncidentJournal,
    @Inject(INCIDENTS_CONFIG) private readonly config: IncidentsConfig,
    private readonly attachments: PhotoAttachments,
    private readonly transactions: TransactionRunner,
  ) {}

  /**
   * The report is a transaction of its own — or, inside one already open (an event consumer's, with its inbox row),
   * a savepoint in it, everything read through it.
   */
  async execute({ caller, incident: input, idempotencyKey, appealHandoff, origin, foundAt }: ReportIncidentCommand): Promise<ReportResult> {
    requireRole(caller, REPORTERS, 'report cases');
    const category = await this.reference.category(input.categoryCode);
    if (!category || !category.parentCode || !category.active) {
      throw incidentInvalid('categoryCode', `${input.categoryCode} is not an active minor category of the responsibility list`);
    }
    // A back-dated hand-off's case is found when it was handed down (never later than now).
    const reportedAt = foundAt ? new Date(Math.min(foundAt.getTime(), Date.now())) : this.reportedAt(caller, input.reportedAt);
    const grid = await this.resolveGrid(input);
    if (!scopeCovers(caller, grid.path)) {
      throw new AppError(IncidentErrorCode.OutOfScope, 'forbidden', `Grid ${grid.code} is outside your scope`, { gridCode: grid.code });
    }

    const hash = createHash('sha256').update(canonicalJson(input)).digest('hex');
    const id = randomUUID();
    const created = await this.transactions.run(async (): Promise<IncidentEntity | string> => {
      if (idempotencyKey) {
        const earlier = await this.incidents.claimIdempotencyKey(caller.sub, idempotencyKey, hash, id);
        if (earlier) {
          if (earlier.requestHash !== hash) {
            throw new AppError(IncidentErrorCode.IdempotencyMismatch, 'rule_violation', 'This Idempotency-Key was used for a different report', { idempotencyKey });
          }
          return earlier.incidentId;
        }
      }
      const now = reportedAt;
      const incident = this.incidents.build({
        id,
        status: 'reported',
        categoryCode: category.code,
        title: input.title,
        description: input.description,
        lat: input.location?.lat ?? null,
        lng: input.location?.lng ?? null,
        address: input.location?.address ?? null,
        gridCode: grid.code,
        path: grid.path,
        urgency: input.urgency ?? 'normal',
        source: input.source,
        reporter: caller.sub,
        attachments: this.attachments.ofReport(input.attachments),
        appealRef: input.appealRef ?? null,
        appealHandoff: appealHandoff ?? null,
        createdAt: now,
        updatedAt: now,
        workOrder: await this.incidents.nextWorkOrderNumber(now),
        separationOfDuties: !(this.config.SEPARATION_OF_DUTIES_OFF_STREETS ?? '').split(',').includes(grid.path[0]),
      });
      await this.journal.startStep(incident, now);
      // The case, its first entry and its event: one statement, nothing of the unit of work to compute.
      await this.incidents.insert(incident, this.journal.firstEntry(incident, { action: 'report', actor: caller.sub, from: null, at: now, ...(origin ? { details: origin } : {}) }, 'reported'));
      return incident;
    });

    // A new case is answered as stored (no read after the commit); a replay with the case the key made first.
    const incident = typeof created === 'string' ? (await this.incidents.findById(created))! : created;
    return { incident: toIncidentView(incident, caller, await this.reference.names(codesOf([incident]))), replayed: typeof created === 'string', possibleDuplicates: await this.duplicatesOf(caller, incident) };
  }

  /**
   * A case recorded later starts its clock when it was found: the grid centre may say so, 30 days back at most; the
   * demo seed (mayBackdate), loading a history, a year back at most.
   */
  private reportedAt(caller: Caller, given?: string): Date {
    if (!given) return new Date();
    const at = new Date(given);
    const seed = mayBackdate(caller);
    if (!seed && !caller.roles.some((r) => r === 'admin' || r === 'street_admin' || r === 'community_admin')) {
      throw incidentInvalid('reportedAt', 'may be given by the grid centre only');
    }
    if (at.getTime() > Date.now() + 60_000) throw incidentInvalid('reportedAt', 'is in the future');
    const days = seed ? 366 : 30;
    if (at.getTime() < Date.now() - days * 86_400_000) throw incidentInvalid('reportedAt', `is more than ${days} days back`);
    return at;
  }

  private async resolveGrid(input: ReportIncidentRequest): Promise<{ code: string; path: string[] }> {
    let code = input.gridCode;
    if (!code) {
      if (!input.location) throw incidentInvalid('location', 'or gridCode is required');
      try {
        code = (await this.registry.locate(SYSTEM_CALLER, { lat: input.location.lat, lng: input.location.lng })).grid.code;
      } catch (error) {
        if (error instanceof AppError && error.code === RegistryErrorCode.NoGridAtPoint) throw incidentInvalid('location', 'is in no grid of the map');
        throw error;
      }
    }
    const unit = await this.reference.unit(code);
    if (!unit || (unit.level !== 'grid' && unit.level !== 'exclusive_grid') || !unit.active) {
      throw incidentInvalid('gridCode', `${code} is not an active grid`);
    }
    if (input.gridCode && input.location) await this.assertLocationInGrid(unit.code, input.location);
    return { code: unit.code, path: unit.path };
  }

  /**
   * A location given with a grid must lie in that grid (its boundary included), so that a case cannot be put on
   * one grid's list while it happened on another's. The boundary is the registry's (incidents keeps no shapes);
   * an exclusive grid overlapping an ordinary one makes the point valid for both.
   */
  private async assertLocationInGrid(gridCode: string, location: { lat: number; lng: number }): Promise<void> {
    const { boundary } = await this.registry.getUnit(SYSTEM_CALLER, gridCode);
    if (boundary && !booleanPointInPolygon([location.lng, location.lat], boundary)) {
      throw incidentInvalid('location', `is not inside grid ${gridCode}`);
    }
  }

  /** Open cases of the same category nearby, among those the caller may see (see `mayView`). */
  private async duplicatesOf(caller: Caller, incident: IncidentEntity): Promise<ReportResult['possibleDuplicates']> {
    if (incident.lat === null || incident.lng === null || this.config.INCIDENT_DUPLICATE_RADIUS_M === 0) return [];
    const since = new Date(Date.now() - this.config.INCIDENT_DUPLICATE_DAYS * 86_400_000);
    const rows = await this.incidents.nearby(caller, incident.categoryCode, incident.lat, incident.lng, this.config.INCIDENT_DUPLICATE_RADIUS_M, since, incident.id);
    return rows
      .filter((r) => Number(r.distance) <= this.config.INCIDENT_DUPLICATE_RADIUS_M)
      .map((r) => ({ id: r.id, title: r.title, status: r.status as ReportResult['possibleDuplicates'][number]['status'], distanceMeters: Math.round(Number(r.distance)), createdAt: new Date(r.created_at).toISOString() }));
  }
}

/** JSON with object keys sorted, so that the same report hashes the same whatever its key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
