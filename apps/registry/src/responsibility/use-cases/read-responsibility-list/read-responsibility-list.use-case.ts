import { Injectable } from '@nestjs/common';
import type { CalendarYearInForceView, CategoryTreeView, DepartmentView } from '@gridline/contracts-registry';
import { categoryNotFound } from '../../responsibility.errors';
import { toCategoryView, toDepartmentView } from '../../responsibility.mapper';
import { ResponsibilityRepository } from '../../responsibility.repository';

/** The responsibility list as anyone signed in may read it: departments, the category tree, the calendar. */
@Injectable()
export class ReadResponsibilityListUseCase {
  constructor(private readonly list: ResponsibilityRepository) {}

  async departments(): Promise<DepartmentView[]> {
    return (await this.list.listDepartments()).map(toDepartmentView);
  }

  async categoryTree(): Promise<CategoryTreeView[]> {
    const all = (await this.list.listCategories()).map(toCategoryView);
    return all.filter((c) => c.kind === 'major').map((major) => ({ ...major, children: all.filter((c) => c.parentCode === major.code) }));
  }

  async category(code: string): Promise<CategoryTreeView> {
    const category = await this.list.findCategory(code);
    if (!category) throw categoryNotFound(code);
    return { ...toCategoryView(category), children: (await this.list.childrenOf(code)).map(toCategoryView) };
  }

  /** The year as loaded, or provisional (the holidays the law fixes) while its notice is not loaded. */
  async calendar(year: number): Promise<CalendarYearInForceView> {
    const { holidays, workdays, provisional } = await this.list.calendarYearInForce(year);
    return { year, holidays: [...holidays], workdays: [...workdays], provisional };
  }
}
