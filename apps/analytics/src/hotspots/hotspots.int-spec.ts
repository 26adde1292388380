import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { type EventDefinition } from '@gridline/messaging';
import { AnalyticsClient, AnalyticsErrorCode, type HotspotsQuery, type TrendsQuery } from '@gridline/contracts-analytics';
import { HOTLINE_EVENTS } from '@gridline/contracts-hotline';
import { INCIDENTS_EVENTS, type IncidentEventData } from '@gridline/contracts-incidents';
import { appealEventData, eventually } from '@gridline/testing';
import { hexCells } from './hex-cells';
import { event, refusal, startAnalyticsUnderTest, unitCreated, type AnalyticsUnderTest, type Published } from '../testing/analytics-under-test';

const STREET = '370502004';
const C1 = '370502004001';
const C2 = '370502004002';
const G11 = '370502004001001';
const G12 = '370502004001002';
const G21 = '370502004002001';
const PATHS: Record<string, string[]> = { [G11]: [STREET, C1, G11], [G12]: [STREET, C1, G12], [G21]: [STREET, C2, G21] };
const ANALYST: Caller = { sub: 'analyst-1', roles: ['analyst'], units: [STREET] };
const C2_ADMIN: Caller = { sub: 'c2-1', roles: ['community_admin'], units: [C2] };

/** China time. */
const cst = (day: string, time: string) => new Date(`2026-${day}T${time}:00+08:00`).toISOString();

function incident(id: string, name: keyof typeof INCIDENTS_EVENTS, at: string, category: string, grid: string, status: IncidentEventData['status'] = 'reported', extra: Partial<IncidentEventData> = {}): Published {
  const definition = INCIDENTS_EVENTS[name] as EventDefinition<IncidentEventData>;
  return event(definition, id, {
    incidentId: id, status, categoryCode: category, gridCode: grid, path: PATHS[grid], urgency: 'normal', source: 'patrol', owner: null, step: null,
    dueAt: null, supervision: { card: 'none', supervisorUnitCode: null, since: null }, reworkCount: 0, appealRef: null, appealHandoff: null, result: null,
    resolution: null, rating: null, actor: 'u', at, comment: null, ...extra,
  });
}

const SPOT = { lat: 36.0671, lng: 120.3826 };
const FAR = { lat: 36.1171, lng: 120.3826 };

/** Known points and days: A and B road cases in G11 (B just after midnight China time: 3 November), A closed on the 3rd. */
const CASES = [
  incident('HA', 'reported', cst('11-02', '09:00'), 'ROAD', G11),
  incident('HA', 'closed', cst('11-03', '10:00'), 'ROAD', G11, 'closed'),
  incident('HB', 'reported', cst('11-03', '00:30'), 'ROAD', G11),
  incident('HC', 'reported', cst('11-09', '10:00'), 'WATER', G12, 'reported', { location: SPOT }),
  incident('HD', 'reported', cst('11-09', '11:00'), 'ROAD', G21),
  incident('HE', 'reported', cst('10-30', '10:00'), 'ROAD', G11),
  // On the map (October 5th, apart from the other tests' periods): two cases at SPOT, one 5 km north, one without a location.
  incident('XA', 'reported', cst('10-05', '09:00'), 'ROAD', G11, 'reported', { location: SPOT }),
  incident('XB', 'reported', cst('10-05', '09:30'), 'WATER', G11, 'reported', { location: SPOT }),
  incident('XC', 'reported', cst('10-05', '10:00'), 'ROAD', G21, 'reported', { location: FAR }),
  incident('XD', 'reported', cst('10-05', '11:00'), 'ROAD', G12),
];

/**
 * Appeals beside the cases (12 and 13 October, apart from the other tests' periods): a case and an appeal at SPOT in
 * G11, an appeal at FAR in G21, one in G12 without a point, one not located at a grid (its street alone, no category),
 * and one taken by phone late on the 11th though recorded on the 12th (backdated: it counts on the 11th).
 */
