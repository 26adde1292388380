import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { pgTextArray } from '@gridline/persistence';
import { calendarInForce, cstYear, type ResolvedCalendarYear, type WorkingCalendar } from '@gridline/platform';
import { isUnitCode, type AssignmentSnapshot, type CalendarYearView, type CategoryView, type DepartmentView, type GridStaffRecord, type UnitSnapshot } from '@gridline/contracts-registry';
import { ReferenceCalendarYear, ReferenceCategory, ReferenceDepartment, ReferenceUnit } from './reference.entities';
import { NameBook, type NameRequest } from './name-book';

/** A grid staff member's assignment as the copy holds it: the name null until the copy asked the registry. */
export interface GridStaffAssignment {
  assignmentId: string;
  personId: string;
  name: string | null;
  account: string | null;
  unitCode: string;
  startsOn: string;
  endsOn: string | null;
}

/** What the copy holds of each kind of registry record. */
export interface ReferenceRecordOf {
  unit: ReferenceUnit;
  category: ReferenceCategory;
  department: ReferenceDepartment;
}

export type ReferenceKind = keyof ReferenceRecordOf;

/** The codes of each kind to read at once. */
export type ReferenceCodes = Partial<Record<ReferenceKind, Iterable<string | null | undefined>>>;

const ENTITY = { unit: ReferenceUnit, category: ReferenceCategory, department: ReferenceDepartment } as const;
const KINDS = Object.keys(ENTITY) as ReferenceKind[];

/**
 * A service's copy of the registry's reference data (units, categories, departments, loaded calendar years), in its
 * own schema: written from `events.registry.>` (and the first fill), read on every step. It keeps the service's
 * EntityManager (the caller's transaction when there is one) and never opens a transaction itself.
 */
@Injectable()
export class ReferenceRepository {
  constructor(private readonly em: EntityManager) {}

  private table(name: string): string {
    return `"${this.em.config.get('schema')}"."${name}"`;
  }

  /** Each save is one statement, newest wins: an event delivered late never undoes a later change. */
  async saveUnit(unit: Pick<UnitSnapshot, 'code' | 'level' | 'parentCode' | 'path' | 'active'> & { name?: string | null }, at: Date): Promise<void> {
    const table = this.table('registry_unit');
    await this.em.execute(
      `insert into ${table} (code, name, level, parent_code, path, active, updated_at) values (?, ?, ?, ?, ?::text[], ?, ?)
       on conflict (code) do update set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code, path = excluded.path, active = excluded.active, updated_at = excluded.updated_at
       where ${table}.updated_at <= excluded.updated_at`,
      [unit.code, unit.name ?? null, unit.level, unit.parentCode, pgTextArray(unit.path), unit.active, at],
    );
  }

  async saveCategory(c: CategoryView): Promise<void> {
    const table = this.table('registry_category');
    await this.em.execute(
      `insert into ${table} (code, parent_code, name, owner, accept_limit, handle_limit, urgency, active, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (code) do update set parent_code = excluded.parent_code, name = excluded.name, owner = excluded.owner, accept_limit = excluded.accept_limit,
         handle_limit = excluded.handle_limit, urgency = excluded.urgency, active = excluded.active, updated_at = excluded.updated_at
       where ${table}.updated_at <= excluded.updated_at`,
      [c.code, c.parentCode, c.name, JSON.stringify(c.owner), JSON.stringify(c.acceptLimit), JSON.stringify(c.handleLimit), c.urgency, c.active, new Date(c.updatedAt)],
    );
  }

  async saveDepartment(d: DepartmentView): Promise<void> {
    const table = this.table('registry_department');
    await this.em.execute(
      `insert into ${table} (code, name, active, updated_at) values (?, ?, ?, ?)
       on conflict (code) do update set name = excluded.name, active = excluded.active, updated_at = excluded.updated_at
       where ${table}.updated_at <= excluded.updated_at`,
      [d.code, d.name, d.active, new Date(d.updatedAt)],
    );
  }

