import ExcelJS from 'exceljs';
import { SYSTEM_CALLER } from '@gridline/auth';
import { HotlineClient } from '@gridline/contracts-hotline';
import { AppError, chinaDay } from '@gridline/platform';
import { unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_COMMUNITY = '370502003002';
const OTHER_GRID = '370502003002001';
const IN_GRID = { lat: 37.405, lng: 118.505, address: '文汇小区东门' };
const IN_OTHER_GRID = { lat: 37.405, lng: 118.605, address: '新村小区北门' };
const CALLER = { name: '王秀英', phone: '13805469999' };
const OTHER_CALLER = { name: '李建国', phone: '13905461111' };
const BOM = '\uFEFF';

/** A CSV answer as records of fields (RFC 4180, enough for these files: quoted fields hold no line breaks here). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  for (const line of text.split('\r\n').filter((l) => l.length > 0)) {
    const fields: string[] = [];
    let rest = line;
    while (rest.length >= 0) {
      if (rest.startsWith('"')) {
        let end = 1;
        let value = '';
        for (;;) {
          const q = rest.indexOf('"', end);
          if (rest[q + 1] === '"') {
            value += rest.slice(end, q + 1);
            end = q + 2;
          } else {
            value += rest.slice(end, q);
            rest = rest.slice(q + 1);
            break;
          }
        }
        fields.push(value);
      } else {
        const comma = rest.indexOf(',');
        fields.push(comma < 0 ? rest : rest.slice(0, comma));
        rest = comma < 0 ? '' : rest.slice(comma);
      }
      if (!rest.startsWith(',')) break;
      rest = rest.slice(1);
    }
    records.push(fields);
  }
  return records;
}

/** Records as objects by the header. */
function rowsOf(records: string[][]): Record<string, string>[] {
  const [header, ...rows] = records;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

async function readXlsx(body: Buffer): Promise<Record<string, unknown>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Record<string, unknown>[] = [];
  for (let n = 2; n <= sheet.rowCount; n++) {
    const values = (sheet.getRow(n).values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  }
  return rows;
}

/**
 * Exports of the case and appeal lists: the list's filters and scope, its masked values, names beside codes, streamed
 * as CSV or XLSX; each export audited by the service that owns the list, and listed for admins.
 */
describe('GET /api/v1/incidents/export and /api/v1/appeals/export', () => {
  let walk: StreetFixture;
  const caseTitles = ['东门垃圾堆放', '=HYPERLINK("http://evil","点我")', '绿化带, 建筑垃圾'];

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents', 'hotline'], gateway: { EXPORT_MAX_ROWS: '4' } });
    const limits = { acceptLimit: { amount: 2, unit: 'working_hours' as const }, handleLimit: { amount: 1, unit: 'working_days' as const } };
    await walk.seed({
      units: [
        unitFactory().street(STREET, '东城街道').build(),
        unitFactory().community(COMMUNITY, '文汇社区').build(),
        unitFactory().grid(GRID, '文汇社区第1网格').at(118.5, 37.4).build(),
        unitFactory().community(OTHER_COMMUNITY, '新村社区').build(),
        unitFactory().grid(OTHER_GRID, '新村社区第1网格').at(118.6, 37.4).build(),
      ],
      departments: [{ code: 'URBAN_MGMT', name: '城市管理办公室' }],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
        { code: 'ENV.SEWAGE', name: '污水外溢', parentCode: 'ENV', owner: { departmentCode: 'URBAN_MGMT' }, ...limits },
      ],
    });
    await walk.sign({
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
      otherStaff: { sub: 'staff-2', roles: ['grid_staff'], units: [OTHER_GRID] },
      community: { sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] },
      otherCommunity: { sub: 'community-2', roles: ['community_admin'], units: [OTHER_COMMUNITY] },
      street: { sub: 'street-1', roles: ['street_admin'], units: [STREET] },
      operator: { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] },
      admin: { sub: 'admin-1', roles: ['admin'] },
    });
    const report = (who: string, title: string, location: object, categoryCode = 'ENV.GARBAGE') =>
      walk.untilCreated(() => walk.call(who, 'POST', '/api/v1/incidents', { categoryCode, title, description: `${title}：现场核实`, location, source: 'patrol' }));
    for (const title of caseTitles) await report('staff', title, IN_GRID);
    await report('staff', '井盖污水外溢', IN_GRID, 'ENV.SEWAGE');
    await report('otherStaff', '新村垃圾堆放', IN_OTHER_GRID);
    for (const [caller, location, content] of [
      [CALLER, IN_GRID, '小区门口垃圾堆放多日无人清理'],
      [OTHER_CALLER, IN_OTHER_GRID, '=1+1 北门污水外溢'],
    ] as const) {
      const taken = await walk.untilCreated(() => walk.call('operator', 'POST', '/api/v1/appeals', { channel: 'phone', type: 'report', caller, content, categoryCode: 'ENV.GARBAGE', location }));
      expect(taken.json().appeal.gridCode).toBeTruthy();
    }
  });

  afterAll(async () => {
    await walk?.close();
  });

  const get = (who: string, url: string) => walk.call(who, 'GET', url);
  const audit = async (list: 'incidents' | 'appeals') => (await get('admin', `/api/v1/${list}/exports`)).json();

  describe('cases', () => {
    it('writes the filtered list in the caller’s scope as CSV: BOM, header, names beside codes, formulas made inert, named by list and day', async () => {
      const res = await get('community', '/api/v1/incidents/export?format=csv&category=ENV.GARBAGE');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="incidents-${chinaDay()}.csv"`);
      expect(res.headers['cache-control']).toBe('no-store');
      expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = res.rawPayload.toString('utf8');
      expect(text.startsWith(BOM)).toBe(true);
      const rows = rowsOf(parseCsv(text.slice(1)));
      // The same cases, in the same order, as the list answers with these filters.
      const list = (await get('community', '/api/v1/incidents?category=ENV.GARBAGE&limit=200')).json();
      expect(rows.map((r) => r.workOrder)).toEqual(list.items.map((i: { workOrder: string }) => i.workOrder));
      expect(rows).toHaveLength(3);
      expect(rows.map((r) => r.title).sort()).toEqual([`'${caseTitles[1]}`, caseTitles[0], caseTitles[2]].sort());
      expect(rows[0]).toMatchObject({ categoryCode: 'ENV.GARBAGE', categoryName: '垃圾堆放', gridCode: GRID, gridName: '文汇社区第1网格', communityCode: COMMUNITY, communityName: '文汇社区' });
    });

    it('gives another community only its own cases, and records each export for admins with who, the filters and the rows', async () => {
      const res = await get('otherCommunity', '/api/v1/incidents/export?format=csv&category=ENV');
      const rows = rowsOf(parseCsv(res.rawPayload.toString('utf8').slice(1)));
      expect(rows.map((r) => r.title)).toEqual(['新村垃圾堆放']);
      const log = await audit('incidents');
      expect(log.items.slice(0, 2)).toEqual([
        expect.objectContaining({ actor: 'community-2', actorRoles: ['community_admin'], list: 'incidents', format: 'csv', filters: { category: 'ENV' }, rows: 1 }),
        expect.objectContaining({ actor: 'community-1', list: 'incidents', format: 'csv', filters: { category: 'ENV.GARBAGE' }, rows: 3 }),
      ]);
      expect((await get('community', '/api/v1/incidents/exports')).statusCode).toBe(403);
    });

    it('writes XLSX that a spreadsheet reads back with the same rows', async () => {
      const res = await get('community', '/api/v1/incidents/export?format=xlsx&status=reported&sort=oldest');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="incidents-${chinaDay()}.xlsx"`);
      const rows = await readXlsx(res.rawPayload);
      expect(rows.map((r) => r.title)).toEqual([...caseTitles, '井盖污水外溢']);
      expect(rows[3]).toMatchObject({ categoryName: '污水外溢', status: 'reported', reworkCount: 0 });
    });

    it('refuses more matching cases than EXPORT_MAX_ROWS with 422 naming the filters, and a bad format with 400 naming format; neither is audited', async () => {
      const before = (await audit('incidents')).total;
      const tooMany = await get('street', '/api/v1/incidents/export?format=csv&category=ENV');
      expect(tooMany.statusCode).toBe(422);
      expect(tooMany.json()).toMatchObject({ code: 'EXPORT_TOO_MANY_ROWS', details: { rows: 5, maxRows: 4, filters: { category: 'ENV' } } });
      expect(tooMany.json().detail ?? tooMany.json().message ?? JSON.stringify(tooMany.json())).toContain('category');
      for (const url of ['/api/v1/incidents/export?format=pdf', '/api/v1/incidents/export']) {
        const bad = await get('street', url);
        expect(bad.statusCode).toBe(400);
        expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['format']);
      }
      expect((await audit('incidents')).total).toBe(before);
      // Within the cap the street exports its whole list.
      expect(rowsOf(parseCsv((await get('street', '/api/v1/incidents/export?format=csv&category=ENV.GARBAGE')).rawPayload.toString('utf8').slice(1)))).toHaveLength(4);
    });
  });

  describe('appeals', () => {
    it('writes the operator’s appeals with the caller masked as in the list, never in clear', async () => {
      const res = await get('operator', '/api/v1/appeals/export?format=xlsx');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="appeals-${chinaDay()}.xlsx"`);
      const rows = await readXlsx(res.rawPayload);
      const list = (await get('operator', '/api/v1/appeals')).json();
      expect(rows.map((r) => r.workOrder)).toEqual(list.items.map((a: { workOrder: string }) => a.workOrder));
      expect(rows.map((r) => r.callerPhone).sort()).toEqual(list.items.map((a: { caller: { phone: string } }) => a.caller.phone).sort());
      expect(rows.map((r) => r.callerName).sort()).toEqual(list.items.map((a: { caller: { name: string } }) => a.caller.name).sort());
      const file = JSON.stringify(rows);
      for (const clear of [CALLER.phone, CALLER.name, OTHER_CALLER.phone, OTHER_CALLER.name]) expect(file).not.toContain(clear);
      expect(rows.find((r) => r.content === '小区门口垃圾堆放多日无人清理')).toMatchObject({ callerPhone: '138****9999', categoryName: '垃圾堆放', gridCode: GRID });
    });

    it('gives the grid staff only their grid’s appeals, filtered, and keeps a phone filter out of the audit', async () => {
      const mine = rowsOf(parseCsv((await get('staff', '/api/v1/appeals/export?format=csv')).rawPayload.toString('utf8').slice(1)));
      expect(mine.map((r) => r.content)).toEqual(['小区门口垃圾堆放多日无人清理']);
      const theirs = rowsOf(parseCsv((await get('otherStaff', `/api/v1/appeals/export?format=csv&phone=${OTHER_CALLER.phone}`)).rawPayload.toString('utf8').slice(1)));
      // Text that would start a formula is made inert in CSV.
      expect(theirs.map((r) => r.content)).toEqual(["'=1+1 北门污水外溢"]);
      expect(theirs[0].callerPhone).toBe('139****1111');
      const log = await audit('appeals');
      expect(log.items.slice(0, 3)).toEqual([
        expect.objectContaining({ actor: 'staff-2', list: 'appeals', format: 'csv', filters: { phone: 'masked' }, rows: 1 }),
        expect.objectContaining({ actor: 'staff-1', list: 'appeals', format: 'csv', filters: {}, rows: 1 }),
        expect.objectContaining({ actor: 'operator-1', list: 'appeals', format: 'xlsx', rows: 2 }),
      ]);
      expect(JSON.stringify(log)).not.toContain(OTHER_CALLER.phone);
      expect((await get('operator', '/api/v1/appeals/exports')).statusCode).toBe(403);
    });

    it('refuses a bad format with 400 naming format', async () => {
      const bad = await get('operator', '/api/v1/appeals/export?format=xls');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['format']);
    });

    it('reads the appeals an export writes in keyset pages: each once, in the list’s order, with the list’s filters', async () => {
      for (const content of ['东门路灯不亮', '南门积水', '西门噪音扰民']) {
        expect((await walk.call('operator', 'POST', '/api/v1/appeals', { channel: 'web', type: 'report', caller: CALLER, content, categoryCode: 'ENV.GARBAGE', location: IN_GRID })).statusCode).toBe(201);
      }
      const hotline = new HotlineClient(walk.seedBus);
      const walked: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const page = await hotline.listByCursor(SYSTEM_CALLER, { ...(cursor ? { cursor } : {}), limit: 2, phone: CALLER.phone });
        expect(page.items.length).toBeLessThanOrEqual(2);
        walked.push(...page.items.map((a) => a.workOrder));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      const list = (await get('admin', `/api/v1/appeals?phone=${CALLER.phone}`)).json();
      expect(list.total).toBe(4);
      expect(walked).toEqual(list.items.map((a: { workOrder: string }) => a.workOrder));
      const tampered = await hotline.listByCursor(SYSTEM_CALLER, { cursor: 'bm90LWEtY3Vyc29y' }).catch((error: unknown) => error);
      expect(tampered).toBeInstanceOf(AppError);
      expect((tampered as AppError).details).toEqual({ fields: [{ field: 'cursor', reasons: ['is not a cursor this list gave out'] }] });
    });
  });
});
