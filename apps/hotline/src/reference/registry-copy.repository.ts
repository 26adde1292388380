import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { calendarInForce, cstYear, type ResolvedCalendarYear, type WorkingCalendar } from '@gridline/platform';
import type { CalendarYearView, CategoryView, DepartmentView, UnitSnapshot } from '@gridline/contracts-registry';
import { CalendarYearCopyEntity, RegistryCopyEntity, type RegistryCopyFacts, type RegistryCopyKind } from './registry-copy.entity';

/** The codes of each kind to read at once. */
export type RegistryCodes = Partial<Record<RegistryCopyKind, Iterable<string | null | undefined>>>;

/** The hotline's copy of the registry: written from `events.registry.>` (and the first fill), read by every step. */
@Injectable()
export class RegistryCopyRepository {
  constructor(private readonly em: EntityManager) {}

  saveUnit(unit: Pick<UnitSnapshot, 'code' | 'name' | 'level' | 'parentCode' | 'path' | 'active'>, at: Date): Promise<void> {
    return this.save('unit', unit.code, unit.name, unit.active, { level: unit.level, parentCode: unit.parentCode, path: unit.path }, at);
  }

  saveDepartment(d: DepartmentView): Promise<void> {
    return this.save('department', d.code, d.name, d.active, {}, new Date(d.updatedAt));
  }

  saveCategory(c: CategoryView): Promise<void> {
    return this.save('category', c.code, c.name, c.active, { parentCode: c.parentCode, owner: c.owner, handleLimit: c.handleLimit }, new Date(c.updatedAt));
  }

  async saveCalendarYear(c: CalendarYearView): Promise<void> {
    await this.em.upsert(CalendarYearCopyEntity, { year: c.year, holidays: c.holidays, workdays: c.workdays });
  }

  /** One statement, newest wins: an event delivered late never undoes a later change. */
  private async save<K extends RegistryCopyKind>(kind: K, code: string, name: string, active: boolean, facts: RegistryCopyFacts[K], at: Date): Promise<void> {
    const table = `"${this.em.config.get('schema')}"."registry_copy"`;
    await this.em.execute(
      `insert into ${table} (kind, code, name, active, facts, updated_at) values (?, ?, ?, ?, ?, ?)
       on conflict (kind, code) do update set name = excluded.name, active = excluded.active, facts = excluded.facts, updated_at = excluded.updated_at
       where ${table}.updated_at <= excluded.updated_at`,
      [kind, code, name, active, JSON.stringify(facts), at],
    );
  }

  async get<K extends RegistryCopyKind>(kind: K, code: string): Promise<RegistryCopyEntity<K> | null> {
    return (await this.find({ [kind]: [code] })).get(kind, code) as RegistryCopyEntity<K> | null;
  }

  /** The records of the codes asked for, read in one query (plain rows: nothing kept in the identity map). */
  async find(codes: RegistryCodes): Promise<RegistryCopies> {
    const wanted = Object.entries(codes).flatMap(([kind, list]) => [...new Set(list ?? [])].filter((c): c is string => !!c).map((code) => ({ kind, code })));
    if (wanted.length === 0) return new RegistryCopies([]);
    const rows = await this.em.find(RegistryCopyEntity, { $or: wanted }, { disableIdentityMap: true });
    return new RegistryCopies(rows);
  }

  /** Whether the copy holds nothing yet (a service started after the registry's events were published). */
  async isEmpty(): Promise<boolean> {
    return (await this.em.count(RegistryCopyEntity, {})) === 0 && (await this.em.count(CalendarYearCopyEntity, {})) === 0;
  }

  /**
   * The working calendar in force around `at`: last, this and next year (China time), each as the registry loaded
   * it, else provisional (the statutory holidays the law fixes).
   */
  async calendarInForce(at: Date): Promise<{ calendar: WorkingCalendar; years: ResolvedCalendarYear[] }> {
    const year = cstYear(at);
    const loaded = await this.em.find(CalendarYearCopyEntity, {}, { disableIdentityMap: true });
    return calendarInForce([year - 1, year, year + 1], loaded);
  }
}

/** Records of the copy by kind and code; a code the copy does not hold is null. */
export class RegistryCopies {
  private readonly byKey: Map<string, RegistryCopyEntity>;

  constructor(rows: RegistryCopyEntity[]) {
    this.byKey = new Map(rows.map((r) => [`${r.kind}:${r.code}`, r]));
  }

  get<K extends RegistryCopyKind>(kind: K, code: string | null | undefined): RegistryCopyEntity<K> | null {
    return code ? ((this.byKey.get(`${kind}:${code}`) as RegistryCopyEntity<K> | undefined) ?? null) : null;
  }
}
