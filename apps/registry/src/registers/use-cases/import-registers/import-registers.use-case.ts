import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireRegisterAccess, type Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { EventPublisher } from '@gridline/messaging';
import { pgTextArray } from '@gridline/persistence';
import {
  IMPORT_REGISTER,
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
import { inScope } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import { QualityService } from '../../quality.service';
import { IMPORT_REPORT_SETTINGS, type ImportReportSettings } from '../../imports/import-report.settings';
import { columnArrays, pgArray } from './import-sql';
import { parseBuildingRow, parseHouseholdRow, parseResidentRow, type BuildingRow, type HouseholdRow, type ResidentRow } from './import-rows';

/** The reason for a row matching a record the caller may not see: it names neither the record nor its grid. */
export const OUTSIDE_SCOPE = 'a record with this ID number exists outside your scope';


type Outcome = 'created' | 'updated' | 'unchanged';

/** What a valid row did, and in which grid (and the grid a record moved from, which changed too). */
interface RowOutcome {
  outcome: Outcome;
  gridCode: string;
  movedFrom?: string;
}

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
    @Inject(IMPORT_REPORT_SETTINGS) private readonly report: ImportReportSettings,
  ) {}

  async start(caller: Caller, kind: ImportKind, jobId: string = randomUUID()): Promise<ImportReport> {
    requireRegisterAccess(caller, IMPORT_REGISTER[kind], 'import');
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
      for (const o of outcome.outcomes) counts[o.outcome] += 1;
      const kept = outcome.rejections.slice(0, Math.max(0, this.report.maxRejections - job.rejections.length));
      await em.execute(
        `update "${em.config.get('schema')}"."import_job" set rows_total = rows_total + ?, created_count = created_count + ?, updated_count = updated_count + ?,
           unchanged_count = unchanged_count + ?, rejected_count = rejected_count + ?, rejections = rejections || ?::jsonb where id = ?`,
        [rows.length, counts.created, counts.updated, counts.unchanged, outcome.rejections.length, JSON.stringify(kept), jobId],
      );
      await this.quality.announce(em, outcome.changedGrids);
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
      else if (!inScope(caller, grid)) rejections.push({ row: row.row, field: 'grid_code', reason: 'is outside your scope' });
      else placed.push({ row, grid });
    }
    let outcomes: RowOutcome[];
    if (kind === 'buildings') outcomes = await this.importBuildings(em, placed as { row: BuildingRow; grid: ResolvedGrid }[]);
    else if (kind === 'households') outcomes = await this.importHouseholds(em, placed as { row: HouseholdRow; grid: ResolvedGrid }[]);
    else outcomes = await this.importResidents(em, caller, placed as { row: ResidentRow; grid: ResolvedGrid }[], rejections);
    rejections.sort((a, b) => a.row - b.row);
    // Only the grids whose registers changed get a new quality figure: a batch that changed nothing (a
    // re-import) announces nothing, and skips a count over each of its grids.
    const changedGrids = new Set(outcomes.filter((o) => o.outcome !== 'unchanged').flatMap((o) => (o.movedFrom ? [o.gridCode, o.movedFrom] : [o.gridCode])));
    return { outcomes, rejections, changedGrids };
  }

  private async importBuildings(em: EntityManager, rows: { row: BuildingRow; grid: ResolvedGrid }[]): Promise<RowOutcome[]> {
    const s = `"${em.config.get('schema')}"`;
    const outcomes: RowOutcome[] = [];
    for (const { row, grid } of rows) {
      const [r]: { inserted: boolean; changed: boolean }[] = await em.execute(
        `insert into ${s}.building (id, grid_code, path, address, name, floors, unit_count) values (?, ?, ?::text[], ?, ?, ?, ?)
         on conflict (grid_code, address) do update set name = excluded.name, floors = excluded.floors, unit_count = excluded.unit_count, updated_at = now()
           where (building.name, building.floors, building.unit_count) is distinct from (excluded.name, excluded.floors, excluded.unit_count)
         returning (xmax = 0) as inserted, true as changed`,
        [randomUUID(), grid.code, pgTextArray(grid.path), row.address, row.name, row.floors, row.unitCount],
      );
      outcomes.push({ outcome: !r ? 'unchanged' : r.inserted ? 'created' : 'updated', gridCode: grid.code });
    }
    return outcomes;
  }

  private async importHouseholds(em: EntityManager, rows: { row: HouseholdRow; grid: ResolvedGrid }[]): Promise<RowOutcome[]> {
    const households = await this.households(
      em,
      rows.map(({ row, grid }) => ({ grid, address: row.address, room: row.room })),
    );
    // A household named twice in a batch is created by its first row; the repeat finds it.
    const claimed = new Set<string>();
    return rows.map(({ row, grid }) => {
      const key = householdKey(grid.code, row.address, row.room);
      const created = households.get(key)!.created && !claimed.has(key);
      claimed.add(key);
      return { outcome: created ? 'created' : 'unchanged', gridCode: grid.code };
    });
  }

  /**
   * Finds or creates the households of a batch (with their buildings, when an address is a building's) in
   * one statement: the rows it inserts come back as created, the ones that existed as found. A household
   * another import committed meanwhile (its insert did nothing, and this statement's snapshot predates it)
   * is read by a second query. Keys are sorted so that concurrent imports take their locks in one order.
   */
  private async households(em: EntityManager, wanted: { grid: ResolvedGrid; address: string; room: string }[]): Promise<Map<string, { id: string; created: boolean }>> {
    const result = new Map<string, { id: string; created: boolean }>();
    const distinct = new Map<string, { grid: ResolvedGrid; address: string; room: string }>();
    for (const w of wanted) distinct.set(householdKey(w.grid.code, w.address, w.room), w);
    if (distinct.size === 0) return result;
    const keys = [...distinct.keys()].sort();
    const items = keys.map((k) => distinct.get(k)!);
    const s = `"${em.config.get('schema')}"`;
    const found: { id: string; grid_code: string; address: string; room: string; created: boolean }[] = await em.execute(
      `with input as (
         select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) as t(id, grid_code, path, address, room)
       ), inserted as (
         insert into ${s}.household (id, grid_code, path, building_id, address, room)
         select i.id, i.grid_code, i.path::text[], b.id, i.address, i.room
           from input i left join ${s}.building b on b.grid_code = i.grid_code and b.address = i.address
         on conflict (grid_code, address, room) do nothing
         returning id, grid_code, address, room
       )
       select id, grid_code, address, room, true as created from inserted
       union all
       select h.id, h.grid_code, h.address, h.room, false as created
         from ${s}.household h join input i on h.grid_code = i.grid_code and h.address = i.address and h.room = i.room`,
      columnArrays(items, [() => randomUUID(), (i) => i.grid.code, (i) => pgTextArray(i.grid.path), (i) => i.address, (i) => i.room]),
    );
    for (const h of found) result.set(householdKey(h.grid_code, h.address, h.room), { id: h.id, created: h.created });
    const missing = items.filter((i) => !result.has(householdKey(i.grid.code, i.address, i.room)));
    if (missing.length > 0) {
      const late: { id: string; grid_code: string; address: string; room: string }[] = await em.execute(
        `select h.id, h.grid_code, h.address, h.room
           from ${s}.household h join unnest(?::text[], ?::text[], ?::text[]) as t(grid_code, address, room)
             on h.grid_code = t.grid_code and h.address = t.address and h.room = t.room`,
        columnArrays(missing, [(i) => i.grid.code, (i) => i.address, (i) => i.room]),
      );
      for (const h of late) result.set(householdKey(h.grid_code, h.address, h.room), { id: h.id, created: false });
    }
    return result;
  }

  /**
   * Residents of a batch in a fixed number of statements whatever its size: one look-up of the ID numbers'
   * keyed hashes, one find-or-create of the households, one insert of the new residents and one update of
   * the changed ones. ID and phone numbers are encrypted only for the rows that are written.
   *
   * A row whose ID number is a resident's outside the caller's scope is rejected before anything is
   * written (not even its household): an import must not take over, move or overwrite a record the caller
   * may not see, and the reason says no more than that such a record exists.
   */
  private async importResidents(
    em: EntityManager,
    caller: Caller,
    rows: { row: ResidentRow; grid: ResolvedGrid }[],
    rejections: ImportRejection[],
  ): Promise<RowOutcome[]> {
    const s = `"${em.config.get('schema')}"`;
    const seen = new Map<string, number>();
    const prepared = [];
    for (const { row, grid } of rows) {
      const idIndex = this.personalData.indexIdNumber(row.idNumber);
      const first = seen.get(idIndex);
      if (first !== undefined) {
        rejections.push({ row: row.row, field: 'id_number', reason: `repeats the resident of row ${first}` });
        continue;
      }
      seen.set(idIndex, row.row);
      prepared.push({ row, grid, idIndex, phoneIndex: row.phone ? this.personalData.indexPhone(row.phone) : null });
    }
    if (prepared.length === 0) return [];
    const existing: {
      id: string;
      id_number_index: string;
      name: string;
      phone_index: string | null;
      tags: string[];
      household_id: string | null;
      grid_code: string;
      path: string[];
    }[] = await em.execute(`select id, id_number_index, name, phone_index, tags, household_id, grid_code, path from ${s}.resident where id_number_index = any(?::text[])`, [
      pgArray(prepared.map((p) => p.idIndex)),
    ]);
    const byIndex = new Map(existing.map((e) => [e.id_number_index, e]));
    const allowed = prepared.filter((p) => {
      const current = byIndex.get(p.idIndex);
      if (!current || inScope(caller, current)) return true;
      rejections.push({ row: p.row.row, field: 'id_number', reason: OUTSIDE_SCOPE });
      return false;
    });
    if (allowed.length === 0) return [];
    const households = await this.households(
      em,
      allowed.filter((p) => p.row.building).map((p) => ({ grid: p.grid, address: p.row.building, room: p.row.room })),
    );
    const outcomes: RowOutcome[] = [];
    const inserts: (string | null)[][] = [];
    const updates: (string | null)[][] = [];
    for (const p of allowed) {
      const householdId = p.row.building ? households.get(householdKey(p.grid.code, p.row.building, p.row.room))!.id : null;
      const current = byIndex.get(p.idIndex);
      const tags = [...p.row.tags].sort();
      if (!current) {
        const { sex, birthDate } = parseResidentId(p.row.idNumber);
        const id = this.personalData.protectIdNumber(p.row.idNumber);
        const phone = p.row.phone ? this.personalData.protectPhone(p.row.phone) : null;
        inserts.push([randomUUID(), p.grid.code, pgTextArray(p.grid.path), householdId, p.row.name, id.enc, id.index, sex, birthDate, phone?.enc ?? null, phone?.index ?? null, pgTextArray(tags)]);
        outcomes.push({ outcome: 'created', gridCode: p.grid.code });
        continue;
      }
      const same =
        current.name === p.row.name &&
        current.phone_index === p.phoneIndex &&
        [...current.tags].sort().join() === tags.join() &&
        current.household_id === householdId &&
        current.grid_code === p.grid.code;
      if (same) {
        outcomes.push({ outcome: 'unchanged', gridCode: p.grid.code });
        continue;
      }
      const phone = p.row.phone ? this.personalData.protectPhone(p.row.phone) : null;
      updates.push([current.id, p.row.name, phone?.enc ?? null, phone?.index ?? null, pgTextArray(tags), householdId, p.grid.code, pgTextArray(p.grid.path)]);
      outcomes.push({ outcome: 'updated', gridCode: p.grid.code, ...(current.grid_code !== p.grid.code ? { movedFrom: current.grid_code } : {}) });
    }
    const column = (i: number) => (r: (string | null)[]) => r[i];
    if (updates.length > 0) {
      await em.execute(
        `update ${s}.resident r set name = t.name, phone_enc = t.phone_enc, phone_index = t.phone_index, tags = t.tags::text[], household_id = t.household_id,
           grid_code = t.grid_code, path = t.path::text[], updated_at = now()
         from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[])
           as t(id, name, phone_enc, phone_index, tags, household_id, grid_code, path)
         where r.id = t.id`,
        columnArrays(updates, [0, 1, 2, 3, 4, 5, 6, 7].map(column)),
      );
    }
    if (inserts.length > 0) {
      await em.execute(
        `insert into ${s}.resident (id, grid_code, path, household_id, name, id_number_enc, id_number_index, sex, birth_date, phone_enc, phone_index, tags)
         select id, grid_code, path::text[], household_id, name, id_number_enc, id_number_index, sex, birth_date, phone_enc, phone_index, tags::text[]
           from unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[], ?::text[])
             as t(id, grid_code, path, household_id, name, id_number_enc, id_number_index, sex, birth_date, phone_enc, phone_index, tags)`,
        columnArrays(inserts, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(column)),
      );
    }
    return outcomes;
  }
}

/** Grid, address and room: the natural key of a household. */
function householdKey(gridCode: string, address: string, room: string): string {
  return `${gridCode}\u0000${address}\u0000${room}`;
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
