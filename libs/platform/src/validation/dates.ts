import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * The date forms the API documents, and only those: a calendar day `YYYY-MM-DD`, and a date-time
 * `YYYY-MM-DDTHH:mm[:ss[.fff]][Z|±HH:mm]`. ISO 8601's week (`2026-W01-1`) and ordinal (`2026-032`) forms, days that
 * do not exist (`2026-02-30`) and years outside 1900–2199 are refused: they passed `IsISO8601` and then failed in
 * the database.
 */
export const DATE_YEARS = { min: 1900, max: 2199 } as const;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?$/;

/** Whether a string is a day that exists, written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DAY.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  if (year < DATE_YEARS.min || year > DATE_YEARS.max) return false;
  const date = new Date(Date.UTC(year, Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export interface DateTimeOptions {
  /** The offset (`Z` or `±HH:mm`) must be given. Default false: without one, the server's zone applies. */
  requireZone?: boolean;
  /** A calendar day alone is taken too (as its midnight), for `from`/`to` filters. Default false. */
  allowDate?: boolean;
}

/** Whether a string is a date-time of a day that exists, with hours 00–23, minutes and seconds 00–59. */
export function isDateTime(value: unknown, options: DateTimeOptions = {}): value is string {
  if (typeof value !== 'string') return false;
  if (options.allowDate && isCalendarDate(value)) return true;
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [, day, hh, mm, ss, zone, zh, zm] = match;
  if (!isCalendarDate(day)) return false;
  if (Number(hh) > 23 || Number(mm) > 59 || (ss !== undefined && Number(ss) > 59)) return false;
  if (zone === undefined) return !options.requireZone;
  return zone === 'Z' || (Number(zh) <= 14 && Number(zm) <= 59);
}

function describe(options: DateTimeOptions): string {
  const form = `a date-time YYYY-MM-DDTHH:mm:ss${options.requireZone ? ' with a time zone (Z or ±HH:mm)' : '[Z|±HH:mm]'}`;
  return options.allowDate ? `a date YYYY-MM-DD or ${form}` : form;
}

/** A day written YYYY-MM-DD that exists in the calendar. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: ({ property }) => `${property} must be a date YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}

/** A date-time the API documents (see isDateTime); `allowDate` takes a calendar day too. */
export function IsDateTime(dateTime: DateTimeOptions = {}, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDateTime',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: ({ property }) => `${property} must be ${describe(dateTime)}`, ...options },
      validator: { validate: (value: unknown) => isDateTime(value, dateTime) },
    });
}

/** The clock skew a back-dated time may run ahead of this process's clock. */
const BACKDATED_SKEW_MS = 60_000;

/**
 * Why a back-dated step's time (`at`, given by the demo seed) is refused, or null: not in the future (beyond the clock
 * skew), and not before the newest entry the record already holds — so that its events stay in order.
 */
export function backdatedStepProblem(at: Date, lastEntry: Date | null, now: number = Date.now()): string | null {
  if (at.getTime() > now + BACKDATED_SKEW_MS) return 'is in the future';
  if (lastEntry && at < lastEntry) return `is before the last entry (${lastEntry.toISOString()})`;
  return null;
}
