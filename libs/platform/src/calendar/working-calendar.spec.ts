import fc from 'fast-check';
import { ConfigError } from '../config/load-config';
import { statutoryArrangement } from './statutory-holidays';
import { WorkingCalendar, WorkingPeriod } from './working-calendar';

/** A China Standard Time wall-clock time, 'YYYY-MM-DDTHH:MM', as an instant. Expectations are in UTC. */
const cst = (local: string): Date => new Date(`${local}:00+08:00`);

// March 2025 has no holiday: Fri 7, Sat 8, Sun 9, Mon 10.
const plain = new WorkingCalendar({ holidays: [], workdays: [] });
// National Day 2025: Sun 28 Sep worked, Wed 1 – Wed 8 Oct off, Sat 11 Oct worked.
const nationalDay = new WorkingCalendar({
  holidays: [
    ...['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04'],
    ...['2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  ],
  workdays: ['2025-09-28', '2025-10-11'],
});

function chineseDaysInstalled(): boolean {
  try {
    require.resolve('chinese-days/package.json');
    return true;
  } catch {
    return false;
  }
}

function configErrorOf(build: () => unknown): ConfigError {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe(WorkingCalendar.name, () => {
  describe('isWorkingDay', () => {
    it('works Monday to Friday and rests at the weekend', () => {
      expect(plain.isWorkingDay(cst('2025-03-07T10:00'))).toBe(true);
      expect(plain.isWorkingDay(cst('2025-03-08T10:00'))).toBe(false);
      expect(plain.isWorkingDay(cst('2025-03-09T10:00'))).toBe(false);
      expect(plain.isWorkingDay(cst('2025-03-10T10:00'))).toBe(true);
    });

    it('rests on a configured holiday that falls on a weekday', () => {
      expect(nationalDay.isWorkingDay(cst('2025-10-08T10:00'))).toBe(false);
      expect(nationalDay.isWorkingDay(cst('2025-10-09T10:00'))).toBe(true);
    });

    it('works on a make-up Saturday and a make-up Sunday', () => {
      expect(nationalDay.isWorkingDay(cst('2025-10-11T10:00'))).toBe(true);
      expect(nationalDay.isWorkingDay(cst('2025-09-28T10:00'))).toBe(true);
      expect(nationalDay.isWorkingDay(cst('2025-10-12T10:00'))).toBe(false);
    });

    it('takes the day in China Standard Time, not in UTC', () => {
      // 2025-03-07T16:30Z is Saturday 00:30 in Beijing; 2025-03-09T16:30Z is Monday 00:30.
      expect(plain.isWorkingDay(new Date('2025-03-07T16:30:00Z'))).toBe(false);
      expect(plain.isWorkingDay(new Date('2025-03-09T16:30:00Z'))).toBe(true);
      expect(plain.isWorkingDay(cst('2025-03-07T23:59'))).toBe(true);
      expect(plain.isWorkingDay(cst('2025-03-08T00:00'))).toBe(false);
    });
  });

  describe('addWorkingDays', () => {
    it('ends at the close of the next working day: Friday 10:00 + 1 is Monday 17:30', () => {
      expect(plain.addWorkingDays(cst('2025-03-07T10:00'), 1).toISOString()).toBe('2025-03-10T09:30:00.000Z');
    });

    it('never counts the starting day, however late or early', () => {
      expect(plain.addWorkingDays(cst('2025-03-10T00:00'), 1).toISOString()).toBe('2025-03-11T09:30:00.000Z');
      expect(plain.addWorkingDays(cst('2025-03-07T23:30'), 1).toISOString()).toBe('2025-03-10T09:30:00.000Z');
    });

    it('starts counting with the next working day when the start is a weekend or holiday', () => {
      expect(plain.addWorkingDays(cst('2025-03-08T10:00'), 1).toISOString()).toBe('2025-03-10T09:30:00.000Z');
      expect(nationalDay.addWorkingDays(cst('2025-10-03T10:00'), 1).toISOString()).toBe('2025-10-09T09:30:00.000Z');
    });

    it('crosses the National Day holiday and counts the make-up Saturday', () => {
      // Tuesday 30 Sep → Thursday 9, Friday 10, Saturday 11 Oct (make-up).
      expect(nationalDay.addWorkingDays(cst('2025-09-30T10:00'), 1).toISOString()).toBe('2025-10-09T09:30:00.000Z');
      expect(nationalDay.addWorkingDays(cst('2025-09-30T10:00'), 3).toISOString()).toBe('2025-10-11T09:30:00.000Z');
      expect(nationalDay.addWorkingDays(cst('2025-09-30T10:00'), 4).toISOString()).toBe('2025-10-13T09:30:00.000Z');
    });

    it('counts a make-up Sunday', () => {
      expect(nationalDay.addWorkingDays(cst('2025-09-26T10:00'), 1).toISOString()).toBe('2025-09-28T09:30:00.000Z');
    });

    it('ends at the end of the last configured period', () => {
      const calendar = new WorkingCalendar({ holidays: [], workdays: [], hours: [{ start: '09:00', end: '18:00' }] });
      expect(calendar.addWorkingDays(cst('2025-03-07T10:00'), 1).toISOString()).toBe('2025-03-10T10:00:00.000Z');
    });

    it('refuses a count that is not a whole number of at least 1', () => {
      for (const days of [0, -1, 1.5, Number.NaN]) {
        expect(() => plain.addWorkingDays(cst('2025-03-07T10:00'), days)).toThrow(
          `days must be a whole number of at least 1, got ${days}`,
        );
      }
      expect(() => plain.addWorkingDays(new Date('not a date'), 1)).toThrow('from must be a valid Date');
    });
  });

  describe('addWorkingHours', () => {
    it('skips the lunch break', () => {
      // Monday 11:30 + 1 h → 12:00, then 13:30 → 14:00.
      expect(plain.addWorkingHours(cst('2025-03-10T11:30'), 1).toISOString()).toBe('2025-03-10T06:00:00.000Z');
      expect(plain.addWorkingHours(cst('2025-03-10T12:30'), 0.5).toISOString()).toBe('2025-03-10T06:00:00.000Z');
    });

    it('skips the night and the weekend: Friday 17:00 + 1 h is Monday 09:00', () => {
      expect(plain.addWorkingHours(cst('2025-03-07T17:00'), 1).toISOString()).toBe('2025-03-10T01:00:00.000Z');
      expect(plain.addWorkingHours(cst('2025-03-08T11:00'), 1).toISOString()).toBe('2025-03-10T01:30:00.000Z');
      expect(plain.addWorkingHours(cst('2025-03-10T07:00'), 1).toISOString()).toBe('2025-03-10T01:30:00.000Z');
    });

    it('ends at the end of a period that the time uses up exactly', () => {
      expect(plain.addWorkingHours(cst('2025-03-07T17:00'), 0.5).toISOString()).toBe('2025-03-07T09:30:00.000Z');
      expect(plain.addWorkingHours(cst('2025-03-10T08:30'), 7.5).toISOString()).toBe('2025-03-10T09:30:00.000Z');
      expect(plain.addWorkingHours(cst('2025-03-10T08:30'), 3.5).toISOString()).toBe('2025-03-10T04:00:00.000Z');
    });

    it('takes fractional hours', () => {
      expect(plain.addWorkingHours(cst('2025-03-10T10:00'), 0.25).toISOString()).toBe('2025-03-10T02:15:00.000Z');
      // 11:00 → 12:00 is one hour; the other half starts at 13:30.
      expect(plain.addWorkingHours(cst('2025-03-10T11:00'), 1.5).toISOString()).toBe('2025-03-10T06:00:00.000Z');
      expect(plain.addWorkingHours(cst('2025-03-10T10:00'), 1 / 3).toISOString()).toBe('2025-03-10T02:20:00.000Z');
    });

    it('crosses the National Day holiday', () => {
      expect(nationalDay.addWorkingHours(cst('2025-09-30T17:00'), 1).toISOString()).toBe('2025-10-09T01:00:00.000Z');
      // 24 h = three full days: Thursday 9, Friday 10 and the make-up Saturday 11 use 22.5 h; 1.5 h into Monday.
      expect(nationalDay.addWorkingHours(cst('2025-09-30T17:30'), 24).toISOString()).toBe('2025-10-13T02:00:00.000Z');
    });

    it('gives the start unchanged for 0 hours and refuses negative or endless ones', () => {
      expect(plain.addWorkingHours(cst('2025-03-08T11:00'), 0).toISOString()).toBe('2025-03-08T03:00:00.000Z');
      expect(() => plain.addWorkingHours(cst('2025-03-10T10:00'), -1)).toThrow('got -1');
      expect(() => plain.addWorkingHours(cst('2025-03-10T10:00'), Infinity)).toThrow('got Infinity');
    });
  });

  describe('workingHoursBetween', () => {
    it('counts only working time', () => {
      expect(plain.workingHoursBetween(cst('2025-03-07T17:00'), cst('2025-03-10T09:00'))).toBe(1);
      expect(plain.workingHoursBetween(cst('2025-03-10T11:30'), cst('2025-03-10T14:00'))).toBe(1);
      expect(plain.workingHoursBetween(cst('2025-03-10T12:10'), cst('2025-03-10T13:20'))).toBe(0);
      expect(plain.workingHoursBetween(cst('2025-03-10T00:00'), cst('2025-03-17T00:00'))).toBe(37.5);
    });

    it('counts make-up days and skips holidays', () => {
      // Sun 28 Sep (make-up) 7.5 + Mon 29, Tue 30 = 22.5 h; Wed 1 – Wed 8 nothing; Thu 9 08:30 → 10:00 = 1.5 h.
      expect(nationalDay.workingHoursBetween(cst('2025-09-28T00:00'), cst('2025-10-09T10:00'))).toBe(24);
    });

    it('is negative when the end comes first', () => {
      expect(plain.workingHoursBetween(cst('2025-03-10T09:00'), cst('2025-03-07T17:00'))).toBe(-1);
    });
  });

  describe('configuration', () => {
    it('names every bad value at once', () => {
      const error = configErrorOf(
        () =>
          new WorkingCalendar({
            holidays: ['2025-02-30', '2025/10/01', '2025-10-11'],
            workdays: ['2025-10-11', '2025-09-29'],
            hours: [
              { start: '08:30', end: '12:00' },
              { start: '11:30', end: '17:30' },
            ],
          }),
      );
      expect(error.problems).toEqual([
        `holidays: "2025-02-30" is not a date as 'YYYY-MM-DD'`,
        `holidays: "2025/10/01" is not a date as 'YYYY-MM-DD'`,
        '2025-10-11 is both a holiday and a make-up working day',
        'workdays: 2025-09-29 is a weekday; a make-up working day is a Saturday or Sunday',
        'hours: 11:30–17:30 overlaps or comes before 08:30–12:00; list periods in order without overlap',
      ]);
    });

    it('refuses periods out of order, backwards, badly written or absent', () => {
      const problemsWith = (hours: WorkingPeriod[]) =>
        configErrorOf(() => new WorkingCalendar({ holidays: [], workdays: [], hours })).message;
      const unsorted = [
        { start: '13:30', end: '17:30' },
        { start: '08:30', end: '12:00' },
      ];
      expect(problemsWith(unsorted)).toContain('08:30–12:00 overlaps or comes before 13:30–17:30');
      expect(problemsWith([{ start: '12:00', end: '08:30' }])).toContain('12:00–08:30 does not end after it starts');
      expect(problemsWith([{ start: '8:30', end: '25:00' }])).toContain("8:30–25:00 is not a period 'HH:MM'–'HH:MM'");
      expect(problemsWith([])).toContain('at least one working period is needed');
    });

    it('accepts a period that ends at midnight', () => {
      const calendar = new WorkingCalendar({ holidays: [], workdays: [], hours: [{ start: '20:00', end: '24:00' }] });
      expect(calendar.addWorkingDays(cst('2025-03-07T10:00'), 1).toISOString()).toBe('2025-03-10T16:00:00.000Z');
    });
  });

  describe('statutory holidays', () => {
    const statutory = WorkingCalendar.withStatutoryHolidays([2025, 2026]);

    it('knows the 2025 arrangement', () => {
      const { holidays, workdays } = statutoryArrangement([2025]);
      expect(workdays.sort()).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
      expect(holidays).toEqual(expect.arrayContaining(['2025-01-01', '2025-01-28', '2025-02-04', '2025-04-04']));
      expect(holidays).toEqual(expect.arrayContaining(['2025-05-05', '2025-05-31', '2025-06-02', '2025-10-08']));
      expect(holidays).toHaveLength(28);
    });

    it('puts a Spring Festival 2025 limit after the holiday and its make-up Saturday', () => {
      // Monday 27 Jan + 1 → Wed 5 Feb; + 4 → Sat 8 Feb (make-up).
      expect(statutory.addWorkingDays(cst('2025-01-27T10:00'), 1).toISOString()).toBe('2025-02-05T09:30:00.000Z');
      expect(statutory.addWorkingDays(cst('2025-01-27T10:00'), 4).toISOString()).toBe('2025-02-08T09:30:00.000Z');
    });

    it('knows the 2026 National Day', () => {
      // Wed 30 Sep 2026 + 1 → Thu 8 Oct; the make-up Saturday 10 Oct counts.
      expect(statutory.addWorkingDays(cst('2026-09-30T10:00'), 1).toISOString()).toBe('2026-10-08T09:30:00.000Z');
      expect(statutory.addWorkingDays(cst('2026-09-30T10:00'), 3).toISOString()).toBe('2026-10-10T09:30:00.000Z');
    });

    it('refuses a year it has no arrangement for', () => {
      expect(configErrorOf(() => WorkingCalendar.withStatutoryHolidays([2025, 2099])).message).toContain(
        'no arrangement known for 2099',
      );
    });

    it('reads chinese-days when installed, and has a built-in table equal to it to fall back on', () => {
      const installed = statutoryArrangement([2025, 2026]);
      let builtIn: ReturnType<typeof statutoryArrangement> | undefined;
      jest.isolateModules(() => {
        for (const year of [2025, 2026]) {
          const missing = () => {
            throw new Error(`Cannot find module 'chinese-days/dist/years/${year}.json'`);
          };
          jest.doMock(`chinese-days/dist/years/${year}.json`, missing, { virtual: true });
        }
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const isolated = require('./statutory-holidays') as typeof import('./statutory-holidays');
        builtIn = isolated.statutoryArrangement([2025, 2026]);
      });
      if (chineseDaysInstalled()) expect(installed.sources).toEqual({ 2025: 'chinese-days', 2026: 'chinese-days' });
      expect(builtIn!.sources).toEqual({ 2025: 'built-in', 2026: 'built-in' });
      expect([...builtIn!.holidays].sort()).toEqual([...installed.holidays].sort());
      expect([...builtIn!.workdays].sort()).toEqual([...installed.workdays].sort());
    });
  });

  it('does not depend on the server time zone', () => {
    // Every local-time Date method throws: the calendar may only use UTC fields and a fixed +08:00 offset.
    const localMethods = [
      'getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getMinutes', 'getTimezoneOffset',
      'setFullYear', 'setMonth', 'setDate', 'setHours', 'setMinutes', 'toString', 'toDateString', 'toLocaleString',
    ] as const;
    const spies = localMethods.map((method) =>
      jest.spyOn(Date.prototype, method).mockImplementation(() => {
        throw new Error(`local-time Date.${method} used`);
      }),
    );
    let results: string[];
    try {
      const calendar = WorkingCalendar.withStatutoryHolidays([2025]);
      results = [
        String(calendar.isWorkingDay(cst('2025-10-11T00:00'))),
        calendar.addWorkingDays(cst('2025-09-30T23:59'), 1).toISOString(),
        calendar.addWorkingHours(cst('2025-09-30T17:00'), 1).toISOString(),
        String(calendar.workingHoursBetween(cst('2025-09-30T17:00'), cst('2025-10-09T09:00'))),
      ];
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
    expect(results).toEqual(['true', '2025-10-09T09:30:00.000Z', '2025-10-09T01:00:00.000Z', '1']);
  });

  describe('properties', () => {
    const calendar = WorkingCalendar.withStatutoryHolidays([2025, 2026]);
    const instants = fc.date({
      min: new Date('2025-01-01T00:00:00+08:00'),
      max: new Date('2026-12-31T00:00:00+08:00'),
      noInvalidDate: true,
    });
    const minutes = fc.integer({ min: 0, max: 200 * 60 });
    const cstTimeOfDay = (date: Date) => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
    /** Minutes since midnight in China, with the milliseconds: 08:30:00.001 is inside the morning period. */
    const cstMinuteOfDay = (date: Date) => ((date.getTime() + 8 * 3_600_000) % 86_400_000) / 60_000;

    it('uses up exactly the hours that addWorkingHours adds', () => {
      fc.assert(
        fc.property(instants, minutes, (from, m) => {
          const deadline = calendar.addWorkingHours(from, m / 60);
          expect(deadline.getTime()).toBeGreaterThanOrEqual(from.getTime());
          expect(calendar.workingHoursBetween(from, deadline)).toBeCloseTo(m / 60, 9);
        }),
      );
    });

    it('adds hours monotonically and lands inside working time', () => {
      fc.assert(
        fc.property(instants, minutes, minutes, (from, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const early = calendar.addWorkingHours(from, low / 60);
          const late = calendar.addWorkingHours(from, high / 60);
          expect(early.getTime()).toBeLessThanOrEqual(late.getTime());
          if (high > 0) {
            expect(calendar.isWorkingDay(late)).toBe(true);
            const minute = cstMinuteOfDay(late);
            expect((minute > 8.5 * 60 && minute <= 12 * 60) || (minute > 13.5 * 60 && minute <= 17.5 * 60)).toBe(true);
          }
        }),
      );
    });

    it('adds working hours in steps as in one go', () => {
      fc.assert(
        fc.property(instants, minutes, minutes, (from, a, b) => {
          const stepwise = calendar.addWorkingHours(calendar.addWorkingHours(from, a / 60), b / 60);
          expect(stepwise.toISOString()).toBe(calendar.addWorkingHours(from, (a + b) / 60).toISOString());
        }),
      );
    });

    it('ends n working days at the close of a working day, n full working days after the start day', () => {
      fc.assert(
        fc.property(instants, fc.integer({ min: 1, max: 30 }), (from, n) => {
          const deadline = calendar.addWorkingDays(from, n);
          expect(calendar.isWorkingDay(deadline)).toBe(true);
          expect(cstTimeOfDay(deadline)).toBe('17:30');
          const cstOffset = 8 * 3_600_000;
          const fromDay = Math.floor((from.getTime() + cstOffset) / 86_400_000);
          const nextMidnight = new Date((fromDay + 1) * 86_400_000 - cstOffset);
          expect(calendar.workingHoursBetween(nextMidnight, deadline)).toBeCloseTo(n * 7.5, 9);
        }),
      );
    });
  });
});
