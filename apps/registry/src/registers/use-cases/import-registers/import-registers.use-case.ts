import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireRole, scopeCovers, type Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { EventPublisher } from '@gridline/messaging';
import { pgTextArray } from '@gridline/persistence';
import {
  REGISTRY_EVENTS,
  RegistryErrorCode,
  parseResidentId,
  type ImportBatchResult,
  type ImportKind,
  type ImportRejection,
  type ImportReport,
} from '@gridline/contracts-registry';
import { PersonalDataService } from '../../../personal-data/personal-data.service';
import { GridResolver, type ResolvedGrid } from '../../grid-resolver';
import { ImportJobEntity } from '../../register.entities';
import { REGISTER_WRITERS } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import { QualityService } from '../../quality.service';
import { parseBuildingRow, parseHouseholdRow, parseResidentRow, type BuildingRow, type HouseholdRow, type ResidentRow } from './import-rows';

/** Rejections kept in the report; beyond this only the count grows. */
const MAX_KEPT_REJECTIONS = 10_000;

type Outcome = 'created' | 'updated' | 'unchanged';

/**
 * Bulk import of buildings, households and residents. The gateway streams the CSV file and sends it in
 * batches; each batch commits on its own (valid rows stored, invalid rows reported with row, field and
 * reason). Re-importing the same file changes nothing: residents are matched by ID number (through its
 * keyed hash), buildings by grid and address, households by grid, address and room.
 */
