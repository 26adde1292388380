import { ConfigError } from '../config/load-config';
import { CHINA_OFFSET_MS } from './china-time';
import { statutoryArrangement } from './statutory-holidays';

/** A working period of a day, 'HH:MM' to 'HH:MM' in China Standard Time ('24:00' allowed as an end). */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/** What a `WorkingCalendar` is built from. Every date is a 'YYYY-MM-DD' day in China Standard Time. */
export interface WorkingCalendarConfig {
  /** Days off although Monday to Friday (a holiday on a weekend is allowed and changes nothing). */
  holidays: readonly string[];
  /** Make-up working days (调休): a Saturday or Sunday that is worked. */
  workdays: readonly string[];
  /** Sorted, non-overlapping periods; `DEFAULT_WORKING_HOURS` when absent. */
  hours?: readonly WorkingPeriod[];
}

export const DEFAULT_WORKING_HOURS: readonly WorkingPeriod[] = Object.freeze([
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
]);

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PATTERN = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** Milliseconds from the CST midnight, for one working period. */
interface Period {
  start: number;
  end: number;
}

/**
 * Working days and working hours in China Standard Time (Asia/Shanghai, UTC+8), whatever the server's time zone.
 * A day is a working day when it is a configured make-up working day, or a Monday to Friday that is not a configured
 * holiday. Days outside the configured data count as ordinary weekdays and weekends, so configure every year a
 * deadline can reach (`WorkingCalendar.withStatutoryHolidays`).
 */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<number>;
  private readonly workdays: ReadonlySet<number>;
  private readonly periods: readonly Period[];

  /** @throws ConfigError naming every bad date, every day both holiday and workday and every bad period. */
  constructor(config: WorkingCalendarConfig) {
    const problems: string[] = [];
    this.holidays = parseDays('holidays', config.holidays, problems);
    this.workdays = parseDays('workdays', config.workdays, problems);
    for (const day of this.workdays) {
      if (this.holidays.has(day)) problems.push(`${formatDay(day)} is both a holiday and a make-up working day`);
      if (!isWeekend(day)) {
        problems.push(`workdays: ${formatDay(day)} is a weekday; a make-up working day is a Saturday or Sunday`);
      }
    }
    this.periods = parsePeriods(config.hours ?? DEFAULT_WORKING_HOURS, problems);
    if (problems.length > 0) throw new ConfigError(problems);
  }

  /**
   * A calendar with China's statutory holidays and make-up working days of `years` (see `statutoryArrangement`:
   * from `chinese-days` when installed, else the built-in table).
   * @throws ConfigError for a year without a known arrangement.
   */
  static withStatutoryHolidays(years: readonly number[], hours?: readonly WorkingPeriod[]): WorkingCalendar {
    const { holidays, workdays } = statutoryArrangement(years);
    return new WorkingCalendar({ holidays, workdays, hours });
  }

  /** Whether the CST day containing `date` is a working day. */
  isWorkingDay(date: Date): boolean {
    return this.isWorkingDayNumber(cstDay(instant(date, 'date')));
  }

  /**
   * The deadline of a limit of `days` working days starting at `from`: the end of the last working period of the
   * `days`-th working day after the CST day of `from`. That day itself never counts, whatever the time and whether
   * or not it is a working day, so when `from` falls on a holiday or weekend, counting starts with the next working
   * day. Friday 10:00 + 1 → Monday 17:30; Saturday + 1 → Monday 17:30 (with the default hours).
   * @param days a whole number, at least 1.
   */
  addWorkingDays(from: Date, days: number): Date {
    const start = instant(from, 'from');
    if (!Number.isInteger(days) || days < 1) {
      throw new RangeError(`addWorkingDays: days must be a whole number of at least 1, got ${days}`);
    }
    let day = cstDay(start);
    for (let counted = 0; counted < days; ) {
      day += 1;
      if (this.isWorkingDayNumber(day)) counted += 1;
    }
    return new Date(cstMidnight(day) + this.periods[this.periods.length - 1].end);
  }

  /**
   * `from` plus `hours` of working time: only time inside the working periods of working days counts. Time before
   * `from` on its day does not count; from outside the working hours, counting starts at the next period. A deadline
   * that uses up a period exactly is the end of that period (Friday 17:00 + 0.5 h → Friday 17:30), not the start of
   * the next one. Fractional hours are allowed (rounded to the millisecond); 0 hours gives `from` unchanged.
   */
  addWorkingHours(from: Date, hours: number): Date {
    const start = instant(from, 'from');
    if (!Number.isFinite(hours) || hours < 0) {
      throw new RangeError(`addWorkingHours: hours must be a finite number of at least 0, got ${hours}`);
    }
    let remaining = Math.round(hours * HOUR_MS);
    if (remaining === 0) return new Date(start);
    for (let day = cstDay(start); ; day += 1) {
      if (!this.isWorkingDayNumber(day)) continue;
      const midnight = cstMidnight(day);
      for (const period of this.periods) {
        const periodStart = Math.max(midnight + period.start, start);
        const available = midnight + period.end - periodStart;
        if (available <= 0) continue;
        if (remaining <= available) return new Date(periodStart + remaining);
        remaining -= available;
      }
    }
  }

  /**
   * The working hours (fractional) between `from` and `to`: how much of a limit in working hours is used up.
   * Negative when `to` is before `from`, so that `workingHoursBetween(a, b) === -workingHoursBetween(b, a)`.
   */
  workingHoursBetween(from: Date, to: Date): number {
    const a = instant(from, 'from');
    const b = instant(to, 'to');
    if (b < a) return -this.workingMsBetween(b, a) / HOUR_MS;
    return this.workingMsBetween(a, b) / HOUR_MS;
  }

  private workingMsBetween(from: number, to: number): number {
    let total = 0;
    for (let day = cstDay(from); day <= cstDay(to); day += 1) {
      if (!this.isWorkingDayNumber(day)) continue;
      const midnight = cstMidnight(day);
      for (const period of this.periods) {
        total += Math.max(0, Math.min(to, midnight + period.end) - Math.max(from, midnight + period.start));
      }
    }
    return total;
  }

  private isWorkingDayNumber(day: number): boolean {
    if (this.workdays.has(day)) return true;
    if (this.holidays.has(day)) return false;
    return !isWeekend(day);
  }
}

