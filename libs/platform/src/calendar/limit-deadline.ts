import { provisionalYearsBetween, type ResolvedCalendarYear } from './calendar-years';
import type { WorkingCalendar } from './working-calendar';

const HOUR = 3_600_000;

/** Working hours in a working day of the default calendar (08:30–12:00, 13:30–17:30). */
export const WORKING_HOURS_PER_DAY = 7.5;

/** A time limit as the responsibility list states it (the registry's `TimeLimit` is one). */
export interface CalendarLimit {
  amount: number;
  unit: 'working_hours' | 'working_days' | 'natural_hours' | 'natural_days';
}

/** A deadline, and whether it was counted through a provisional calendar year (it may move once the notice is loaded). */
export interface LimitDeadline {
  deadline: Date;
  provisional: boolean;
  provisionalYears: number[];
}

/**
 * The due time of `limit` started at `from`, on the working-day calendar, shortened by `factor` (1: the whole limit).
 * A whole working-day limit keeps the "end of the n-th working day" rule; a shortened one counts its working hours.
 * The one deadline rule of the platform: the registry's, incidents' and the hotline's deadlines are counted here.
 */
export function dueAfterLimit(calendar: WorkingCalendar, from: Date, limit: CalendarLimit, factor = 1): Date {
  switch (limit.unit) {
    case 'natural_hours':
      return new Date(from.getTime() + limit.amount * factor * HOUR);
    case 'natural_days':
      return new Date(from.getTime() + limit.amount * factor * 24 * HOUR);
    case 'working_hours':
      return calendar.addWorkingHours(from, limit.amount * factor);
    case 'working_days':
      return factor === 1 ? calendar.addWorkingDays(from, limit.amount) : calendar.addWorkingHours(from, limit.amount * factor * WORKING_HOURS_PER_DAY);
  }
}

/**
 * The deadline of `limit` started at `from` on a calendar in force (`calendarInForce`), with the provisional years
 * its working time runs through: a natural limit does not use the calendar, so it is never provisional.
 */
export function deadlineInForce(inForce: { calendar: WorkingCalendar; years: readonly ResolvedCalendarYear[] }, from: Date, limit: CalendarLimit, factor = 1): LimitDeadline {
  const deadline = dueAfterLimit(inForce.calendar, from, limit, factor);
  const provisionalYears = limit.unit.startsWith('working_') ? provisionalYearsBetween(inForce.years, from, deadline) : [];
  return { deadline, provisional: provisionalYears.length > 0, provisionalYears };
}