  /** A year of the calendar as the registry loaded it (the registry announces the whole year each time). */
  async saveCalendarYear(c: CalendarYearView): Promise<void> {
    await this.em.execute(
      `insert into ${this.table('registry_calendar_year')} (year, holidays, workdays) values (?, ?::text[], ?::text[])
       on conflict (year) do update set holidays = excluded.holidays, workdays = excluded.workdays`,
      [c.year, pgTextArray(c.holidays), pgTextArray(c.workdays)],
    );
  }

  /** A grid staff assignment from its event: the dates, newest wins; the name and login kept as the copy had them. */
  async saveStaffAssignment(a: AssignmentSnapshot, at: Date): Promise<void> {
    const table = this.table('registry_grid_staff');
    await this.em.execute(
      `insert into ${table} (assignment_id, person_id, name, account, unit_code, starts_on, ends_on, updated_at) values (?, ?, null, null, ?, ?, ?, ?)
       on conflict (assignment_id) do update set person_id = excluded.person_id, unit_code = excluded.unit_code, starts_on = excluded.starts_on, ends_on = excluded.ends_on, updated_at = excluded.updated_at
       where ${table}.updated_at <= excluded.updated_at`,
      [a.id, a.personId, a.unitCode, a.startsOn, a.endsOn, at],
    );
  }

  /** A grid staff assignment as the registry's staff snapshot answers it (`at`: when it was asked), with name and login. */
  async saveStaff(r: GridStaffRecord, at: Date): Promise<void> {
    const table = this.table('registry_grid_staff');
    await this.em.execute(
      `insert into ${table} (assignment_id, person_id, name, account, unit_code, starts_on, ends_on, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (assignment_id) do update set name = excluded.name, account = excluded.account,
         person_id = case when ${table}.updated_at <= excluded.updated_at then excluded.person_id else ${table}.person_id end,
         unit_code = case when ${table}.updated_at <= excluded.updated_at then excluded.unit_code else ${table}.unit_code end,
         starts_on = case when ${table}.updated_at <= excluded.updated_at then excluded.starts_on else ${table}.starts_on end,
         ends_on = case when ${table}.updated_at <= excluded.updated_at then excluded.ends_on else ${table}.ends_on end,
         updated_at = greatest(${table}.updated_at, excluded.updated_at)`,
      [r.assignmentId, r.personId, r.name, r.account, r.unitCode, r.startsOn, r.endsOn, at],
    );
  }

  /**
   * The grid staff assignments on the units at or beneath `unitCode` (by the copy's unit paths) that share a day with
   * `from`–`to` (China days, inclusive), by unit, name and person.
   */
  async gridStaff(unitCode: string, from: string, to: string): Promise<GridStaffAssignment[]> {
    const rows: { assignment_id: string; person_id: string; name: string | null; account: string | null; unit_code: string; starts_on: string; ends_on: string | null }[] = await this.em.execute(
      `select s.assignment_id, s.person_id, s.name, s.account, s.unit_code, s.starts_on::text as starts_on, s.ends_on::text as ends_on
         from ${this.table('registry_grid_staff')} s join ${this.table('registry_unit')} u on u.code = s.unit_code
        where ? = any(u.path) and s.starts_on <= ?::date and (s.ends_on is null or s.ends_on >= ?::date)
        order by s.unit_code, s.name, s.person_id, s.assignment_id`,
      [unitCode, to, from],
    );
    return rows.map((r) => ({ assignmentId: r.assignment_id, personId: r.person_id, name: r.name, account: r.account, unitCode: r.unit_code, startsOn: r.starts_on, endsOn: r.ends_on }));
  }

  /** How many grid staff assignments the copy holds (none: the staff are to be filled). */
  async staffCount(): Promise<number> {
    const [{ n }]: { n: string }[] = await this.em.execute(`select count(*) as n from ${this.table('registry_grid_staff')}`);
    return Number(n);
  }

  async get<K extends ReferenceKind>(kind: K, code: string): Promise<ReferenceRecordOf[K] | null> {
    return (await this.find({ [kind]: [code] })).get(kind, code);
  }

  unit(code: string): Promise<ReferenceUnit | null> {
    return this.get('unit', code);
  }

  category(code: string): Promise<ReferenceCategory | null> {
    return this.get('category', code);
  }

  department(code: string): Promise<ReferenceDepartment | null> {
    return this.get('department', code);
  }

