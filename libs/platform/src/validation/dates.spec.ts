import { validate } from 'class-validator';
import { IsCalendarDate, IsDateTime, backdatedStepProblem, isCalendarDate, isDateTime } from './dates';

describe(isCalendarDate.name, () => {
  it('takes real days written YYYY-MM-DD', () => {
    for (const day of ['2026-11-27', '2028-02-29', '1900-01-01', '2199-12-31']) expect(isCalendarDate(day)).toBe(true);
  });

  it('refuses ISO week and ordinal dates, days that do not exist and years out of range', () => {
    for (const value of ['2026-W01-1', '2026-W01', '2026-032', '2026-02-30', '2027-02-29', '2026-13-01', '0000-01-01', '1899-12-31', '2200-01-01', '20261127', '2026-11-27T00:00:00Z', '', 20261127, null]) {
      expect(isCalendarDate(value)).toBe(false);
    }
  });
});

describe(isDateTime.name, () => {
  it('takes the date-times the API documents', () => {
    for (const value of ['2026-11-27T09:30:00+08:00', '2026-11-27T09:30Z', '2026-11-27T01:02:03.456Z', '2026-11-27T09:30:00']) expect(isDateTime(value)).toBe(true);
  });

  it('refuses week and ordinal forms, impossible days and times, and bad offsets', () => {
    for (const value of ['2026-W01-1T10:00:00Z', '2026-032T10:00:00Z', '2026-02-30T10:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T10:60:00Z', '2026-01-01T10:00:60Z', '2026-01-01T10:00:00+15:00', '0000-01-01T00:00:00Z', '2026-01-01 10:00:00Z', '2026-01-01', 'now']) {
      expect({ value, ok: isDateTime(value) }).toEqual({ value, ok: false });
    }
  });

  it('takes a day alone only when asked, and a missing zone unless one is required', () => {
    expect(isDateTime('2026-01-01', { allowDate: true })).toBe(true);
    expect(isDateTime('2026-W01-1', { allowDate: true })).toBe(false);
    expect(isDateTime('2026-01-01T10:00:00', { requireZone: true })).toBe(false);
    expect(isDateTime('2026-01-01T10:00:00-05:00', { requireZone: true })).toBe(true);
  });
});

describe('IsCalendarDate and IsDateTime', () => {
  class Body {
    @IsCalendarDate()
    day!: unknown;

    @IsDateTime({ allowDate: true })
    from!: unknown;
  }

  it('name the field and the form it must have', async () => {
    const body = Object.assign(new Body(), { day: '2026-032', from: '2026-W01-1' });
    const errors = await validate(body);
    expect(errors.map((e) => [e.property, e.constraints])).toEqual([
      ['day', { isCalendarDate: 'day must be a date YYYY-MM-DD' }],
      ['from', { isDateTime: 'from must be a date YYYY-MM-DD or a date-time YYYY-MM-DDTHH:mm:ss[Z|±HH:mm]' }],
    ]);
  });
});

describe(backdatedStepProblem.name, () => {
  const now = Date.parse('2026-12-01T08:00:00Z');
  it('takes a time before now and not before the last entry', () => {
    expect(backdatedStepProblem(new Date(now - 3_600_000), new Date(now - 7_200_000), now)).toBeNull();
    expect(backdatedStepProblem(new Date(now - 3_600_000), new Date(now - 3_600_000), now)).toBeNull();
    expect(backdatedStepProblem(new Date(now + 30_000), null, now)).toBeNull();
  });
  it('refuses a time in the future beyond a minute, or before the last entry, saying which', () => {
    expect(backdatedStepProblem(new Date(now + 120_000), null, now)).toBe('is in the future');
    expect(backdatedStepProblem(new Date(now - 7_200_000), new Date(now - 3_600_000), now)).toBe('is before the last entry (2026-12-01T07:00:00.000Z)');
  });
});