function instant(date: Date, name: string): number {
  const ms = date instanceof Date ? date.getTime() : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be a valid Date, got ${String(date)}`);
  return ms;
}

/** Days since 1970-01-01 in CST. */
function cstDay(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS);
}

function cstMidnight(day: number): number {
  return day * DAY_MS - CHINA_OFFSET_MS;
}

function isWeekend(day: number): boolean {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function parseDays(field: string, values: readonly string[] | undefined, problems: string[]): Set<number> {
  const days = new Set<number>();
  if (!Array.isArray(values)) {
    problems.push(`${field}: must be a list of 'YYYY-MM-DD' dates, got ${JSON.stringify(values)}`);
    return days;
  }
  for (const value of values) {
    const ms = typeof value === 'string' && DATE_PATTERN.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
    // The round trip rejects days that do not exist, such as 2025-02-30, which Date.parse would roll over.
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
      problems.push(`${field}: ${JSON.stringify(value)} is not a date as 'YYYY-MM-DD'`);
      continue;
    }
    days.add(ms / DAY_MS);
  }
  return days;
}

function parsePeriods(hours: readonly WorkingPeriod[], problems: string[]): Period[] {
  if (!Array.isArray(hours) || hours.length === 0) {
    problems.push(`hours: at least one working period is needed, got ${JSON.stringify(hours)}`);
    return [];
  }
  const periods: Period[] = [];
  let previous: WorkingPeriod | undefined;
  for (const period of hours) {
    const label = `${period?.start}–${period?.end}`;
    const start = parseTime(period?.start);
    const end = parseTime(period?.end);
    if (start === undefined || end === undefined) {
      problems.push(`hours: ${label} is not a period 'HH:MM'–'HH:MM'`);
      continue;
    }
    if (end <= start) {
      problems.push(`hours: ${label} does not end after it starts`);
      continue;
    }
    if (previous && start < periods[periods.length - 1].end) {
      const other = `${previous.start}–${previous.end}`;
      problems.push(`hours: ${label} overlaps or comes before ${other}; list periods in order without overlap`);
      continue;
    }
    periods.push({ start, end });
    previous = period;
  }
  return periods;
}

function parseTime(value: unknown): number | undefined {
  const match = typeof value === 'string' ? TIME_PATTERN.exec(value) : null;
  if (!match) return undefined;
  const hours = Number(match[1] ?? match[3]);
  const minutes = Number(match[2] ?? match[4]);
  return (hours * 60 + minutes) * MINUTE_MS;
}
