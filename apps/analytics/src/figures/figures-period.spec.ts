import { AnalyticsErrorCode } from '@gridline/contracts-analytics';
import { calendarPeriod, figuresPeriod, previousPeriod } from './figures-period';

const days = (p: { from: string; to: string }) => [p.from, p.to];
const refusal = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return e;
  }
};

describe('figures periods (China time)', () => {
  it('cuts calendar periods around an anchor day: weeks Monday to Sunday, quarters of three months', () => {
    expect(days(calendarPeriod('day', '2026-11-18'))).toEqual(['2026-11-18', '2026-11-18']);
    expect(days(calendarPeriod('week', '2026-11-18'))).toEqual(['2026-11-16', '2026-11-22']);
    expect(days(calendarPeriod('week', '2026-11-22'))).toEqual(['2026-11-16', '2026-11-22']);
    expect(days(calendarPeriod('month', '2026-02-10'))).toEqual(['2026-02-01', '2026-02-28']);
    expect(days(calendarPeriod('month', '2028-02-10'))).toEqual(['2028-02-01', '2028-02-29']);
    expect(days(calendarPeriod('quarter', '2026-11-18'))).toEqual(['2026-10-01', '2026-12-31']);
    expect(days(calendarPeriod('year', '2026-11-18'))).toEqual(['2026-01-01', '2026-12-31']);
  });

  it('bounds a period by China midnights, the last day included', () => {
    const p = calendarPeriod('day', '2026-11-18');
    expect(p.start.toISOString()).toBe('2026-11-17T16:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-11-18T16:00:00.000Z');
  });

  it('puts the calendar period before beside it, and for a from–to the same number of days before', () => {
    expect(days(previousPeriod(calendarPeriod('month', '2026-03-15')))).toEqual(['2026-02-01', '2026-02-28']);
    expect(days(previousPeriod(calendarPeriod('quarter', '2026-01-15')))).toEqual(['2025-10-01', '2025-12-31']);
    expect(days(previousPeriod(calendarPeriod('week', '2026-11-18')))).toEqual(['2026-11-09', '2026-11-15']);
    expect(days(previousPeriod(calendarPeriod('year', '2026-06-01')))).toEqual(['2025-01-01', '2025-12-31']);
    expect(days(previousPeriod(figuresPeriod({ from: '2026-11-10', to: '2026-11-19' })))).toEqual(['2026-10-31', '2026-11-09']);
  });

  it('reads the query: period with its anchor (default today), from–to, or the month of today', () => {
    expect(days(figuresPeriod({ period: 'week' }, '2026-12-01'))).toEqual(['2026-11-30', '2026-12-06']);
    expect(days(figuresPeriod({ period: 'month', from: '2026-10-05' }, '2026-12-01'))).toEqual(['2026-10-01', '2026-10-31']);
    expect(days(figuresPeriod({ from: '2026-11-20' }, '2026-12-01'))).toEqual(['2026-11-20', '2026-12-01']);
    expect(days(figuresPeriod({}, '2026-12-01'))).toEqual(['2026-12-01', '2026-12-31']);
    expect(figuresPeriod({ from: '2025-12-01', to: '2026-11-30' }).kind).toBe('range');
  });

  it('refuses a period with to, a from after to, to without from and a range over 366 days, naming the field', () => {
    const field = (q: Parameters<typeof figuresPeriod>[0]) => (refusal(() => figuresPeriod(q, '2026-12-01')) as { code: string; details: { fields: { field: string }[] } } | null);
    expect(field({ period: 'month', to: '2026-11-30' })).toMatchObject({ code: AnalyticsErrorCode.Invalid, details: { fields: [{ field: 'to' }] } });
    expect(field({ from: '2026-11-30', to: '2026-11-01' })).toMatchObject({ details: { fields: [{ field: 'from' }] } });
    expect(field({ to: '2026-11-01' })).toMatchObject({ details: { fields: [{ field: 'from' }] } });
    expect(field({ from: '2025-01-01', to: '2026-01-02' })).toMatchObject({ details: { fields: [{ field: 'to' }] } });
    expect(field({ from: '2025-01-01', to: '2025-12-31' })).toBeNull();
  });
});
