import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { calendarInForce, cstYear, type ResolvedCalendarYear, type WorkingCalendar } from '@gridline/platform';
import { pgTextArray } from '@gridline/persistence';
import { RegistryClient, type CalendarYearView, type CategoryView, type DepartmentView, type UnitSnapshot } from '@gridline/contracts-registry';
import { SYSTEM_CALLER } from '@gridline/auth';
import { CalendarCopy, CategoryCopy, DepartmentCopy, UnitCopy } from './reference.entities';

/** Incidents' local copy of the registry's reference data: written from events, read on every case. */
@Injectable()
export class ReferenceRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly registry: RegistryClient,
  ) {}

  private schema(): string {
    return `"${this.em.config.get('schema')}"`;
  }

  async saveUnit(unit: UnitSnapshot, at: Date): Promise<void> {
    await this.em.execute(
      `insert into ${this.schema()}.unit_copy (code, name, level, parent_code, path, active, updated_at) values (?, ?, ?, ?, ?::text[], ?, ?)
       on conflict (code) do update set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code, path = excluded.path, active = excluded.active, updated_at = excluded.updated_at
       where unit_copy.updated_at <= excluded.updated_at`,
      [unit.code, unit.name ?? null, unit.level, unit.parentCode, pgTextArray(unit.path), unit.active, at],
    );
  }

  async saveCategory(c: CategoryView): Promise<void> {
    await this.em.execute(
      `insert into ${this.schema()}.category_copy (code, parent_code, name, owner, accept_limit, handle_limit, urgency, active, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (code) do update set parent_code = excluded.parent_code, name = excluded.name, owner = excluded.owner, accept_limit = excluded.accept_limit,
         handle_limit = excluded.handle_limit, urgency = excluded.urgency, active = excluded.active, updated_at = excluded.updated_at
       where category_copy.updated_at <= excluded.updated_at`,
      [c.code, c.parentCode, c.name, JSON.stringify(c.owner), JSON.stringify(c.acceptLimit), JSON.stringify(c.handleLimit), c.urgency, c.active, new Date(c.updatedAt)],
    );
  }

  async saveDepartment(d: DepartmentView): Promise<void> {
    await this.em.execute(
      `insert into ${this.schema()}.department_copy (code, name, active, updated_at) values (?, ?, ?, ?)
       on conflict (code) do update set name = excluded.name, active = excluded.active, updated_at = excluded.updated_at
       where department_copy.updated_at <= excluded.updated_at`,
      [d.code, d.name, d.active, new Date(d.updatedAt)],
    );
  }

  async saveCalendar(c: CalendarYearView): Promise<void> {
    await this.em.execute(
      `insert into ${this.schema()}.calendar_copy (year, holidays, workdays) values (?, ?::text[], ?::text[])
       on conflict (year) do update set holidays = excluded.holidays, workdays = excluded.workdays`,
      [c.year, pgTextArray(c.holidays), pgTextArray(c.workdays)],
    );
  }

  unit(code: string): Promise<UnitCopy | null> {
    return this.em.findOne(UnitCopy, { code });
  }

  category(code: string): Promise<CategoryCopy | null> {
    return this.em.findOne(CategoryCopy, { code });
  }

  /**
   * Whether a department of that code is on the responsibility list and active. The local copy answers first; a
   * code it lacks is asked of the registry once, since the copy can lag a department created a moment ago.
   */
  async isActiveDepartment(code: string): Promise<boolean> {
    const copy = await this.em.findOne(DepartmentCopy, { code });
    if (copy) return copy.active;
    const departments = await this.registry.listDepartments(SYSTEM_CALLER);
    return departments.some((d) => d.code === code && d.active);
  }

  /**
   * The names of the codes a page of cases or a timeline shows, from the local copies in three queries; a code the
   * copies do not know (or a unit copied before names were kept) answers null. Plain SQL on the service's
   * EntityManager (the caller's transaction when there is one: a second connection while holding one could starve
   * the pool), and nothing partial in the identity map.
   */
  async names(codes: { units?: Iterable<string>; categories?: Iterable<string>; departments?: Iterable<string> }): Promise<NameBook> {
    const byCode = async (table: string, wanted: Iterable<string> | undefined) => {
      const list = [...new Set(wanted ?? [])];
      if (list.length === 0) return new Map<string, string | null>();
      const rows: { code: string; name: string | null }[] = await this.em.execute(`select code, name from ${this.schema()}.${table} where code = any(?::text[])`, [pgTextArray(list)]);
      return new Map(rows.map((r) => [r.code, r.name]));
    };
    const units = await byCode('unit_copy', codes.units);
    const categories = await byCode('category_copy', codes.categories);
    const departments = await byCode('department_copy', codes.departments);
    return new NameBook(units, categories, departments);
  }

  async counts(): Promise<{ units: number; categories: number; calendars: number }> {
    const fork = this.em.fork();
    return { units: await fork.count(UnitCopy, {}), categories: await fork.count(CategoryCopy, {}), calendars: await fork.count(CalendarCopy, {}) };
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
    const years = await this.em.find(CalendarCopy, {});
    const year = cstYear(now);
    return calendarInForce([year - 1, year, year + 1], years);
  }
}

/** Names of units, categories and departments, as the local copies hold them (null: unknown). */
export class NameBook {
  static readonly EMPTY = new NameBook(new Map(), new Map(), new Map());

  constructor(
    private readonly units: ReadonlyMap<string, string | null>,
    private readonly categories: ReadonlyMap<string, string | null>,
    private readonly departments: ReadonlyMap<string, string | null>,
  ) {}

  unit(code: string): string | null {
    return this.units.get(code) ?? null;
  }

  category(code: string): string | null {
    return this.categories.get(code) ?? null;
  }

  department(code: string): string | null {
    return this.departments.get(code) ?? null;
  }
}
