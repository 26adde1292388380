import { validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { LogVisitRequest } from '@gridline/contracts-incidents';
import { isCalendarDate as isCalendarDay } from '@gridline/platform';

describe(isCalendarDay.name, () => {
  it('accepts real days written YYYY-MM-DD', () => {
    expect(isCalendarDay('2026-11-27')).toBe(true);
    expect(isCalendarDay('2028-02-29')).toBe(true);
  });

  it('refuses days that do not exist and other shapes', () => {
    for (const value of ['2026-02-30', '2027-02-29', '2026-13-01', '2026-11-27T00:00:00Z', '20261127', '', 20261127, null]) {
      expect(isCalendarDay(value)).toBe(false);
    }
  });

  it('names the field when a visit gives no real day', async () => {
    const visit = plainToInstance(LogVisitRequest, { householdId: '00000000-0000-4000-8000-000000000001', gridCode: '370502003001001', date: '2026-02-30' });
    const errors = await validate(visit);
    expect(errors.map((e) => [e.property, e.constraints])).toEqual([['date', { isCalendarDate: 'date must be a date YYYY-MM-DD' }]]);
  });
});
