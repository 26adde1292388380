import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { type EventDefinition } from '@gridline/messaging';
import { AnalyticsClient, AnalyticsErrorCode } from '@gridline/contracts-analytics';
import { INCIDENTS_EVENTS, type IncidentEventData } from '@gridline/contracts-incidents';
import { eventually } from '@gridline/testing';
import { event, refusal, startAnalyticsUnderTest, unitCreated, type AnalyticsUnderTest, type Published } from '../testing/analytics-under-test';

const STREET = '370502005';
const C1 = '370502005001';
const C2 = '370502005002';
const G11 = '370502005001001';
const G12 = '370502005001002';
const G21 = '370502005002001';
const PATHS: Record<string, string[]> = { [G11]: [STREET, C1, G11], [G12]: [STREET, C1, G12], [G21]: [STREET, C2, G21] };
const ANALYST: Caller = { sub: 'analyst-r', roles: ['analyst'], units: [STREET] };
const C2_ADMIN: Caller = { sub: 'c2-r', roles: ['community_admin'], units: [C2] };
const GRID_STAFF: Caller = { sub: 'gs-r', roles: ['grid_staff'], units: [G11] };
const URBAN = { kind: 'department' as const, departmentCode: 'URBAN_MGMT' };

const cst = (day: string, time: string) => new Date(`2026-${day}T${time}:00+08:00`).toISOString();

function incident(id: string, name: keyof typeof INCIDENTS_EVENTS, at: string, category: string, grid: string, extra: Partial<IncidentEventData> = {}): Published {
  const definition = INCIDENTS_EVENTS[name] as EventDefinition<IncidentEventData>;
  return event(definition, id, {
    incidentId: id, status: 'reported', categoryCode: category, gridCode: grid, path: PATHS[grid], urgency: 'normal', source: 'patrol', owner: null, step: null,
    dueAt: null, supervision: { card: 'none', supervisorUnitCode: null, since: null }, reworkCount: 0, appealRef: null, appealHandoff: null, result: null,
    resolution: null, rating: null, actor: 'u', at, comment: null, ...extra,
  });
}

/** November: RA (ROAD, G11, red on the 20th), RB (WATER, G12, red on the 10th, events without a work order), RC (ROAD, G21); October: RD (ROAD, G11, red). */
const CASES = [
  incident('RA', 'reported', cst('11-02', '09:00'), 'ROAD', G11, { workOrder: 'GX-20261102-000001' }),
  incident('RA', 'escalated', cst('11-20', '09:00'), 'ROAD', G11, { workOrder: 'GX-20261102-000001', status: 'dispatched', owner: URBAN, supervision: { card: 'red', supervisorUnitCode: STREET, since: cst('11-20', '09:00') } }),
  incident('RB', 'reported', cst('11-05', '10:00'), 'WATER', G12),
  incident('RB', 'escalated', cst('11-10', '10:00'), 'WATER', G12, { status: 'dispatched', owner: { kind: 'unit', unitCode: C1, level: 'community' } }),
  incident('RC', 'reported', cst('11-09', '10:00'), 'ROAD', G21, { workOrder: 'GX-20261109-000003' }),
  incident('RD', 'reported', cst('10-10', '10:00'), 'ROAD', G11, { workOrder: 'GX-20261010-000004' }),
  incident('RD', 'escalated', cst('10-15', '10:00'), 'ROAD', G11, { workOrder: 'GX-20261010-000004', status: 'dispatched' }),
];


