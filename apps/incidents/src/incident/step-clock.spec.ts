import { WorkingCalendar } from '@gridline/platform';
import { clockFor, dueAfter, limitOfStep } from './step-clock';

// 2025 National Day: Oct 1–8 off, Sunday Sep 28 and Saturday Oct 11 worked (调休).
const calendar = new WorkingCalendar({
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
  workdays: ['2025-09-28', '2025-10-11'],
});
const at = (iso: string) => new Date(iso);

describe(dueAfter.name, () => {
  it('counts working days across a weekend and the National Day holiday', () => {
    // Tuesday Sep 30 + 2 working days: Oct 1–8 are off (the 4th and 5th are a weekend), so Thu Oct 9 and Fri Oct 10.
    expect(dueAfter(calendar, at('2025-09-30T10:00:00+08:00'), { amount: 2, unit: 'working_days' }, 'normal').toISOString()).toBe('2025-10-10T09:30:00.000Z');
  });

  it('counts a make-up Sunday as a working day', () => {
    expect(dueAfter(calendar, at('2025-09-26T16:00:00+08:00'), { amount: 1, unit: 'working_days' }, 'normal').toISOString()).toBe('2025-09-28T09:30:00.000Z');
  });

  it('counts working hours over lunch and the night', () => {
    // Friday 17:00 + 2 h: 17:00–17:30, then Sunday Sep 28 (worked) 08:30–10:00.
    expect(dueAfter(calendar, at('2025-09-26T17:00:00+08:00'), { amount: 2, unit: 'working_hours' }, 'normal').toISOString()).toBe('2025-09-28T02:00:00.000Z');
  });

  it('shortens a limit for urgent and emergency cases', () => {
    const from = at('2025-09-22T09:00:00+08:00');
    expect(dueAfter(calendar, from, { amount: 4, unit: 'working_hours' }, 'urgent').toISOString()).toBe('2025-09-22T03:00:00.000Z');
    expect(dueAfter(calendar, from, { amount: 4, unit: 'natural_hours' }, 'emergency').toISOString()).toBe('2025-09-22T02:00:00.000Z');
    expect(dueAfter(calendar, from, { amount: 2, unit: 'natural_days' }, 'normal').toISOString()).toBe('2025-09-24T01:00:00.000Z');
  });
});

describe(clockFor.name, () => {
  it('warns at 70 % of the working time and gives a red card at the configured ratio of it', () => {
    // Monday 08:00–18:00 CST holds 7.5 working hours: 70 % (5.25 h) is 15:15; 150 % (11.25 h) is Tuesday 13:45.
    const clock = clockFor(calendar, at('2025-09-22T00:00:00Z'), at('2025-09-22T10:00:00Z'), 1.5);
    expect(clock.warnAt.toISOString()).toBe('2025-09-22T07:15:00.000Z');
    expect(clock.redAt.toISOString()).toBe('2025-09-23T05:45:00.000Z');
  });

  it('never warns at night or at the weekend: Friday 16:00 to Monday 17:30 warns Monday 14:48', () => {
    // 9 working hours (1.5 on Friday, 7.5 on Monday); in plain time 70 % would be Sunday 19:27.
    const clock = clockFor(calendar, at('2025-09-19T16:00:00+08:00'), at('2025-09-22T17:30:00+08:00'), 1.5);
    expect(clock.warnAt.toISOString()).toBe('2025-09-22T06:48:00.000Z');
    expect(clock.dueAt.toISOString()).toBe('2025-09-22T09:30:00.000Z');
    expect(clock.redAt.toISOString()).toBe('2025-09-23T06:30:00.000Z');
  });

  it('skips a holiday: the National Day week holds no warning', () => {
    // Tuesday 30 Sep 10:00 + 2 working days → Friday 10 Oct 17:30: 6 + 7.5 + 7.5 = 21 h; 70 % = 14.7 h → Fri 10 Oct 09:42.
    const clock = clockFor(calendar, at('2025-09-30T10:00:00+08:00'), at('2025-10-10T17:30:00+08:00'), 1.5);
    expect(clock.warnAt.toISOString()).toBe('2025-10-10T01:42:00.000Z');
  });

  it('measures a step without working time (a natural-hours limit overnight) in plain time', () => {
    const clock = clockFor(calendar, at('2025-09-22T22:00:00+08:00'), at('2025-09-23T02:00:00+08:00'), 1.5);
    expect(clock.warnAt.toISOString()).toBe('2025-09-22T16:48:00.000Z');
    expect(clock.redAt.toISOString()).toBe('2025-09-22T20:00:00.000Z');
  });
});

describe(limitOfStep.name, () => {
  it('gives accepting, dispatching and signing the accept limit, handling the handle limit, verifying a day', () => {
    const limits = { accept: { amount: 2, unit: 'working_hours' as const }, handle: { amount: 3, unit: 'working_days' as const } };
    expect(['accept', 'dispatch', 'sign'].map((s) => limitOfStep(s as 'accept', limits))).toEqual([limits.accept, limits.accept, limits.accept]);
    expect(limitOfStep('handle', limits)).toEqual(limits.handle);
    expect(limitOfStep('verify', limits)).toEqual({ amount: 1, unit: 'working_days' });
  });
});
