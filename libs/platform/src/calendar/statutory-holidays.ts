import { ConfigError } from '../config/load-config';
import { provisionalHolidays } from './provisional-holidays';

/**
 * Where a year's statutory arrangement came from: the published notice (through `chinese-days` or the built-in
 * table), or, asked for with `{ provisional: true }`, the holidays the law fixes (`provisionalHolidays`).
 */
export type StatutorySource = 'chinese-days' | 'built-in' | 'provisional';

/** China's statutory holidays and make-up working days (调休) for some years, as 'YYYY-MM-DD' in CST. */
export interface StatutoryArrangement {
  holidays: string[];
  workdays: string[];
  /** The source of each requested year, worth logging at boot. */
  sources: Record<number, StatutorySource>;
}

interface YearTable {
  /** Inclusive ranges, weekends inside a holiday included, as published. */
  holidays: [string, string][];
  workdays: string[];
}

// Used when `chinese-days` cannot be loaded. Never guess a year: add one only from the published arrangement.
const BUILT_IN: Record<number, YearTable> = {
  // State Council General Office notice on the 2025 holidays, published November 2024.
  2025: {
    holidays: [
      ['2025-01-01', '2025-01-01'], // New Year
      ['2025-01-28', '2025-02-04'], // Spring Festival
      ['2025-04-04', '2025-04-06'], // Qingming
      ['2025-05-01', '2025-05-05'], // Labour Day
      ['2025-05-31', '2025-06-02'], // Dragon Boat
      ['2025-10-01', '2025-10-08'], // National Day and Mid-Autumn
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  // As published in chinese-days 1.5.7 (checked equal by the spec whenever chinese-days is installed).
  2026: {
    holidays: [
      ['2026-01-01', '2026-01-03'], // New Year
      ['2026-02-15', '2026-02-23'], // Spring Festival
      ['2026-04-04', '2026-04-06'], // Qingming
      ['2026-05-01', '2026-05-05'], // Labour Day
      ['2026-06-19', '2026-06-21'], // Dragon Boat
      ['2026-09-25', '2026-09-27'], // Mid-Autumn
      ['2026-10-01', '2026-10-07'], // National Day
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

/** Years the built-in table covers, for when `chinese-days` is not installed. */
export const BUILT_IN_STATUTORY_YEARS: readonly number[] = Object.keys(BUILT_IN).map(Number);

interface YearData {
  holidays: string[];
  workdays: string[];
}

function chineseDaysInstalled(): boolean {
  try {
    require.resolve('chinese-days/package.json');
    return true;
  } catch {
    return false;
  }
}

// chinese-days is read through its per-year JSON files (documented in its README), never through its functions:
// those compute dates in the server's time zone, and west of UTC (1.5.7) they shift every day by one
// (isWorkday('2025-03-08'), a Saturday, is true under TZ=America/New_York).
function fromChineseDays(year: number): YearData | undefined {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return undefined;
  let data: unknown;
  try {
    // A guarded require: chinese-days is optional, it only adds years that the built-in table lacks.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    data = require(`chinese-days/dist/years/${year}.json`);
  } catch {
    return undefined;
  }
  const { holidays, workdays } = (data ?? {}) as { holidays?: unknown; workdays?: unknown };
  // Its `workdays` are the make-up working days only; the calendar validates every key as a date.
  if (!isRecord(holidays) || !isRecord(workdays) || Object.keys(holidays).length === 0) return undefined;
  return { holidays: Object.keys(holidays), workdays: Object.keys(workdays) };
}

function fromBuiltIn(year: number): YearData | undefined {
  const table = BUILT_IN[year];
  if (!table) return undefined;
  return { holidays: table.holidays.flatMap(([start, end]) => daysBetween(start, end)), workdays: [...table.workdays] };
}

/**
 * The statutory holidays and make-up working days of `years`, for a `WorkingCalendar`. Each year is taken from
 * the `chinese-days` package's data when it is installed and has the year (it is updated as the State Council
 * publishes each year), else from a built-in table (2025, 2026), else — only with `{ provisional: true }` — from
 * the holidays the law fixes, without make-up days (`provisionalHolidays`). A year none has throws a ConfigError
 * naming it: a year without data would silently count its holidays as working days.
 */
export function statutoryArrangement(years: readonly number[], options: { provisional?: boolean } = {}): StatutoryArrangement {
  const arrangement: StatutoryArrangement = { holidays: [], workdays: [], sources: {} };
  const unknown: number[] = [];
  for (const year of [...new Set(years)].sort((a, b) => a - b)) {
    const fromLib = fromChineseDays(year);
    const published = fromLib ?? fromBuiltIn(year);
    const provisional = !published && options.provisional ? provisionalHolidays(year) : undefined;
    const data = published ?? (provisional && { holidays: provisional.map((h) => h.day), workdays: [] });
    if (!data) {
      unknown.push(year);
      continue;
    }
    arrangement.holidays.push(...data.holidays);
    arrangement.workdays.push(...data.workdays);
    arrangement.sources[year] = fromLib ? 'chinese-days' : published ? 'built-in' : 'provisional';
  }
  if (unknown.length > 0) {
    const lib = chineseDaysInstalled() ? 'the installed chinese-days has none' : 'chinese-days is not installed';
    const builtIn = `the built-in table has ${BUILT_IN_STATUTORY_YEARS.join(', ')}`;
    throw new ConfigError(
      unknown.map((year) => `statutory holidays: no arrangement known for ${year} (${lib}; ${builtIn})`),
    );
  }
  return arrangement;
}

const DAY_MS = 86_400_000;

function daysBetween(start: string, end: string): string[] {
  const days: string[] = [];
  for (let ms = Date.parse(`${start}T00:00:00Z`); ms <= Date.parse(`${end}T00:00:00Z`); ms += DAY_MS) {
    days.push(new Date(ms).toISOString().slice(0, 10));
  }
  return days;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
