import { Injectable } from '@nestjs/common';
import { EntityManager, type RequiredEntityData } from '@mikro-orm/postgresql';
import { resolveCalendarYear, type CalendarYearDays, type ResolvedCalendarYear } from '@gridline/platform';
import { CalendarDayEntity } from './calendar-day.entity';
import { CategoryEntity } from './category.entity';
import { DepartmentEntity } from './department.entity';

/** Reads and writes of the responsibility list: departments, categories and the working-day calendar. */
@Injectable()
export class ResponsibilityRepository {
  constructor(private readonly em: EntityManager) {}

  findDepartment(code: string): Promise<DepartmentEntity | null> {
    return this.em.findOne(DepartmentEntity, { code });
  }

  listDepartments(): Promise<DepartmentEntity[]> {
    return this.em.find(DepartmentEntity, {}, { orderBy: { code: 'asc' } });
  }

  findCategory(code: string): Promise<CategoryEntity | null> {
    return this.em.findOne(CategoryEntity, { code });
  }

  listCategories(): Promise<CategoryEntity[]> {
    return this.em.find(CategoryEntity, {}, { orderBy: { code: 'asc' } });
  }

  childrenOf(code: string): Promise<CategoryEntity[]> {
    return this.em.find(CategoryEntity, { parentCode: code }, { orderBy: { code: 'asc' } });
  }

  /** The configured days of a year, in date order. */
  calendarDays(year: number): Promise<CalendarDayEntity[]> {
    return this.em.find(CalendarDayEntity, { day: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } }, { orderBy: { day: 'asc' } });
  }

  /**
   * The loaded days of a year, or undefined when none is loaded. A year with no configured day has no notice
   * loaded: every State Council notice has holidays.
   */
  async loadedCalendarYear(year: number): Promise<CalendarYearDays | undefined> {
    const days = await this.calendarDays(year);
    if (days.length === 0) return undefined;
    const iso = (d: string | Date) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10));
    return {
      year,
      holidays: days.filter((d) => d.kind === 'holiday').map((d) => iso(d.day)),
      workdays: days.filter((d) => d.kind === 'workday').map((d) => iso(d.day)),
    };
  }

  /** The year as loaded, else provisional (`resolveCalendarYear`). */
  async calendarYearInForce(year: number): Promise<ResolvedCalendarYear> {
    return resolveCalendarYear(year, await this.loadedCalendarYear(year));
  }

  /** A new department, to be stored by the next flush. */
  addDepartment(data: RequiredEntityData<DepartmentEntity>): DepartmentEntity {
    const department = this.em.create(DepartmentEntity, data);
    this.em.persist(department);
    return department;
  }

  /** A new category, not yet stored: `add` it once it is complete. */
  createCategory(data: RequiredEntityData<CategoryEntity>): CategoryEntity {
    return this.em.create(CategoryEntity, data);
  }

  add(category: CategoryEntity): void {
    this.em.persist(category);
  }

  /** Replaces the configured days of a year (stored by the next flush, the old ones deleted at once). */
  async replaceCalendarYear(year: number, holidays: readonly string[], workdays: readonly string[]): Promise<void> {
    await this.em.nativeDelete(CalendarDayEntity, { day: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } });
    for (const day of holidays) this.em.persist(this.em.create(CalendarDayEntity, { day, kind: 'holiday' }));
    for (const day of workdays) this.em.persist(this.em.create(CalendarDayEntity, { day, kind: 'workday' }));
  }

  /** Writes the changes of the current unit of work (a `TransactionRunner.run`'s, inside one). */
  async flush(): Promise<void> {
    await this.em.flush();
  }
}