  /** The active departments of the responsibility list, by code (plain rows). */
  activeDepartments(): Promise<ReferenceDepartment[]> {
    return this.em.find(ReferenceDepartment, { active: true }, { orderBy: { code: 'asc' }, disableIdentityMap: true });
  }

  /** The records of the codes asked for, a query a kind (plain rows: nothing kept in the identity map). */
  async find(codes: ReferenceCodes): Promise<ReferenceRecords> {
    const records = new ReferenceRecords();
    for (const kind of KINDS) {
      const list = [...new Set(codes[kind] ?? [])].filter((c): c is string => !!c);
      if (list.length === 0) continue;
      const rows = await this.em.find(ENTITY[kind] as typeof ReferenceUnit, { code: { $in: list } }, { disableIdentityMap: true });
      records.add(kind, rows as ReferenceRecordOf[typeof kind][]);
    }
    return records;
  }

  /**
   * The names of the codes a view, a page or a timeline shows, read from the copy at once: no request to the
   * registry, so a view inside a transaction never waits on another service.
   */
  async names(request: NameRequest): Promise<NameBook> {
    const records = await this.find({ unit: request.units, department: request.departments, category: request.categories });
    return new NameBook(records.names('unit'), records.names('category'), records.names('department'));
  }

  /** The book for owner keys (a unit or a department code each), as the figures name their owners. */
  ownerNames(keys: Iterable<string | null | undefined>): Promise<NameBook> {
    const all = [...keys].filter((k): k is string => !!k);
    return this.names({ units: all.filter(isUnitCode), departments: all.filter((k) => !isUnitCode(k)) });
  }

  /** Whether the copy holds nothing yet (a service started after the registry's events were published). */
  async isEmpty(): Promise<boolean> {
    const counts = await this.counts();
    return counts.units + counts.categories + counts.departments + counts.calendars === 0;
  }

  async counts(): Promise<{ units: number; categories: number; departments: number; calendars: number }> {
    const count = (entity: Function) => this.em.count(entity as typeof ReferenceUnit, {});
    return { units: await count(ReferenceUnit), categories: await count(ReferenceCategory), departments: await count(ReferenceDepartment), calendars: await count(ReferenceCalendarYear) };
  }

  /**
   * The working calendar: the years the registry announced as loaded, and last, this and next year (China time)
   * provisional — the statutory holidays the law fixes — while their notice is not loaded.
   */
  async calendar(now: Date = new Date()): Promise<WorkingCalendar> {
    return (await this.calendarInForce(now)).calendar;
  }

  /** The same calendar, with the years it holds and whether each is provisional. */
  async calendarInForce(now: Date = new Date()): Promise<{ calendar: WorkingCalendar; years: ResolvedCalendarYear[] }> {
    const year = cstYear(now);
    const loaded = await this.em.find(ReferenceCalendarYear, {}, { disableIdentityMap: true });
    return calendarInForce([year - 1, year, year + 1], loaded);
  }
}

/** Records of the copy by kind and code; a code the copy does not hold is null. */
export class ReferenceRecords {
  private readonly byKind: { [K in ReferenceKind]: Map<string, ReferenceRecordOf[K]> } = { unit: new Map(), category: new Map(), department: new Map() };

  constructor(records: { [K in ReferenceKind]?: Partial<ReferenceRecordOf[K]>[] } = {}) {
    for (const kind of KINDS) this.add(kind, (records[kind] ?? []) as ReferenceRecordOf[typeof kind][]);
  }

  add<K extends ReferenceKind>(kind: K, rows: ReferenceRecordOf[K][]): void {
    for (const row of rows) (this.byKind[kind] as Map<string, ReferenceRecordOf[K]>).set(row.code, row);
  }

  get<K extends ReferenceKind>(kind: K, code: string | null | undefined): ReferenceRecordOf[K] | null {
    return code ? ((this.byKind[kind] as Map<string, ReferenceRecordOf[K]>).get(code) ?? null) : null;
  }

  names(kind: ReferenceKind): Map<string, string | null> {
    return new Map([...this.byKind[kind].values()].map((r) => [r.code, r.name]));
  }
}
