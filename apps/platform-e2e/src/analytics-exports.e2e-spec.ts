import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { SYSTEM_CALLER } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import { RegistryPeopleClient } from '@gridline/contracts-registry';
import { eventually, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_COMMUNITY = '370502003002';
const IN_GRID = { lat: 37.405, lng: 118.505, address: '文汇小区东门' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A CSV file's records as objects by its header (the BOM first). */
function csvRows(body: Buffer): Record<string, string>[] {
  const text = body.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parse(text.slice(1), { columns: true }) as Record<string, string>[];
}

/** Each sheet's rows as objects by its header. */
async function xlsxSheets(body: Buffer): Promise<Record<string, Record<string, unknown>[]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  const sheets: Record<string, Record<string, unknown>[]> = {};
  for (const sheet of workbook.worksheets) {
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    sheets[sheet.name] = [];
    for (let n = 2; n <= sheet.rowCount; n++) {
      const values = (sheet.getRow(n).values as unknown[]).slice(1);
      sheets[sheet.name].push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
    }
  }
  return sheets;
}

/**
 * The figure tables as files and the grid centre's monthly report, through the gateway: three cases reported today,
 * the files parsed and compared with the JSON answers, the exports audited by analytics, scope and roles as the tables'.
 */
describe('GET /api/v1/analytics/<table>/export and /analytics/reports/monthly', () => {
  let walk: StreetFixture;
  const today = chinaDay();
  const month = today.slice(0, 7);
  const get = (who: string, url: string) => walk.call(who, 'GET', url);

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents', 'analytics'], gateway: true });
    const limits = { acceptLimit: { amount: 2, unit: 'working_hours' as const }, handleLimit: { amount: 1, unit: 'working_days' as const } };
    await walk.seed({
      units: [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build(), unitFactory().community(OTHER_COMMUNITY).build()],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
        { code: 'ENV.SEWAGE', name: '污水外溢', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
      ],
    });
    // The grid's staff member whose login reports the cases.
    const people = new RegistryPeopleClient(walk.seedBus);
    const staffer = await people.createPerson(SYSTEM_CALLER, { name: '王晓梅', account: 'staff-1' });
    await people.assignPerson(SYSTEM_CALLER, GRID, { personId: staffer.id, role: 'grid_staff', startsOn: '2026-01-01' });
    await walk.sign({
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
      otherCommunity: { sub: 'community-2', roles: ['community_admin'], units: [OTHER_COMMUNITY] },
      analyst: { sub: 'analyst-1', roles: ['analyst'], units: [STREET] },
      admin: { sub: 'admin-1', roles: ['admin'], units: [] },
    });
    for (const [title, categoryCode] of [['垃圾堆放', 'ENV.GARBAGE'], ['垃圾又堆', 'ENV.GARBAGE'], ['污水外溢', 'ENV.SEWAGE']]) {
      await walk.untilCreated(() => walk.call('staff', 'POST', '/api/v1/incidents', { categoryCode, title, description: `${title}：东门外`, location: IN_GRID, source: 'patrol' }));
    }
    await eventually(async () => {
      expect((await get('analyst', `/api/v1/analytics/hotspots?unit=${STREET}&from=${today}&to=${today}`)).json()).toMatchObject({ total: 3 });
    });
  });

  afterAll(async () => {
    await walk?.close();
  });

  it('sends the hot spots as CSV with the rows of the JSON answer, and the trends as XLSX', async () => {
    const query = `unit=${STREET}&from=${today}&to=${today}`;
    const json = (await get('analyst', `/api/v1/analytics/hotspots?${query}`)).json();
    const res = await get('analyst', `/api/v1/analytics/hotspots/export?format=csv&${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="analytics-hotspots-${today}.csv"`);
    const rows = csvRows(res.rawPayload);
    expect(rows.map((r) => [r['类别 category'], r['单位 unit'], Number(r['案件 reported']), Number(r['诉求 appeals'])])).toEqual(
      json.spots.map((s: { category: string; unit: string; reported: number; appeals: number }) => [s.category, s.unit, s.reported, s.appeals]),
    );
    const trendsJson = (await get('analyst', `/api/v1/analytics/trends?unit=${COMMUNITY}&from=${today}&to=${today}`)).json();
    const trends = await get('analyst', `/api/v1/analytics/trends/export?format=xlsx&unit=${COMMUNITY}&from=${today}&to=${today}`);
    expect(trends.statusCode).toBe(200);
    expect(trends.headers['content-type']).toBe(XLSX);
    const [sheet] = Object.values(await xlsxSheets(trends.rawPayload));
    expect(sheet[0]).toMatchObject({ '系列 series': 'total', '时段 bucket': today, '案件上报 reported': 3 });
    expect(sheet).toHaveLength(1 + trendsJson.series.length);
  });

  it('sends the figures as rows of their paths beside the period before', async () => {
    const json = (await get('analyst', `/api/v1/analytics/figures?unit=${STREET}&period=day`)).json();
    const res = await get('analyst', `/api/v1/analytics/figures/export?format=xlsx&unit=${STREET}&period=day`);
    expect(res.statusCode).toBe(200);
    const [rows] = Object.values(await xlsxSheets(res.rawPayload));
    const row = (metric: string) => rows.find((r) => r['指标 metric'] === metric);
    expect(row('cases.reported')).toMatchObject({ '名称 label': '案件·上报', '本期 current': json.current.cases.reported, '上期 previous': json.previous.cases.reported });
    expect(row('cases.reported')?.['本期 current']).toBe(3);
    expect(row('cases.onTime.accept.denominator')?.['本期 current']).toBe(json.current.cases.onTime.accept.denominator);
  });

  it('sends the rankings with each row of the JSON answer', async () => {
    const json = (await get('analyst', `/api/v1/analytics/rankings?unit=${STREET}&period=day`)).json();
    const res = await get('analyst', `/api/v1/analytics/rankings/export?format=csv&unit=${STREET}&period=day`);
    expect(res.statusCode).toBe(200);
    const rows = csvRows(res.rawPayload);
    expect(rows.map((r) => r['编码 code'])).toEqual(json.rows.map((r: { code: string }) => r.code));
    expect(rows.map((r) => r['状态 status'])).toEqual(json.rows.map((r: { status: string }) => r.status));
  });

  it('sends the staff workload: a row per grid staff member with name, login and grids, then the total; grid staff their own row', async () => {
    const json = await eventually(async () => {
      const res = (await get('analyst', `/api/v1/analytics/workload?unit=${STREET}&from=${today}&to=${today}`)).json();
      expect(res.staff).toMatchObject([{ name: '王晓梅', subject: 'staff-1', reported: 3 }]);
      return res;
    });
    const rows = csvRows((await get('analyst', `/api/v1/analytics/workload/export?format=csv&unit=${STREET}&from=${today}&to=${today}`)).rawPayload);
    expect(rows.map((r) => [r['姓名 name'], r['账号 subject'], Number(r['上报案件 reported'])])).toEqual([
      ...json.staff.map((s: { name: string; subject: string; reported: number }) => [s.name, s.subject, s.reported]),
      ['total', '', json.total.reported],
    ]);
    expect(rows[0]['网格 grids']).toBe(json.staff[0].grids[0].name ?? GRID);
    const own = csvRows((await get('staff', `/api/v1/analytics/workload/export?format=csv&unit=${GRID}&from=${today}&to=${today}`)).rawPayload);
    expect(own.map((r) => [r['姓名 name'], r['账号 subject']])).toEqual([['王晓梅', 'staff-1'], ['total', '']]);
  });

  it('answers the monthly report as JSON, as a workbook of its sections and as a printable page under a strict policy', async () => {
    const json = await eventually(async () => {
      const res = await get('analyst', `/api/v1/analytics/reports/monthly?unit=${STREET}&month=${month}`);
      expect(res.statusCode).toBe(200);
      return res.json();
    });
    expect(json).toMatchObject({ unit: { code: STREET, level: 'street' }, month, figures: { current: { reported: 3 } }, redCards: [] });
    expect(json.hotTopics.map((t: { category: string; reported: number }) => [t.category, t.reported])).toEqual([['ENV.GARBAGE', 2], ['ENV.SEWAGE', 1]]);
    expect(json.hotTopics[0].categoryName).toBe('垃圾堆放');
    expect(json.rankings.communities.map((r: { code: string }) => r.code).sort()).toEqual([COMMUNITY, OTHER_COMMUNITY]);

    const xlsx = await get('analyst', `/api/v1/analytics/reports/monthly?unit=${STREET}&month=${month}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe(`attachment; filename="monthly-report-${STREET}-${month}.xlsx"`);
    const sheets = await xlsxSheets(xlsx.rawPayload);
    expect(Object.keys(sheets)).toEqual(['报告 report', '概况 volumes', '热点 hot topics', '排名 rankings', '红牌 red cards', '热线 hotline', '热线发布 published']);
    expect(sheets['热点 hot topics'].map((r) => [r['类别 category'], r['案件 reported']])).toEqual([['ENV.GARBAGE', 2], ['ENV.SEWAGE', 1]]);
    expect(sheets['概况 volumes'].find((r) => r['指标 metric'] === 'cases.reported')).toMatchObject({ '本月 current': 3 });
    expect(sheets['红牌 red cards']).toEqual([]);

    const html = await get('analyst', `/api/v1/analytics/reports/monthly?unit=${STREET}&month=${month}&format=html`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; /);
    expect(html.headers['content-disposition']).toBe(`inline; filename="monthly-report-${STREET}-${month}.html"`);
    expect(html.body).toContain('网格化服务管理月度通报');
    expect(html.body).toContain('垃圾堆放');
    expect(html.body).not.toContain('<script');
  });

  it('records every export and report before it is sent, for admins to read', async () => {
    const res = await get('admin', '/api/v1/analytics/exports?pageSize=200');
    expect(res.statusCode).toBe(200);
    const lists = res.json().items.map((e: { list: string; format: string; actor: string }) => `${e.actor} ${e.list} ${e.format}`);
    for (const entry of ['analytics.hotspots csv', 'analytics.trends xlsx', 'analytics.figures xlsx', 'analytics.rankings csv', 'analytics.workload csv', 'analytics.report.monthly json', 'analytics.report.monthly xlsx', 'analytics.report.monthly html']) {
      expect(lists).toContain(`analyst-1 ${entry}`);
    }
    expect(res.json().items.find((e: { list: string }) => e.list === 'analytics.hotspots')).toMatchObject({ filters: { unit: STREET, from: today, to: today }, rows: 2 });
    expect((await get('analyst', '/api/v1/analytics/exports')).statusCode).toBe(403);
  });

  it('answers out of scope 404, another role 403, a bad month or format 400 naming it — and records none of them', async () => {
    const before = (await get('admin', '/api/v1/analytics/exports')).json().total;
    const outside = await get('otherCommunity', `/api/v1/analytics/hotspots/export?format=csv&unit=${COMMUNITY}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toMatchObject({ code: 'ANALYTICS_UNIT_NOT_FOUND' });
    expect((await get('otherCommunity', `/api/v1/analytics/reports/monthly?unit=${STREET}&month=${month}&format=html`)).statusCode).toBe(404);
    expect((await get('staff', `/api/v1/analytics/figures/export?format=csv&unit=${GRID}`)).statusCode).toBe(403);
    expect((await get('staff', `/api/v1/analytics/reports/monthly?unit=${COMMUNITY}&month=${month}`)).statusCode).toBe(403);
    for (const [url, field] of [
      [`/api/v1/analytics/reports/monthly?unit=${STREET}&month=2026-13`, 'month'],
      [`/api/v1/analytics/reports/monthly?unit=${STREET}&month=${month}&format=pdf`, 'format'],
      [`/api/v1/analytics/trends/export?format=pdf&unit=${STREET}`, 'format'],
      [`/api/v1/analytics/reports/monthly?unit=${GRID}&month=${month}`, 'unit'],
    ]) {
      const bad = await get('analyst', url);
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json().errors)).toContain(field);
    }
    expect((await get('admin', '/api/v1/analytics/exports')).json().total).toBe(before);
  });
});
