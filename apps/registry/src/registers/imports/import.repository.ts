import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { pgTextArray } from '@gridline/persistence';
import type { ImportKind, ImportRejection } from '@gridline/contracts-registry';
import type { ResolvedGrid } from '../grid-resolver';
import { ImportJobEntity } from '../register.entities';
import { householdKey } from './import-rows';
import { columnArrays, pgArray } from './import-sql';

/** A resident as an import compares it with its row. */
export interface ResidentMatch {
  id: string;
  id_number_index: string;
  name: string;
  phone_index: string | null;
  tags: string[];
  household_id: string | null;
  grid_code: string;
  path: string[];
}

/** A resident row as inserted: id, grid code, path, household, name, ID number (enc, index), sex, birth date, phone (enc, index), tags. */
export type ResidentInsert = (string | null)[];
/** A resident row as updated: id, name, phone (enc, index), tags, household, grid code, path. */
export type ResidentUpdate = (string | null)[];

/**
 * The import's reads and writes: its jobs, and the set-based statements of a batch (a fixed number of statements
 * whatever the batch's size, except buildings: one upsert per row).
 */
@Injectable()
export class ImportRepository {
  constructor(private readonly em: EntityManager) {}

  private get schema(): string {
    return `"${this.em.config.get('schema')}"`;
  }

  findJob(id: string): Promise<ImportJobEntity | null> {
    return this.em.findOne(ImportJobEntity, { id });
  }

  /** A job known to exist (it was just read): its absence is a bug, not an answer. */
  getJob(id: string): Promise<ImportJobEntity> {
    return this.em.findOneOrFail(ImportJobEntity, { id });
  }

  /** A new job, to be stored by the next flush. */
  addJob(data: { id: string; kind: ImportKind; actor: string }): ImportJobEntity {
    const job = this.em.create(ImportJobEntity, data);
    this.em.persist(job);
    return job;
  }

  /** Adds a batch's counts to its job in one statement (batches of one job may commit side by side), and the rejections kept. */
  async addBatchCounts(
    jobId: string,
    counts: { rows: number; created: number; updated: number; unchanged: number; rejected: number },
    kept: readonly ImportRejection[],
  ): Promise<void> {
    await this.em.execute(
      `update ${this.schema}."import_job" set rows_total = rows_total + ?, created_count = created_count + ?, updated_count = updated_count + ?,
         unchanged_count = unchanged_count + ?, rejected_count = rejected_count + ?, rejections = rejections || ?::jsonb where id = ?`,
      [counts.rows, counts.created, counts.updated, counts.unchanged, counts.rejected, JSON.stringify(kept), jobId],
    );
  }

  /** Writes the changes of the current unit of work (a `TransactionRunner.run`'s, inside one). */
  async flush(): Promise<void> {
    await this.em.flush();
  }

  /** Creates the building of a row, or updates it where it differs: what the row did. */
  async upsertBuilding(
    grid: ResolvedGrid,
    row: { address: string; name: string | null; floors: number | null; unitCount: number | null },
  ): Promise<'created' | 'updated' | 'unchanged'> {
    const s = this.schema;
    const [r]: { inserted: boolean; changed: boolean }[] = await this.em.execute(
      `insert into ${s}.building (id, grid_code, path, address, name, floors, unit_count) values (?, ?, ?::text[], ?, ?, ?, ?)
       on conflict (grid_code, address) do update set name = excluded.name, floors = excluded.floors, unit_count = excluded.unit_count, updated_at = now()
         where (building.name, building.floors, building.unit_count) is distinct from (excluded.name, excluded.floors, excluded.unit_count)
       returning (xmax = 0) as inserted, true as changed`,
      [randomUUID(), grid.code, pgTextArray(grid.path), row.address, row.name, row.floors, row.unitCount],
    );
    return !r ? 'unchanged' : r.inserted ? 'created' : 'updated';
  }

  /**
   * Finds or creates the households of a batch (with their buildings, when an address is a building's) in
   * one statement: the rows it inserts come back as created, the ones that existed as found. A household
   * another import committed meanwhile (its insert did nothing, and this statement's snapshot predates it)
   * is read by a second query. Keys are sorted so that concurrent imports take their locks in one order.
   */
  async findOrCreateHouseholds(wanted: { grid: ResolvedGrid; address: string; room: string }[]): Promise<Map<string, { id: string; created: boolean }>> {
    const result = new Map<string, { id: string; created: boolean }>();
    const distinct = new Map<string, { grid: ResolvedGrid; address: string; room: string }>();
    for (const w of wanted) distinct.set(householdKey(w.grid.code, w.address, w.room), w);
    if (distinct.size === 0) return result;
    const keys = [...distinct.keys()].sort();
    const items = keys.map((k) => distinct.get(k)!);
    const s = this.schema;
    const found: { id: string; grid_code: string; address: string; room: string; created: boolean }[] = await this.em.execute(
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
      const late: { id: string; grid_code: string; address: string; room: string }[] = await this.em.execute(
        `select h.id, h.grid_code, h.address, h.room
           from ${s}.household h join unnest(?::text[], ?::text[], ?::text[]) as t(grid_code, address, room)
             on h.grid_code = t.grid_code and h.address = t.address and h.room = t.room`,
        columnArrays(missing, [(i) => i.grid.code, (i) => i.address, (i) => i.room]),
      );
      for (const h of late) result.set(householdKey(h.grid_code, h.address, h.room), { id: h.id, created: false });
    }
    return result;
  }

  /** The residents holding any of the ID numbers (by their keyed hashes), in one look-up. */
  residentsByIdIndex(indexes: readonly string[]): Promise<ResidentMatch[]> {
    return this.em.execute(`select id, id_number_index, name, phone_index, tags, household_id, grid_code, path from ${this.schema}.resident where id_number_index = any(?::text[])`, [
      pgArray(indexes),
    ]);
  }

  /** Updates changed residents in one statement. */
  async updateResidents(updates: readonly ResidentUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    await this.em.execute(
      `update ${this.schema}.resident r set name = t.name, phone_enc = t.phone_enc, phone_index = t.phone_index, tags = t.tags::text[], household_id = t.household_id,
         grid_code = t.grid_code, path = t.path::text[], updated_at = now()
       from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[])
         as t(id, name, phone_enc, phone_index, tags, household_id, grid_code, path)
       where r.id = t.id`,
      columnArrays(updates, [0, 1, 2, 3, 4, 5, 6, 7].map(column)),
    );
  }

  /** Inserts new residents in one statement. */
  async insertResidents(inserts: readonly ResidentInsert[]): Promise<void> {
    if (inserts.length === 0) return;
    await this.em.execute(
      `insert into ${this.schema}.resident (id, grid_code, path, household_id, name, id_number_enc, id_number_index, sex, birth_date, phone_enc, phone_index, tags)
       select id, grid_code, path::text[], household_id, name, id_number_enc, id_number_index, sex, birth_date, phone_enc, phone_index, tags::text[]
         from unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[], ?::text[])
           as t(id, grid_code, path, household_id, name, id_number_enc, id_number_index, sex, birth_date, phone_enc, phone_index, tags)`,
      columnArrays(inserts, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(column)),
    );
  }
}

const column = (i: number) => (r: readonly (string | null)[]) => r[i];