@Injectable()
export class ImportRegistersUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly grids: GridResolver,
    private readonly personalData: PersonalDataService,
    private readonly quality: QualityService,
    private readonly events: EventPublisher,
  ) {}

  async start(caller: Caller, kind: ImportKind, jobId: string = randomUUID()): Promise<ImportReport> {
    requireRole(caller, REGISTER_WRITERS, 'import registers');
    return this.registers.transactional(async (em) => {
      if (await em.findOne(ImportJobEntity, { id: jobId })) {
        throw new AppError(RegistryErrorCode.RegisterInvalid, 'conflict', `Import ${jobId} exists already: choose a new id`, { jobId });
      }
      const job = em.create(ImportJobEntity, { id: jobId, kind, actor: caller.sub });
      em.persist(job);
      await em.flush();
      return toReport(job);
    });
  }

  async get(caller: Caller, jobId: string): Promise<ImportReport> {
    return toReport(await this.job(caller, jobId));
  }

  async batch(caller: Caller, jobId: string, firstRow: number, rows: Record<string, string>[]): Promise<ImportBatchResult> {
    const job = await this.job(caller, jobId);
    if (job.status !== 'running') throw new AppError(RegistryErrorCode.ImportNotFound, 'conflict', `Import ${jobId} is ${job.status}`, { jobId });
    const result = await this.registers.transactional(async (em) => {
      const outcome = await this.apply(em, caller, job.kind, firstRow, rows);
      const counts = { created: 0, updated: 0, unchanged: 0 };
      for (const o of outcome.outcomes) counts[o] += 1;
      const kept = outcome.rejections.slice(0, Math.max(0, MAX_KEPT_REJECTIONS - job.rejections.length));
      await em.execute(
        `update "${em.config.get('schema')}"."import_job" set rows_total = rows_total + ?, created_count = created_count + ?, updated_count = updated_count + ?,
           unchanged_count = unchanged_count + ?, rejected_count = rejected_count + ?, rejections = rejections || ?::jsonb where id = ?`,
        [rows.length, counts.created, counts.updated, counts.unchanged, outcome.rejections.length, JSON.stringify(kept), jobId],
      );
      await this.quality.announce(em, outcome.grids);
      await em.flush();
      return { ...counts, rejections: outcome.rejections };
    });
    return result;
  }

  async finish(caller: Caller, jobId: string): Promise<ImportReport> {
    const job = await this.job(caller, jobId);
    if (job.status !== 'running') return toReport(job);
    return this.registers.transactional(async (em) => {
      const current = await em.findOneOrFail(ImportJobEntity, { id: jobId });
      current.status = 'completed';
      current.finishedAt = new Date();
      this.events.record(em, REGISTRY_EVENTS.importCompleted, jobId, {
        jobId,
        kind: current.kind,
        rowsTotal: current.rowsTotal,
        created: current.createdCount,
        updated: current.updatedCount,
        unchanged: current.unchangedCount,
        rejected: current.rejectedCount,
      });
      await em.flush();
      return toReport(current);
    });
  }

  private async job(caller: Caller, jobId: string): Promise<ImportJobEntity> {
    const job = await this.registers.transactional((em) => em.findOne(ImportJobEntity, { id: jobId }));
    if (!job || (job.actor !== caller.sub && !caller.roles.includes('admin'))) {
      throw new AppError(RegistryErrorCode.ImportNotFound, 'not_found', `Import ${jobId} does not exist`, { jobId });
    }
    return job;
  }

  private async apply(em: EntityManager, caller: Caller, kind: ImportKind, firstRow: number, raw: Record<string, string>[]) {
    const rejections: ImportRejection[] = [];
    const parse = { buildings: parseBuildingRow, households: parseHouseholdRow, residents: parseResidentRow }[kind];
    const valid: (BuildingRow | HouseholdRow | ResidentRow)[] = [];
    raw.forEach((r, i) => {
      const parsed = parse(r, firstRow + i);
      if ('rejection' in parsed) rejections.push(parsed.rejection);
      else valid.push(parsed.ok);
    });
    const grids = await this.grids.resolveMany(valid.map((r) => r.gridCode));
    const placed: { row: BuildingRow | HouseholdRow | ResidentRow; grid: ResolvedGrid }[] = [];
    for (const row of valid) {
      const grid = grids.get(row.gridCode);
      if (!grid) rejections.push({ row: row.row, field: 'grid_code', reason: 'is not an active grid of the map' });
      else if (!scopeCovers(caller, grid.path)) rejections.push({ row: row.row, field: 'grid_code', reason: 'is outside your scope' });
      else placed.push({ row, grid });
    }
    let outcomes: Outcome[];
    if (kind === 'buildings') outcomes = await this.importBuildings(em, placed as { row: BuildingRow; grid: ResolvedGrid }[]);
    else if (kind === 'households') outcomes = await this.importHouseholds(em, placed as { row: HouseholdRow; grid: ResolvedGrid }[]);
    else outcomes = await this.importResidents(em, placed as { row: ResidentRow; grid: ResolvedGrid }[], rejections);
    rejections.sort((a, b) => a.row - b.row);
    return { outcomes, rejections, grids: new Set(placed.map((p) => p.grid.code)) };
  }

  private async importBuildings(em: EntityManager, rows: { row: BuildingRow; grid: ResolvedGrid }[]): Promise<Outcome[]> {
    const s = `"${em.config.get('schema')}"`;
    const outcomes: Outcome[] = [];
    for (const { row, grid } of rows) {
      const [r]: { inserted: boolean; changed: boolean }[] = await em.execute(
        `insert into ${s}.building (id, grid_code, path, address, name, floors, unit_count) values (?, ?, ?::text[], ?, ?, ?, ?)
         on conflict (grid_code, address) do update set name = excluded.name, floors = excluded.floors, unit_count = excluded.unit_count, updated_at = now()
           where (building.name, building.floors, building.unit_count) is distinct from (excluded.name, excluded.floors, excluded.unit_count)
         returning (xmax = 0) as inserted, true as changed`,
        [randomUUID(), grid.code, pgTextArray(grid.path), row.address, row.name, row.floors, row.unitCount],
      );
      outcomes.push(!r ? 'unchanged' : r.inserted ? 'created' : 'updated');
    }
    return outcomes;
  }

  private async importHouseholds(em: EntityManager, rows: { row: HouseholdRow; grid: ResolvedGrid }[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    for (const { row, grid } of rows) {
      outcomes.push((await this.household(em, grid, row.address, row.room)).created ? 'created' : 'unchanged');
    }
    return outcomes;
  }

  /** Finds or creates the household (and its building, when an address is a building's). */
  private async household(em: EntityManager, grid: ResolvedGrid, address: string, room: string): Promise<{ id: string; created: boolean }> {
    const s = `"${em.config.get('schema')}"`;
    const inserted: { id: string }[] = await em.execute(
      `insert into ${s}.household (id, grid_code, path, building_id, address, room)
       values (?, ?, ?::text[], (select id from ${s}.building where grid_code = ? and address = ?), ?, ?)
       on conflict (grid_code, address, room) do nothing returning id`,
      [randomUUID(), grid.code, pgTextArray(grid.path), grid.code, address, address, room],
    );
    if (inserted.length > 0) return { id: inserted[0].id, created: true };
    const [existing]: { id: string }[] = await em.execute(`select id from ${s}.household where grid_code = ? and address = ? and room = ?`, [grid.code, address, room]);
    return { id: existing.id, created: false };
  }

  private async importResidents(em: EntityManager, rows: { row: ResidentRow; grid: ResolvedGrid }[], rejections: ImportRejection[]): Promise<Outcome[]> {
    const s = `"${em.config.get('schema')}"`;
    const seen = new Map<string, number>();
    const prepared = [];
    for (const { row, grid } of rows) {
      const id = this.personalData.protectIdNumber(row.idNumber);
      const first = seen.get(id.index);
      if (first !== undefined) {
        rejections.push({ row: row.row, field: 'id_number', reason: `repeats the resident of row ${first}` });
        continue;
      }
      seen.set(id.index, row.row);
      prepared.push({ row, grid, id, phoneIndex: row.phone ? this.personalData.indexPhone(row.phone) : null });
    }
    if (prepared.length === 0) return [];
    const existing: { id: string; id_number_index: string; name: string; phone_index: string | null; tags: string[]; household_id: string | null; grid_code: string }[] =
      await em.execute(`select id, id_number_index, name, phone_index, tags, household_id, grid_code from ${s}.resident where id_number_index in (${prepared.map(() => '?').join(',')})`, prepared.map((p) => p.id.index));
    const byIndex = new Map(existing.map((e) => [e.id_number_index, e]));
    const households = new Map<string, string>();
    const outcomes: Outcome[] = [];
    const inserts: unknown[][] = [];
    for (const p of prepared) {
      let householdId: string | null = null;
      if (p.row.building) {
        const key = `${p.grid.code}\u0000${p.row.building}\u0000${p.row.room}`;
        householdId = households.get(key) ?? (await this.household(em, p.grid, p.row.building, p.row.room)).id;
        households.set(key, householdId);
      }
      const current = byIndex.get(p.id.index);
      const tags = [...p.row.tags].sort();
      if (!current) {
        const { sex, birthDate } = parseResidentId(p.row.idNumber);
        const phone = p.row.phone ? this.personalData.protectPhone(p.row.phone) : null;
        inserts.push([randomUUID(), p.grid.code, pgTextArray(p.grid.path), householdId, p.row.name, p.id.enc, p.id.index, sex, birthDate, phone?.enc ?? null, phone?.index ?? null, pgTextArray(tags)]);
        outcomes.push('created');
        continue;
      }
      const same =
        current.name === p.row.name &&
        current.phone_index === p.phoneIndex &&
        [...current.tags].sort().join() === tags.join() &&
        current.household_id === householdId &&
        current.grid_code === p.grid.code;
      if (same) {
        outcomes.push('unchanged');
        continue;
      }
      const phone = p.row.phone ? this.personalData.protectPhone(p.row.phone) : null;
      await em.execute(
        `update ${s}.resident set name = ?, phone_enc = ?, phone_index = ?, tags = ?::text[], household_id = ?, grid_code = ?, path = ?::text[], updated_at = now() where id = ?`,
        [p.row.name, phone?.enc ?? null, phone?.index ?? null, pgTextArray(tags), householdId, p.grid.code, pgTextArray(p.grid.path), current.id],
      );
      outcomes.push('updated');
    }
    if (inserts.length > 0) {
      await em.execute(
        `insert into ${s}.resident (id, grid_code, path, household_id, name, id_number_enc, id_number_index, sex, birth_date, phone_enc, phone_index, tags)
         values ${inserts.map(() => '(?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?::text[])').join(', ')}`,
        inserts.flat(),
      );
    }
    return outcomes;
  }
}

function toReport(job: ImportJobEntity): ImportReport {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    rowsTotal: job.rowsTotal,
    created: job.createdCount,
    updated: job.updatedCount,
    unchanged: job.unchangedCount,
    rejected: job.rejectedCount,
    rejections: job.rejections,
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
  };
}
