import { cstYear } from './china-time';
import { provisionalHolidays } from './provisional-holidays';
import { WorkingCalendar, type WorkingPeriod } from './working-calendar';

/** The holidays and make-up working days of one year, as 'YYYY-MM-DD' days in China Standard Time. */
export interface CalendarYearDays {
  year: number;
  holidays: readonly string[];
  workdays: readonly string[];
}

/** A year of the calendar in force, and whether it is only provisional (its notice not loaded yet). */
export interface ResolvedCalendarYear extends CalendarYearDays {
  provisional: boolean;
}

/**
 * The calendar in force for `year`: the loaded notice when there is one (`announced`), else a provisional year of
 * the statutory holidays the law fixes (`provisionalHolidays`, no make-up working days); a year beyond those rules
 * is provisional with weekends only.
 */
export function resolveCalendarYear(year: number, announced?: CalendarYearDays): ResolvedCalendarYear {
  if (announced) return { year, holidays: [...announced.holidays], workdays: [...announced.workdays], provisional: false };
  return { year, holidays: (provisionalHolidays(year) ?? []).map((h) => h.day), workdays: [], provisional: true };
}

/**
 * A working calendar of the `years` in force: each taken from `announced` when loaded, else provisional. A limit
 * started late in a year reaches into the next one: list every year a deadline can reach.
 */
export function calendarInForce(
  years: readonly number[],
  announced: readonly CalendarYearDays[],
  hours?: readonly WorkingPeriod[],
): { calendar: WorkingCalendar; years: ResolvedCalendarYear[] } {
  const byYear = new Map(announced.map((y) => [y.year, y]));
  const resolved = [...new Set([...years, ...byYear.keys()])].sort((a, b) => a - b).map((year) => resolveCalendarYear(year, byYear.get(year)));
  const calendar = new WorkingCalendar({ holidays: resolved.flatMap((y) => y.holidays), workdays: resolved.flatMap((y) => y.workdays), hours });
  return { calendar, years: resolved };
}

/**
 * The provisional years (of `years`) that a span from `from` to `to` runs through, China time: a deadline counted
 * over them may move when their notice is loaded.
 */
export function provisionalYearsBetween(years: readonly ResolvedCalendarYear[], from: Date, to: Date): number[] {
  return years.filter((y) => y.provisional && y.year >= cstYear(from) && y.year <= cstYear(to)).map((y) => y.year);
}
