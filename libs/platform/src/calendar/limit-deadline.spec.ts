import { calendarInForce } from './calendar-years';
import { deadlineInForce, dueAfterLimit } from './limit-deadline';
import { WorkingCalendar } from './working-calendar';

// 2025 National Day: Oct 1–8 off, Sunday Sep 28 and Saturday Oct 11 worked (调休).
const calendar = new WorkingCalendar({
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
  workdays: ['2025-09-28', '2025-10-11'],
});
const at = (iso: string) => new Date(iso);

describe(dueAfterLimit.name, () => {
  it('counts working days to the end of the n-th working day, across a weekend and the holiday', () => {
    expect(dueAfterLimit(calendar, at('2025-09-30T10:00:00+08:00'), { amount: 2, unit: 'working_days' }).toISOString()).toBe('2025-10-10T09:30:00.000Z');
  });

  it('counts working hours into the make-up working day', () => {
    expect(dueAfterLimit(calendar, at('2025-09-26T17:00:00+08:00'), { amount: 2, unit: 'working_hours' }).toISOString()).toBe('2025-09-28T02:00:00.000Z');
  });

  it('counts natural time as plain time, and shortens every unit by the factor', () => {
    const from = at('2025-09-22T09:00:00+08:00');
    expect(dueAfterLimit(calendar, from, { amount: 2, unit: 'natural_days' }).toISOString()).toBe('2025-09-24T01:00:00.000Z');
    expect(dueAfterLimit(calendar, from, { amount: 4, unit: 'natural_hours' }, 0.25).toISOString()).toBe('2025-09-22T02:00:00.000Z');
    expect(dueAfterLimit(calendar, from, { amount: 4, unit: 'working_hours' }, 0.5).toISOString()).toBe('2025-09-22T03:00:00.000Z');
    // Half of two working days is 7.5 working hours, not "the end of the first day".
    expect(dueAfterLimit(calendar, from, { amount: 2, unit: 'working_days' }, 0.5)).toEqual(calendar.addWorkingHours(from, 7.5));
  });
});

describe(deadlineInForce.name, () => {
  const inForce = calendarInForce([2026, 2027], [{ year: 2026, holidays: [], workdays: [] }]);

  it('says a working-time deadline is provisional when it runs through a year whose notice is not loaded', () => {
    const crossing = deadlineInForce(inForce, at('2026-12-31T10:00:00+08:00'), { amount: 1, unit: 'working_days' });
    expect(crossing).toMatchObject({ provisional: true, provisionalYears: [2027] });
    expect(deadlineInForce(inForce, at('2026-12-01T10:00:00+08:00'), { amount: 1, unit: 'working_days' })).toMatchObject({ provisional: false, provisionalYears: [] });
  });

  it('never calls a natural limit provisional: it does not use the calendar', () => {
    expect(deadlineInForce(inForce, at('2026-12-31T10:00:00+08:00'), { amount: 3, unit: 'natural_days' })).toMatchObject({ provisional: false, provisionalYears: [] });
  });
});