function appeal(id: string, receivedAt: string, category: string | null, grid: string | null, point: { lat: number; lng: number } | null, recordedAt = receivedAt): Published {
  return event(
    HOTLINE_EVENTS.received,
    id,
    appealEventData(id, recordedAt, { categoryCode: category, gridCode: grid, path: grid ? PATHS[grid] : [STREET], location: point ? { ...point, address: null } : null, receivedAt }),
  );
}
const OCTOBER_CASES = [incident('YA', 'reported', cst('10-12', '09:00'), 'ROAD', G11, 'reported', { location: SPOT })];
const APPEALS = [
  appeal('AP1', cst('10-12', '08:00'), 'ROAD', G11, SPOT),
  appeal('AP2', cst('10-12', '10:00'), 'ROAD', G21, FAR),
  appeal('AP3', cst('10-13', '09:00'), 'WATER', G12, null),
  appeal('AP4', cst('10-13', '11:00'), null, null, null),
  appeal('AP6', cst('10-11', '23:30'), 'ROAD', G11, SPOT, cst('10-12', '08:30')),
];


describe('hot spots and trends from incidents’ events', () => {
  let harness: AnalyticsUnderTest;
  let analytics: AnalyticsClient;
  let db: Client;
  const publish = (e: Published) => harness.publish(e);
  const unit = unitCreated;

  beforeAll(async () => {
    harness = await startAnalyticsUnderTest();
    ({ analytics, db } = harness);
    const units = [unit(STREET, 'street', [STREET]), unit(C1, 'community', [STREET, C1]), unit(C2, 'community', [STREET, C2]), ...Object.entries(PATHS).map(([g, p]) => unit(g, 'grid', p))];
    for (const u of units) await publish(u);
    for (const e of [...CASES, ...OCTOBER_CASES, ...APPEALS]) await publish(e);
    await eventually(async () => {
      expect(Number((await db.query(`select count(*) as n from analytics.case_event`)).rows[0].n)).toBe(CASES.length + OCTOBER_CASES.length);
      expect(Number((await db.query(`select count(*) as n from analytics.appeal_projection`)).rows[0].n)).toBe(APPEALS.length);
      expect(Number((await db.query(`select count(*) as n from analytics.case_projection where closed_at is not null`)).rows[0].n)).toBe(1);
      expect((await db.query(`select 1 from analytics.unit_projection`)).rowCount).toBe(units.length);
    }, { timeoutMs: 15_000 });
  });

  afterAll(async () => {
    await harness?.close();
  });

  const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

  it('counts a street’s cases of the period by category × community, most first', async () => {
    const view = await analytics.hotspots(ANALYST, { unit: STREET, ...NOVEMBER });
    expect(view).toMatchObject({ unit: STREET, by: 'category', ...NOVEMBER, total: 4 });
    expect(view.spots).toEqual([
      { category: 'ROAD', unit: C1, unitName: `name-${C1}`, reported: 2, appeals: 0 },
      { category: 'ROAD', unit: C2, unitName: `name-${C2}`, reported: 1, appeals: 0 },
      { category: 'WATER', unit: C1, unitName: `name-${C1}`, reported: 1, appeals: 0 },
    ]);
  });

  it('keeps a covering reporting index per depth of the path for the hot spots', async () => {
    const { rows } = await db.query(`select indexname from pg_indexes where schemaname = 'analytics' and indexname like 'case_projection_u%_hotspot_idx' order by 1`);
    expect(rows.map((r) => r.indexname)).toEqual([1, 2, 3].map((d) => `case_projection_u${d}_hotspot_idx`));
  });

  it('keeps a located case’s spot and its H3 cells at 7, 8 and 9; a case without a location has none', async () => {
    const { rows } = await db.query(`select incident_id, lat, lng, h3r7, h3r8, h3r9 from analytics.case_projection where incident_id in ('HB', 'HC') order by 1`);
    expect(rows).toEqual([
      { incident_id: 'HB', lat: null, lng: null, h3r7: null, h3r8: null, h3r9: null },
      { incident_id: 'HC', ...SPOT, ...hexCells(SPOT.lat, SPOT.lng) },
    ]);
  });

  const OCTOBER_5 = { from: '2026-10-05', to: '2026-10-05' };

  it('counts the cases per H3 cell of their location, with each cell’s centre, outline and categories; the unlocated apart', async () => {
    const view = await analytics.hotspots(ANALYST, { unit: STREET, by: 'hex', resolution: 9, ...OCTOBER_5 });
    expect(view).toMatchObject({ unit: STREET, by: 'hex', resolution: 9, category: null, ...OCTOBER_5, total: 4, unlocated: 1 });
    expect(view.cells.map((c) => [c.cell, c.reported, c.categories])).toEqual([
      [hexCells(SPOT.lat, SPOT.lng).h3r9, 2, [{ category: 'ROAD', reported: 1, appeals: 0 }, { category: 'WATER', reported: 1, appeals: 0 }]],
      [hexCells(FAR.lat, FAR.lng).h3r9, 1, [{ category: 'ROAD', reported: 1, appeals: 0 }]],
    ]);
    expect(view.cells[0]).toMatchObject({ lat: expect.closeTo(SPOT.lat, 2), lng: expect.closeTo(SPOT.lng, 2), boundary: { type: 'Polygon' } });
    expect(view.cells[0].boundary.coordinates[0]).toHaveLength(7);
  });

  it('answers resolution 8 by default, one category when asked, and only the cases beneath the unit', async () => {
    const byDefault = await analytics.hotspots(ANALYST, { unit: STREET, by: 'hex', ...OCTOBER_5 });
    expect(byDefault.resolution).toBe(8);
    expect(byDefault.cells.map((c) => c.cell)).toEqual([hexCells(SPOT.lat, SPOT.lng).h3r8, hexCells(FAR.lat, FAR.lng).h3r8]);
    const road = await analytics.hotspots(ANALYST, { unit: STREET, by: 'hex', resolution: 7, category: 'ROAD', ...OCTOBER_5 });
    expect(road).toMatchObject({ category: 'ROAD', total: 3, unlocated: 1 });
    expect(road.cells.map((c) => [c.cell, c.reported])).toEqual([[hexCells(FAR.lat, FAR.lng).h3r7, 1], [hexCells(SPOT.lat, SPOT.lng).h3r7, 1]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    const community = await analytics.hotspots(ANALYST, { unit: C1, by: 'hex', ...OCTOBER_5 });
    expect(community).toMatchObject({ total: 3, unlocated: 1 });
    expect(community.cells.map((c) => [c.cell, c.reported])).toEqual([[hexCells(SPOT.lat, SPOT.lng).h3r8, 2]]);
    expect((await analytics.hotspots(ANALYST, { unit: STREET, category: 'WATER', ...OCTOBER_5 })).spots).toEqual([{ category: 'WATER', unit: C1, unitName: `name-${C1}`, reported: 1, appeals: 0 }]);
  });

  it('keeps a covering hex index per depth of the path', async () => {
    const { rows } = await db.query(`select indexname from pg_indexes where schemaname = 'analytics' and indexname like 'case_projection_u%_hex_idx' order by 1`);
    expect(rows.map((r) => r.indexname)).toEqual([1, 2, 3].map((d) => `case_projection_u${d}_hex_idx`));
  });

  it('counts a community’s cases by category × grid, and a street’s per grid', async () => {
    expect((await analytics.hotspots(ANALYST, { unit: C1, ...NOVEMBER })).spots.map((s) => [s.category, s.unit, s.reported])).toEqual([
      ['ROAD', G11, 2],
      ['WATER', G12, 1],
    ]);
    expect((await analytics.hotspots(ANALYST, { unit: STREET, by: 'grid', ...NOVEMBER })).spots.map((s) => [s.category, s.unit, s.reported])).toEqual([
      [null, G11, 2],
      [null, G12, 1],
      [null, G21, 1],
    ]);
  });

  it('answers weekly trends zero-filled, in total and per category, most reported first', async () => {
    const view = await analytics.trends(ANALYST, { unit: C1, from: '2026-11-01', to: '2026-11-10', interval: 'week' });
    const p = (bucket: string, reported: number, closed: number) => ({ bucket, reported, closed, appeals: 0 });
    expect(view.total).toEqual([p('2026-10-26', 0, 0), p('2026-11-02', 2, 1), p('2026-11-09', 1, 0)]);
    expect(view.series).toEqual([
      { category: 'ROAD', points: [p('2026-10-26', 0, 0), p('2026-11-02', 2, 1), p('2026-11-09', 0, 0)] },
      { category: 'WATER', points: [p('2026-10-26', 0, 0), p('2026-11-02', 0, 0), p('2026-11-09', 1, 0)] },
    ]);
  });

  it('answers a category’s daily trend by China day', async () => {
    const view = await analytics.trends(ANALYST, { unit: G11, category: 'ROAD', from: '2026-10-30', to: '2026-11-03' });
    expect(view.interval).toBe('day');
    expect(view.series).toEqual([
      {
        category: 'ROAD',
        points: [
          { bucket: '2026-10-30', reported: 1, closed: 0, appeals: 0 },
          { bucket: '2026-10-31', reported: 0, closed: 0, appeals: 0 },
          { bucket: '2026-11-01', reported: 0, closed: 0, appeals: 0 },
          { bucket: '2026-11-02', reported: 1, closed: 0, appeals: 0 },
          { bucket: '2026-11-03', reported: 1, closed: 1, appeals: 0 },
        ],
      },
    ]);
  });

  const OCTOBER_12_13 = { from: '2026-10-12', to: '2026-10-13' };

  it('counts the appeals received beside the cases reported, by category × community; an appeal not at a grid at the street itself', async () => {
    const view = await analytics.hotspots(ANALYST, { unit: STREET, ...OCTOBER_12_13 });
    expect(view).toMatchObject({ unit: STREET, by: 'category', total: 1, appeals: 4 });
    expect(view.spots.map((s) => [s.category, s.unit, s.reported, s.appeals])).toEqual([
      ['ROAD', C1, 1, 1],
      ['ROAD', C2, 0, 1],
      ['WATER', C1, 0, 1],
      [null, STREET, 0, 1],
    ]);
    expect(view.spots[3].unitName).toBe(`name-${STREET}`);
    expect((await analytics.hotspots(ANALYST, { unit: C1, ...OCTOBER_12_13 })).spots.map((s) => [s.category, s.unit, s.reported, s.appeals])).toEqual([
      ['ROAD', G11, 1, 1],
      ['WATER', G12, 0, 1],
    ]);
    expect((await analytics.hotspots(ANALYST, { unit: STREET, category: 'WATER', ...OCTOBER_12_13 })).spots.map((s) => [s.category, s.unit, s.reported, s.appeals])).toEqual([['WATER', C1, 0, 1]]);
  });

  it('counts the appeals per grid (those at no grid in none) and per H3 cell of their point (those without one apart)', async () => {
    const grids = await analytics.hotspots(ANALYST, { unit: STREET, by: 'grid', ...OCTOBER_12_13 });
    expect(grids).toMatchObject({ total: 1, appeals: 3 });
    expect(grids.spots.map((s) => [s.unit, s.reported, s.appeals])).toEqual([[G11, 1, 1], [G12, 0, 1], [G21, 0, 1]]);
    const hex = await analytics.hotspots(ANALYST, { unit: STREET, by: 'hex', resolution: 9, ...OCTOBER_12_13 });
    expect(hex).toMatchObject({ total: 1, unlocated: 0, appeals: 4, unlocatedAppeals: 2 });
    expect(hex.cells.map((c) => [c.cell, c.reported, c.appeals, c.categories])).toEqual([
      [hexCells(SPOT.lat, SPOT.lng).h3r9, 1, 1, [{ category: 'ROAD', reported: 1, appeals: 1 }]],
      [hexCells(FAR.lat, FAR.lng).h3r9, 0, 1, [{ category: 'ROAD', reported: 0, appeals: 1 }]],
    ]);
  });

  it('keeps a covering index per depth of the path for the appeals’ hot spots and hexagons', async () => {
    const { rows } = await db.query(`select indexname from pg_indexes where schemaname = 'analytics' and (indexname like 'appeal_projection_u%\\_hex\\_idx' or indexname like 'appeal_projection_u%\\_received\\_idx') order by 1`);
    expect(rows.map((r) => r.indexname)).toEqual([1, 2, 3].flatMap((d) => [`appeal_projection_u${d}_hex_idx`, `appeal_projection_u${d}_received_idx`]));
  });

  it('answers the appeals received per day beside the cases, by the time the call was taken', async () => {
    const view = await analytics.trends(ANALYST, { unit: STREET, from: '2026-10-11', to: '2026-10-13' });
    const p = (bucket: string, reported: number, appeals: number) => ({ bucket, reported, closed: 0, appeals });
    expect(view.total).toEqual([p('2026-10-11', 0, 1), p('2026-10-12', 1, 2), p('2026-10-13', 0, 2)]);
    expect(view.series).toEqual([
      { category: 'ROAD', points: [p('2026-10-11', 0, 1), p('2026-10-12', 1, 2), p('2026-10-13', 0, 0)] },
      { category: 'WATER', points: [p('2026-10-11', 0, 0), p('2026-10-12', 0, 0), p('2026-10-13', 0, 1)] },
    ]);
    const weekly = await analytics.trends(ANALYST, { unit: G11, category: 'ROAD', from: '2026-10-11', to: '2026-10-13', interval: 'week' });
    expect(weekly.series).toEqual([{ category: 'ROAD', points: [p('2026-10-05', 0, 1), p('2026-10-12', 1, 1)] }]);
  });

  // The bus validates the DTOs (class-validator) before the use case: a bad `by` or `interval` is refused naming it.
  it('answers a unit outside the scope as unknown, refuses other roles and names a bad field', async () => {
    for (const unit of [C1, STREET, '370502004099']) {
      expect(await refusal(analytics.hotspots(C2_ADMIN, { unit }))).toMatchObject({ code: AnalyticsErrorCode.UnitNotFound, kind: 'not_found' });
      expect(await refusal(analytics.trends(C2_ADMIN, { unit }))).toMatchObject({ code: AnalyticsErrorCode.UnitNotFound, kind: 'not_found' });
    }
    expect(await refusal(analytics.hotspots({ sub: 's', roles: ['grid_staff'], units: [G11] }, { unit: G11 }))).toMatchObject({ kind: 'forbidden' });
    expect(await refusal(analytics.hotspots(ANALYST, { unit: STREET, by: 'hexagon' } as unknown as HotspotsQuery))).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field: 'by' })] } });
    expect(await refusal(analytics.hotspots(ANALYST, { unit: STREET, by: 'hex', resolution: 10 } as unknown as HotspotsQuery))).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field: 'resolution' })] } });
    expect(await refusal(analytics.hotspots(ANALYST, { unit: STREET, by: 'grid', resolution: 8 }))).toMatchObject({ code: AnalyticsErrorCode.Invalid, details: { fields: [expect.objectContaining({ field: 'resolution' })] } });
    expect(await refusal(analytics.hotspots(C2_ADMIN, { unit: C1, by: 'hex' }))).toMatchObject({ code: AnalyticsErrorCode.UnitNotFound });
    expect(await refusal(analytics.trends(ANALYST, { unit: STREET, interval: 'month' } as unknown as TrendsQuery))).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field: 'interval' })] } });
    expect(await refusal(analytics.trends(ANALYST, { unit: STREET, from: '2026-11-05', to: '2026-11-01' }))).toMatchObject({ code: AnalyticsErrorCode.Invalid, details: { fields: [expect.objectContaining({ field: 'from' })] } });
  });
});
