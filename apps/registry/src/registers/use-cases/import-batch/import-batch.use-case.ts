import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { PersonalDataService, pgTextArray, TransactionRunner } from '@gridline/persistence';
import { RegistryErrorCode, parseResidentId, type ImportBatchResult, type ImportKind, type ImportRejection } from '@gridline/contracts-registry';
import { GridResolver, type ResolvedGrid } from '../../grid-resolver';
import { inScope } from '../../register-permissions';
import { QualityRepository } from '../../quality.repository';
import { IMPORT_REPORT_SETTINGS, type ImportReportSettings } from '../../imports/import-report.settings';
import { importOfCaller } from '../../imports/import-report';
import { ImportRepository, type ResidentInsert, type ResidentUpdate } from '../../imports/import.repository';
import { householdKey, parseBuildingRow, parseHouseholdRow, parseResidentRow, type BuildingRow, type HouseholdRow, type ResidentRow } from '../../imports/import-rows';
import type { ImportBatchCommand } from './import-batch.command';

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
 * One batch of an import's rows, committed on its own: valid rows stored, invalid rows reported with row, field and
 * reason. Re-importing the same rows changes nothing: residents are matched by ID number (through its keyed hash),
 * buildings by grid and address, households by grid, address and room.
 */
@Injectable()
export class ImportBatchUseCase {
  constructor(
    private readonly imports: ImportRepository,
    private readonly grids: GridResolver,
    private readonly personalData: PersonalDataService,
    private readonly quality: QualityRepository,
    private readonly transactions: TransactionRunner,
    @Inject(IMPORT_REPORT_SETTINGS) private readonly report: ImportReportSettings,
  ) {}

  async execute({ caller, jobId, firstRow, rows }: ImportBatchCommand): Promise<ImportBatchResult> {
    const job = await importOfCaller(this.imports, caller, jobId);
    if (job.status !== 'running') throw new AppError(RegistryErrorCode.ImportNotFound, 'conflict', `Import ${jobId} is ${job.status}`, { jobId });
    return this.transactions.run(async () => {
      const outcome = await this.apply(caller, job.kind, firstRow, rows);
      const counts = { created: 0, updated: 0, unchanged: 0 };
      for (const o of outcome.outcomes) counts[o.outcome] += 1;
      const kept = outcome.rejections.slice(0, Math.max(0, this.report.maxRejections - job.rejections.length));
      await this.imports.addBatchCounts(jobId, { rows: rows.length, ...counts, rejected: outcome.rejections.length }, kept);
      await this.quality.announce(outcome.changedGrids);
      await this.imports.flush();
      return { ...counts, rejections: outcome.rejections };
    });
  }

  private async apply(caller: Caller, kind: ImportKind, firstRow: number, raw: Record<string, string>[]) {
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
    if (kind === 'buildings') outcomes = await this.importBuildings(placed as { row: BuildingRow; grid: ResolvedGrid }[]);
    else if (kind === 'households') outcomes = await this.importHouseholds(placed as { row: HouseholdRow; grid: ResolvedGrid }[]);
    else outcomes = await this.importResidents(caller, placed as { row: ResidentRow; grid: ResolvedGrid }[], rejections);
    rejections.sort((a, b) => a.row - b.row);
    // Only the grids whose registers changed get a new quality figure: a batch that changed nothing (a
    // re-import) announces nothing, and skips a count over each of its grids.
    const changedGrids = new Set(outcomes.filter((o) => o.outcome !== 'unchanged').flatMap((o) => (o.movedFrom ? [o.gridCode, o.movedFrom] : [o.gridCode])));
    return { outcomes, rejections, changedGrids };
  }

  private async importBuildings(rows: { row: BuildingRow; grid: ResolvedGrid }[]): Promise<RowOutcome[]> {
    const outcomes: RowOutcome[] = [];
    for (const { row, grid } of rows) outcomes.push({ outcome: await this.imports.upsertBuilding(grid, row), gridCode: grid.code });
    return outcomes;
  }

  private async importHouseholds(rows: { row: HouseholdRow; grid: ResolvedGrid }[]): Promise<RowOutcome[]> {
    const households = await this.imports.findOrCreateHouseholds(rows.map(({ row, grid }) => ({ grid, address: row.address, room: row.room })));
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
   * Residents of a batch in a fixed number of statements whatever its size: one look-up of the ID numbers'
   * keyed hashes, one find-or-create of the households, one insert of the new residents and one update of
   * the changed ones. ID and phone numbers are encrypted only for the rows that are written.
   *
   * A row whose ID number is a resident's outside the caller's scope is rejected before anything is
   * written (not even its household): an import must not take over, move or overwrite a record the caller
   * may not see, and the reason says no more than that such a record exists.
   */
  private async importResidents(caller: Caller, rows: { row: ResidentRow; grid: ResolvedGrid }[], rejections: ImportRejection[]): Promise<RowOutcome[]> {
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
    const existing = await this.imports.residentsByIdIndex(prepared.map((p) => p.idIndex));
    const byIndex = new Map(existing.map((e) => [e.id_number_index, e]));
    const allowed = prepared.filter((p) => {
      const current = byIndex.get(p.idIndex);
      if (!current || inScope(caller, current)) return true;
      rejections.push({ row: p.row.row, field: 'id_number', reason: OUTSIDE_SCOPE });
      return false;
    });
    if (allowed.length === 0) return [];
    const households = await this.imports.findOrCreateHouseholds(
      allowed.filter((p) => p.row.building).map((p) => ({ grid: p.grid, address: p.row.building, room: p.row.room })),
    );
    const outcomes: RowOutcome[] = [];
    const inserts: ResidentInsert[] = [];
    const updates: ResidentUpdate[] = [];
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
    await this.imports.updateResidents(updates);
    await this.imports.insertResidents(inserts);
    return outcomes;
  }
}