describe('analytics.report.monthly and analytics.export.record', () => {
  let harness: AnalyticsUnderTest;
  let analytics: AnalyticsClient;
  let db: Client;
  const publish = (e: Published) => harness.publish(e);
  const unit = unitCreated;
  const audits = async () => (await db.query(`select actor, list, format, filters, rows from analytics.export_audit order by id`)).rows;

  beforeAll(async () => {
    harness = await startAnalyticsUnderTest();
    ({ analytics, db } = harness);
    const units = [unit(STREET, 'street', [STREET]), unit(C1, 'community', [STREET, C1]), unit(C2, 'community', [STREET, C2]), ...Object.entries(PATHS).map(([g, p]) => unit(g, 'grid', p))];
    for (const u of units) await publish(u);
    for (const e of CASES) await publish(e);
    await eventually(async () => {
      expect(Number((await db.query(`select count(*) as n from analytics.case_event`)).rows[0].n)).toBe(CASES.length);
      expect((await db.query(`select 1 from analytics.unit_projection`)).rowCount).toBe(units.length);
      expect((await db.query(`select 1 from analytics.registry_unit`)).rowCount).toBe(units.length);
    }, { timeoutMs: 15_000 });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('composes a street’s month: the figures beside October’s, the hot topics, the red cards named, the audit row written', async () => {
    const report = await analytics.monthlyReport(ANALYST, { unit: STREET, month: '2026-11', format: 'xlsx' });
    expect(report).toMatchObject({ unit: { code: STREET, name: `name-${STREET}`, level: 'street' }, month: '2026-11', from: '2026-11-01', to: '2026-11-30', previous: { month: '2026-10', from: '2026-10-01', to: '2026-10-31' } });
    expect(report.figures.current).toMatchObject({ reported: 3, redCards: 2 });
    expect(report.figures.previous).toMatchObject({ reported: 1, redCards: 1 });
    // The same numbers as the figures of the month.
    const figures = await analytics.figures(ANALYST, { unit: STREET, period: 'month', from: '2026-11-15' });
    expect(report.figures).toEqual({ current: figures.current.cases, previous: figures.previous.cases });
    expect({ current: report.hotline.current, previous: report.hotline.previous }).toEqual({ current: figures.current.appeals, previous: figures.previous.appeals });
    expect(report.hotTopics).toEqual([
      { rank: 1, category: 'ROAD', categoryName: null, reported: 2, share: 0.667, appeals: 0, previousReported: 1, previousAppeals: 0 },
      { rank: 2, category: 'WATER', categoryName: null, reported: 1, share: 0.333, appeals: 0, previousReported: 0, previousAppeals: 0 },
    ]);
    expect(report.redCards).toEqual([
      { workOrder: null, incidentId: 'RB', at: cst('11-10', '10:00'), categoryCode: 'WATER', categoryName: null, gridCode: G12, gridName: `name-${G12}`, ownerKind: 'unit', ownerCode: C1, ownerName: `name-${C1}`, status: 'dispatched' },
      { workOrder: 'GX-20261102-000001', incidentId: 'RA', at: cst('11-20', '09:00'), categoryCode: 'ROAD', categoryName: null, gridCode: G11, gridName: `name-${G11}`, ownerKind: 'department', ownerCode: 'URBAN_MGMT', ownerName: null, status: 'dispatched' },
    ]);
    expect(report.hotline).toMatchObject({ unit: null, beneath: [], current: { received: 0, appeals: 0 } });
    // The league of the month: the street's communities and its grids, by the street's weights (the defaults here).
    expect(report.rankings.weights.source).toBe('default');
    expect(report.rankings.communities?.map((r) => r.code).sort()).toEqual([C1, C2]);
    expect(report.rankings.grids.map((r) => r.code).sort()).toEqual([G11, G12, G21]);
    expect(await audits()).toContainEqual({ actor: ANALYST.sub, list: 'analytics.report.monthly', format: 'xlsx', filters: { unit: STREET, month: '2026-11' }, rows: 9 });
  });

  it('keeps a community’s month to its own cases', async () => {
    const report = await analytics.monthlyReport(C2_ADMIN, { unit: C2, month: '2026-11' });
    expect(report.figures.current.reported).toBe(1);
    expect(report.hotTopics.map((t) => [t.category, t.reported])).toEqual([['ROAD', 1]]);
    expect(report.redCards).toEqual([]);
    expect(report.rankings.communities).toBeNull();
    expect(report.rankings.grids.map((r) => r.code)).toEqual([G21]);
  });

  it('refuses a unit out of scope (404 like an unknown one), a grid or a bad month (400 naming the field), a grid member (403) — recording nothing', async () => {
    const before = (await audits()).length;
    expect((await refusal(analytics.monthlyReport(C2_ADMIN, { unit: STREET, month: '2026-11' }))).code).toBe(AnalyticsErrorCode.UnitNotFound);
    expect((await refusal(analytics.monthlyReport(ANALYST, { unit: '370502005009', month: '2026-11' }))).code).toBe(AnalyticsErrorCode.UnitNotFound);
    const grid = await refusal(analytics.monthlyReport(ANALYST, { unit: G11, month: '2026-11' }));
    expect(grid.code).toBe(AnalyticsErrorCode.Invalid);
    expect(JSON.stringify(grid.details)).toContain('unit');
    const month = await refusal(analytics.monthlyReport(ANALYST, { unit: STREET, month: '2026-13' }));
    expect(month.kind).toBe('validation');
    expect(JSON.stringify(month.details)).toContain('month');
    expect((await refusal(analytics.monthlyReport(GRID_STAFF, { unit: G11, month: '2026-11' }))).kind).toBe('forbidden');
    expect(await audits()).toHaveLength(before);
  });

  it('records a figure table’s export (filters without paging), refuses more rows than the file may hold and a caller who does not read the table', async () => {
    const recorded = await analytics.recordExport(ANALYST, { table: 'hotspots', format: 'csv', filters: { unit: STREET, from: '2026-11-01', page: 2 }, rows: 3, maxRows: 10 });
    expect(recorded).toEqual({ id: expect.any(String), rows: 3 });
    expect(await audits()).toContainEqual({ actor: ANALYST.sub, list: 'analytics.hotspots', format: 'csv', filters: { unit: STREET, from: '2026-11-01' }, rows: 3 });
    const before = (await audits()).length;
    expect((await refusal(analytics.recordExport(ANALYST, { table: 'trends', format: 'xlsx', filters: {}, rows: 11, maxRows: 10 }))).kind).toBe('rule_violation');
    expect((await refusal(analytics.recordExport(GRID_STAFF, { table: 'party', format: 'xlsx', filters: {}, rows: 1, maxRows: 10 }))).kind).toBe('forbidden');
    expect(await audits()).toHaveLength(before);
  });
});
