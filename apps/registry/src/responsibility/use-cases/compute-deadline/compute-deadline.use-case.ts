import { Injectable } from '@nestjs/common';
import { WorkingCalendar, cstYear, provisionalYearsBetween, type ResolvedCalendarYear } from '@gridline/platform';
import type { DeadlineQuery, DeadlineView, TimeLimit } from '@gridline/contracts-registry';
import { ResponsibilityRepository } from '../../responsibility.repository';

const HOUR = 3_600_000;

/** The deadline of a time limit started at a moment, on the configured working-day calendar. */
@Injectable()
export class ComputeDeadlineUseCase {
  constructor(private readonly list: ResponsibilityRepository) {}

  async execute(query: DeadlineQuery): Promise<DeadlineView> {
    const from = new Date(query.from);
    const limit: TimeLimit = { amount: query.amount, unit: query.unit };
    const { deadline, years } = await this.compute(from, limit);
    // Only the years the clock runs through matter: a natural limit does not use the calendar at all.
    const provisionalYears = provisionalYearsBetween(years, from, deadline);
    return { from: from.toISOString(), limit, deadline: deadline.toISOString(), provisional: provisionalYears.length > 0, provisionalYears };
  }

  private async compute(from: Date, limit: TimeLimit): Promise<{ deadline: Date; years: ResolvedCalendarYear[] }> {
    switch (limit.unit) {
      case 'natural_hours':
        return { deadline: new Date(from.getTime() + limit.amount * HOUR), years: [] };
      case 'natural_days':
        return { deadline: new Date(from.getTime() + limit.amount * 24 * HOUR), years: [] };
      case 'working_hours': {
        const { calendar, years } = await this.calendarFrom(from);
        return { deadline: calendar.addWorkingHours(from, limit.amount), years };
      }
      case 'working_days': {
        const { calendar, years } = await this.calendarFrom(from);
        return { deadline: calendar.addWorkingDays(from, limit.amount), years };
      }
    }
  }

  /**
   * The calendar in force for the start's year and the next (a limit may cross New Year): each as loaded, or
   * provisional while its notice is not loaded.
   */
  private async calendarFrom(from: Date): Promise<{ calendar: WorkingCalendar; years: ResolvedCalendarYear[] }> {
    const year = cstYear(from);
    const years = [await this.list.calendarYearInForce(year), await this.list.calendarYearInForce(year + 1)];
    const calendar = new WorkingCalendar({ holidays: years.flatMap((y) => y.holidays), workdays: years.flatMap((y) => y.workdays) });
    return { calendar, years };
  }
}
