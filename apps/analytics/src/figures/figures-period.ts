import { chinaDay, periodEnd, periodStart } from '@gridline/platform';
import { analyticsInvalid, FIGURES_PERIODS, type FiguresPeriodKind, type FiguresQuery } from '@gridline/contracts-analytics';

const DAY_MS = 86_400_000;

/** The longest from–to asked: a year (366 days in a leap year). */
export const FIGURES_MAX_DAYS = 366;

/** A period of China days, both inclusive, and the instants that bound it (`start` inclusive, `end` exclusive). */
export interface FiguresPeriod {
  kind: FiguresPeriodKind | 'range';
  from: string;
  to: string;
  start: Date;
  end: Date;
}

/** Day arithmetic on YYYY-MM-DD, in UTC fields (China days have no DST: a day is 24 h). */
const utc = (day: string) => new Date(`${day}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(new Date(utc(day).getTime() + n * DAY_MS));
const daysBetween = (from: string, to: string) => Math.round((utc(to).getTime() - utc(from).getTime()) / DAY_MS);

function bounded(kind: FiguresPeriod['kind'], from: string, to: string): FiguresPeriod {
  return { kind, from, to, start: periodStart(from), end: periodEnd(to) };
}

/** The calendar period of `kind` holding `day`: the day; its week, Monday to Sunday; its month, quarter or year. */
export function calendarPeriod(kind: FiguresPeriodKind, day: string): FiguresPeriod {
  const d = utc(day);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const first = (year: number, month: number) => iso(new Date(Date.UTC(year, month, 1)));
  const lastOf = (year: number, month: number) => iso(new Date(Date.UTC(year, month + 1, 0)));
  switch (kind) {
    case 'day':
      return bounded(kind, day, day);
    case 'week': {
      const monday = addDays(day, -((d.getUTCDay() + 6) % 7));
      return bounded(kind, monday, addDays(monday, 6));
    }
    case 'month':
      return bounded(kind, first(y, m), lastOf(y, m));
    case 'quarter': {
      const q = m - (m % 3);
      return bounded(kind, first(y, q), lastOf(y, q + 2));
    }
    case 'year':
      return bounded(kind, `${y}-01-01`, `${y}-12-31`);
  }
}

/**
 * The period before: for a calendar period the one before it (the month before, however long); for a from–to the
 * same number of days just before `from`.
 */
export function previousPeriod(period: FiguresPeriod): FiguresPeriod {
  if (period.kind === 'range') {
    const days = daysBetween(period.from, period.to) + 1;
    return bounded('range', addDays(period.from, -days), addDays(period.from, -1));
  }
  return calendarPeriod(period.kind, addDays(period.from, -1));
}

/**
 * The period asked: `period` with an anchor day (`from`, any day inside it; default today in China), or `from`–`to`
 * (both China days, inclusive, at most a year); neither: the month of today. Refuses both forms at once, an empty or
 * too long range.
 */
export function figuresPeriod(query: Pick<FiguresQuery, 'period' | 'from' | 'to'>, today: string = chinaDay()): FiguresPeriod {
  if (query.period) {
    if (!FIGURES_PERIODS.includes(query.period)) throw analyticsInvalid('period', `must be one of ${FIGURES_PERIODS.join(', ')}`);
    if (query.to) throw analyticsInvalid('to', 'is not given with period: from is the anchor day of the period');
    return calendarPeriod(query.period, query.from ?? today);
  }
  if (!query.from && !query.to) return calendarPeriod('month', today);
  if (!query.from) throw analyticsInvalid('from', 'is required with to (or give period)');
  const to = query.to ?? today;
  if (query.from > to) throw analyticsInvalid('from', query.to ? 'must not be after to' : 'must not be after today (the default to)');
  if (daysBetween(query.from, to) + 1 > FIGURES_MAX_DAYS) throw analyticsInvalid('to', `the period must be at most ${FIGURES_MAX_DAYS} days`);
  return bounded('range', query.from, to);
}
