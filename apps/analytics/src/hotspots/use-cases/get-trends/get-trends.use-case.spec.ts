import type { Caller } from '@gridline/auth';
import type { PartyFiguresRepository } from '../../../party/party-figures.repository';
import type { HotspotsRepository, TrendRow } from '../../hotspots.repository';
import { GetTrendsQuery } from './get-trends.query';
import { GetTrendsUseCase } from './get-trends.use-case';

const STREET = '370502003';
const ANALYST: Caller = { sub: 'a', roles: ['analyst'], units: [STREET] };

function useCase(rows: TrendRow[]) {
  const hotspots = { trends: jest.fn(async () => rows) } as unknown as HotspotsRepository;
  const units = { unit: jest.fn(async (code: string) => (code === STREET ? { code, level: 'street', path: [STREET] } : null)) } as unknown as PartyFiguresRepository;
  return new GetTrendsUseCase(hotspots, units);
}

describe('GetTrendsUseCase', () => {
  it('keeps the 5 categories most reported (ties by code), each and the total zero-filled', async () => {
    const row = (category: string, bucket: string, reported: number, closed = 0): TrendRow => ({ category, bucket, reported, closed, appeals: 0 });
    const rows = [row('F', '2026-11-01', 1), row('E', '2026-11-02', 1), row('D', '2026-11-01', 2), row('C', '2026-11-02', 3, 1), row('B', '2026-11-01', 1), row('A', '2026-11-02', 1), row('Z', '2026-11-02', 0, 2)];
    const view = await useCase(rows).execute(new GetTrendsQuery(ANALYST, { unit: STREET, from: '2026-11-01', to: '2026-11-03' }));
    expect(view.series.map((s) => s.category)).toEqual(['C', 'D', 'A', 'B', 'E']);
    expect(view.series[0].points).toEqual([
      { bucket: '2026-11-01', reported: 0, closed: 0, appeals: 0 },
      { bucket: '2026-11-02', reported: 3, closed: 1, appeals: 0 },
      { bucket: '2026-11-03', reported: 0, closed: 0, appeals: 0 },
    ]);
    expect(view.total).toEqual([
      { bucket: '2026-11-01', reported: 4, closed: 0, appeals: 0 },
      { bucket: '2026-11-02', reported: 5, closed: 3, appeals: 0 },
      { bucket: '2026-11-03', reported: 0, closed: 0, appeals: 0 },
    ]);
  });

  it('ranks the categories by cases and appeals together, and counts appeals not classified yet in the total only', async () => {
    const row = (category: string | null, bucket: string, reported: number, appeals: number): TrendRow => ({ category, bucket, reported, closed: 0, appeals });
    const rows = [row('ROAD', '2026-11-01', 2, 0), row('WATER', '2026-11-01', 1, 3), row(null, '2026-11-02', 0, 5)];
    const view = await useCase(rows).execute(new GetTrendsQuery(ANALYST, { unit: STREET, from: '2026-11-01', to: '2026-11-02' }));
    expect(view.series.map((s) => s.category)).toEqual(['WATER', 'ROAD']);
    expect(view.series[0].points).toEqual([
      { bucket: '2026-11-01', reported: 1, closed: 0, appeals: 3 },
      { bucket: '2026-11-02', reported: 0, closed: 0, appeals: 0 },
    ]);
    expect(view.total).toEqual([
      { bucket: '2026-11-01', reported: 3, closed: 0, appeals: 3 },
      { bucket: '2026-11-02', reported: 0, closed: 0, appeals: 5 },
    ]);
  });

  it('answers the category asked even without cases, and an unknown unit as not found', async () => {
    const view = await useCase([]).execute(new GetTrendsQuery(ANALYST, { unit: STREET, category: 'ROAD', from: '2026-11-01', to: '2026-11-01', interval: 'week' }));
    expect(view.series).toEqual([{ category: 'ROAD', points: [{ bucket: '2026-10-26', reported: 0, closed: 0, appeals: 0 }] }]);
    await expect(useCase([]).execute(new GetTrendsQuery(ANALYST, { unit: '370502099' }))).rejects.toMatchObject({ code: 'ANALYTICS_UNIT_NOT_FOUND' });
  });
});
