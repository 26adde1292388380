/**
 * The statutory holidays of a year whose State Council notice is not out yet, as the law fixes them: the
 * 全国年节及纪念日放假办法 (as revised in 2024, in force from 2025) gives every citizen New Year's Day (1 Jan), the
 * Spring Festival (New Year's Eve and the first three days of the first lunar month), Qingming (the day of the
 * Qingming solar term), Labour Day (1–2 May), the Dragon Boat Festival (5th of the 5th lunar month), Mid-Autumn
 * (15th of the 8th lunar month) and National Day (1–3 Oct); a holiday on a Saturday or Sunday is made up on the
 * next working day (its article 6). The notice adds bridging days and make-up working days (调休), which no rule
 * fixes: a provisional year has none, and is replaced whole by the notice when it is loaded.
 */

/** First lunar day of the year (Spring Festival), 5th of the 5th month, 15th of the 8th month, as 'MM-DD'. */
type LunarFestivals = readonly [spring: string, dragonBoat: string, midAutumn: string];

// From the lunar tables of chinese-days (Hong Kong Observatory data); the spec checks every row against its lunar
// conversion, and 2025–2027 against the published dates. Kept here so that the rules hold without that package.
const LUNAR_FESTIVALS: Record<number, LunarFestivals> = {
  2025: ['01-29', '05-31', '10-06'],
  2026: ['02-17', '06-19', '09-25'],
  2027: ['02-06', '06-09', '09-15'],
  2028: ['01-26', '05-28', '10-03'],
  2029: ['02-13', '06-16', '09-22'],
  2030: ['02-03', '06-05', '09-12'],
  2031: ['01-23', '06-24', '10-01'],
  2032: ['02-11', '06-12', '09-19'],
  2033: ['01-31', '06-01', '09-08'],
  2034: ['02-19', '06-20', '09-27'],
  2035: ['02-08', '06-10', '09-16'],
  2036: ['01-28', '05-30', '10-04'],
  2037: ['02-15', '06-18', '09-24'],
  2038: ['02-04', '06-07', '09-13'],
  2039: ['01-24', '05-27', '10-02'],
  2040: ['02-12', '06-14', '09-20'],
  2041: ['02-01', '06-03', '09-10'],
  2042: ['01-22', '06-22', '09-28'],
  2043: ['02-10', '06-11', '09-17'],
  2044: ['01-30', '05-31', '10-05'],
  2045: ['02-17', '06-19', '09-25'],
  2046: ['02-06', '06-08', '09-15'],
  2047: ['01-26', '05-29', '10-04'],
  2048: ['02-14', '06-15', '09-22'],
  2049: ['02-02', '06-04', '09-11'],
  2050: ['01-23', '06-23', '09-30'],
};

/** The years a provisional calendar can be computed for (the 2024 rules and the lunar table above). */
export const PROVISIONAL_STATUTORY_YEARS: readonly number[] = Object.keys(LUNAR_FESTIVALS).map(Number);

/** One statutory holiday of a provisional year. */
export interface ProvisionalHoliday {
  day: string;
  name: 'new_year' | 'spring_festival' | 'qingming' | 'labour_day' | 'dragon_boat' | 'mid_autumn' | 'national_day';
  /** A weekday off in lieu of a holiday that fell on a Saturday or Sunday. */
  inLieu: boolean;
}

const DAY_MS = 86_400_000;

const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const isWeekend = (day: number): boolean => [0, 6].includes(new Date(day * DAY_MS).getUTCDay());

/**
 * The day of the Qingming solar term in April of a 21st-century year: the "寿星" formula ⌊Y·0.2422 + C⌋ − ⌊Y/4⌋
 * with C = 4.81 for the 21st century (no exception year between 2001 and 2099 for this term); checked by the spec
 * against every Qingming holiday published from 2008 to 2026.
 */
export function qingmingDay(year: number): string {
  if (!Number.isInteger(year) || year < 2001 || year > 2099) throw new RangeError(`qingmingDay: ${year} is not a year 2001–2099`);
  const y = year % 100;
  const day = Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4);
  return `${year}-04-${String(day).padStart(2, '0')}`;
}

/**
 * The statutory holidays of `year` as the law fixes them (see the file comment), in date order, or undefined for a
 * year outside `PROVISIONAL_STATUTORY_YEARS`.
 */
export function provisionalHolidays(year: number): ProvisionalHoliday[] | undefined {
  const lunar = LUNAR_FESTIVALS[year];
  if (!lunar) return undefined;
  const [spring, dragonBoat, midAutumn] = lunar.map((mmdd) => dayNumber(`${year}-${mmdd}`));
  const fixed: [number, ProvisionalHoliday['name']][] = [
    [dayNumber(`${year}-01-01`), 'new_year'],
    ...[-1, 0, 1, 2].map((offset): [number, ProvisionalHoliday['name']] => [spring + offset, 'spring_festival']),
    [dayNumber(qingmingDay(year)), 'qingming'],
    [dayNumber(`${year}-05-01`), 'labour_day'],
    [dayNumber(`${year}-05-02`), 'labour_day'],
    [dragonBoat, 'dragon_boat'],
    [midAutumn, 'mid_autumn'],
    ...[1, 2, 3].map((d): [number, ProvisionalHoliday['name']] => [dayNumber(`${year}-10-0${d}`), 'national_day']),
  ];
  const off = new Map<number, ProvisionalHoliday>();
  // Mid-Autumn can fall inside National Day (2025: 6 Oct is outside, 2031: 1 Oct is inside): one day off, not two.
  for (const [day, name] of fixed) if (!off.has(day)) off.set(day, { day: isoOf(day), name, inLieu: false });
  const statutory = [...off.keys()].sort((a, b) => a - b);
  for (const day of statutory) {
    if (!isWeekend(day)) continue;
    let lieu = day + 1;
    while (isWeekend(lieu) || off.has(lieu)) lieu += 1;
    off.set(lieu, { day: isoOf(lieu), name: off.get(day)!.name, inLieu: true });
  }
  return [...off.values()].sort((a, b) => a.day.localeCompare(b.day));
}
