import { getLunarDate } from 'chinese-days';
import { calendarInForce, resolveCalendarYear } from './calendar-years';
import { PROVISIONAL_STATUTORY_YEARS, provisionalHolidays, qingmingDay } from './provisional-holidays';
import { statutoryArrangement } from './statutory-holidays';

const cst = (local: string): Date => new Date(`${local}:00+08:00`);
const days = (year: number) => provisionalHolidays(year)!.map((h) => h.day);

describe(provisionalHolidays.name, () => {
  it('gives 2027 the holidays the law fixes, a weekend holiday made up on the next working day', () => {
    // Spring Festival 2027 is Saturday 6 February (eve Fri 5, Sat 6, Sun 7, Mon 8; Sat and Sun made up Tue 9, Wed 10);
    // Qingming Mon 5 Apr; 1–2 May a weekend (made up 3–4 May); Dragon Boat Wed 9 Jun; Mid-Autumn Wed 15 Sep;
    // 1–3 Oct Fri–Sun (made up 4–5 Oct).
    expect(days(2027)).toEqual([
      '2027-01-01',
      '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10',
      '2027-04-05',
      '2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05',
    ]);
    expect(provisionalHolidays(2027)!.filter((h) => h.inLieu).map((h) => [h.day, h.name])).toEqual([
      ['2027-02-09', 'spring_festival'],
      ['2027-02-10', 'spring_festival'],
      ['2027-05-03', 'labour_day'],
      ['2027-05-04', 'labour_day'],
      ['2027-10-04', 'national_day'],
      ['2027-10-05', 'national_day'],
    ]);
  });

  it('makes up New Year 2028 (a Saturday) on Monday 3 January', () => {
    expect(days(2028).slice(0, 2)).toEqual(['2028-01-01', '2028-01-03']);
  });

  it('keeps every statutory day of the published 2025 and 2026 notices', () => {
    // The notices add bridging days; every day the law fixes is among their holidays.
    for (const year of [2025, 2026]) {
      const published = statutoryArrangement([year]).holidays;
      const fixed = provisionalHolidays(year)!.filter((h) => !h.inLieu).map((h) => h.day);
      expect(published).toEqual(expect.arrayContaining(fixed));
    }
  });

  it('has lunar festival dates equal to the lunar conversion of chinese-days for every year it covers', () => {
    for (const year of PROVISIONAL_STATUTORY_YEARS) {
      const holidays = provisionalHolidays(year)!;
      const first = (name: string) => holidays.find((h) => h.name === name && !h.inLieu)!.day;
      const spring = holidays.filter((h) => h.name === 'spring_festival' && !h.inLieu).map((h) => h.day)[1];
      expect([year, getLunarDate(spring)]).toMatchObject([year, { lunarMon: 1, lunarDay: 1, isLeap: false }]);
      expect([year, getLunarDate(first('dragon_boat'))]).toMatchObject([year, { lunarMon: 5, lunarDay: 5, isLeap: false }]);
      expect([year, getLunarDate(first('mid_autumn'))]).toMatchObject([year, { lunarMon: 8, lunarDay: 15, isLeap: false }]);
      // New Year's Eve: the day before is the last day of the 12th month.
      const eve = holidays.find((h) => h.name === 'spring_festival')!.day;
      expect(getLunarDate(eve)).toMatchObject({ lunarMon: 12 });
    }
  });

  it('has nothing for a year beyond its table', () => {
    expect(provisionalHolidays(2099)).toBeUndefined();
    expect(provisionalHolidays(2024)).toBeUndefined();
  });
});

describe(qingmingDay.name, () => {
  it('finds Qingming among the published holidays of every year from 2008 to 2026', () => {
    for (let year = 2008; year <= 2026; year += 1) {
      expect([year, statutoryArrangement([year]).holidays]).toEqual([year, expect.arrayContaining([qingmingDay(year)])]);
    }
  });

  it('knows Qingming 2027 and 2028', () => {
    expect(qingmingDay(2027)).toBe('2027-04-05');
    expect(qingmingDay(2028)).toBe('2028-04-04');
  });
});

describe('statutoryArrangement with provisional years', () => {
  it('falls back to the provisional holidays only when asked, and says so', () => {
    expect(() => statutoryArrangement([2027])).toThrow('no arrangement known for 2027');
    const arrangement = statutoryArrangement([2026, 2027], { provisional: true });
    expect(arrangement.sources).toEqual({ 2026: expect.stringMatching(/chinese-days|built-in/), 2027: 'provisional' });
    expect(arrangement.holidays).toEqual(expect.arrayContaining(['2026-10-07', '2027-02-06']));
  });
});

describe(calendarInForce.name, () => {
  const announced2026 = { year: 2026, ...statutoryArrangement([2026]) };

  it('puts one working day after Thursday 31 December 2026 on Monday 4 January 2027, not on the New Year holiday', () => {
    const { calendar, years } = calendarInForce([2026, 2027], [announced2026]);
    expect(years.map((y) => [y.year, y.provisional])).toEqual([
      [2026, false],
      [2027, true],
    ]);
    expect(calendar.addWorkingDays(cst('2026-12-31T10:00'), 1).toISOString()).toBe('2027-01-04T09:30:00.000Z');
    // Friday 5 February 2027 (New Year's Eve) + 1 working day: the Spring Festival and its days in lieu → Thu 11 Feb.
    expect(calendar.addWorkingDays(cst('2027-02-04T10:00'), 1).toISOString()).toBe('2027-02-11T09:30:00.000Z');
  });

  it('takes a loaded year as it is, make-up days included, instead of the provisional one', () => {
    const loaded = { year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-02'] };
    expect(resolveCalendarYear(2027, loaded)).toEqual({ ...loaded, provisional: false });
    const { calendar } = calendarInForce([2027], [loaded]);
    expect(calendar.isWorkingDay(cst('2027-01-02T10:00'))).toBe(true);
    expect(calendar.isWorkingDay(cst('2027-02-08T10:00'))).toBe(true);
  });
});
