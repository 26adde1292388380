import { randomUUID } from 'node:crypto';
import type { GatewayApp } from '@gridline/app-gateway';
import { residentIdCheckCharacter, usccCheckCharacter } from '@gridline/contracts-registry';
import { eventually, testToken, unitFactory, type LogCapture, type RunningTestService } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_GRID = '370502003001002';
const SHOPS = '370502003001901';

/** A valid resident ID number born on the given date, with the given sequence. */
function idNumber(birth: string, sequence: string): string {
  const first17 = `370502${birth}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

const ZHANG = { id: idNumber('19450302', '123'), phone: '13805461234' }; // male (odd sequence)
const LI = { id: idNumber('19900615', '246'), phone: '15953461111' }; // female
const CSV_PEOPLE = Array.from({ length: 5 }, (_, i) => ({ id: idNumber(`1980010${i + 1}`, `10${i}`), phone: `1390546000${i}` }));
const ALL_SECRETS = [ZHANG, LI, ...CSV_PEOPLE].flatMap((p) => [p.id, p.phone]);

describe('registers through the gateway', () => {
  let walk: StreetFixture;
  let registry: RunningTestService;
  let gateway: GatewayApp;
  let gatewayLogs: LogCapture;
  let admin: string;
  let staff: string;
  let otherStaff: string;
  let analyst: string;

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: [['registry', { LOG_LEVEL: 'info' }]], gateway: { LOG_LEVEL: 'info' } });
    ({ gateway, gatewayLogs } = walk);
    registry = walk.service('registry');
    await walk.seed({
      units: [
        unitFactory().street(STREET).build(),
        unitFactory().community(COMMUNITY).build(),
        unitFactory().grid(GRID).at(118.5, 37.4).build(),
        unitFactory().grid(OTHER_GRID).at(118.51, 37.4).build(),
        unitFactory().exclusiveGrid(SHOPS, 'commercial').at(118.52, 37.4).build(),
      ],
    });
    admin = await testToken({ sub: 'admin-1', roles: ['admin'] });
    staff = await testToken({ sub: 'staff-1', roles: ['grid_staff'], units: [GRID] });
    otherStaff = await testToken({ sub: 'staff-2', roles: ['grid_staff'], units: [OTHER_GRID] });
    analyst = await testToken({ sub: 'analyst-1', roles: ['analyst'], units: [STREET] });
  });

  afterAll(async () => {
    await walk?.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token: string, payload?: unknown, headers: Record<string, string> = {}) =>
    gateway.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...headers }, ...(payload !== undefined ? { payload: payload as string } : {}) });

  let zhangId: string;
  let householdId: string;

  describe('residents', () => {
    it('refuses a bad ID number or phone naming the field, and stores nothing', async () => {
      const badCheck = `${ZHANG.id.slice(0, 17)}${ZHANG.id[17] === '0' ? '1' : '0'}`;
      const res = await call('POST', '/api/v1/residents', staff, { gridCode: GRID, name: '张三', idNumber: badCheck, phone: '12345' });
      expect(res.statusCode).toBe(400);
      const fields = res.json().errors.map((e: { field: string }) => e.field).sort();
      expect(fields).toEqual(['idNumber', 'phone']);
      expect(JSON.stringify(res.json())).not.toContain(badCheck);
      expect((await call('GET', '/api/v1/residents', admin)).json().total).toBe(0);
    });

    it('registers a resident in a household, answering masked numbers and the sex and birth year from the ID', async () => {
      const building = await call('POST', '/api/v1/buildings', staff, { gridCode: GRID, address: '文汇小区3号楼', floors: 6, unitCount: 2 });
      expect(building.statusCode).toBe(201);
      const household = await call('POST', '/api/v1/households', staff, { buildingId: building.json().id, room: '2-301' });
      expect(household.statusCode).toBe(201);
      householdId = household.json().id;
      const res = await call('POST', '/api/v1/residents', staff, { householdId, name: '张三', idNumber: ZHANG.id, phone: ZHANG.phone, tags: ['elderly_alone'] });
      expect(res.statusCode).toBe(201);
      zhangId = res.json().id;
      expect(res.json()).toMatchObject({
        gridCode: GRID,
        name: '张三',
        idNumber: `370502********${ZHANG.id.slice(-4)}`,
        phone: '138****1234',
        sex: 'male',
        birthYear: 1945,
        tags: ['elderly_alone'],
      });
      expect(res.body).not.toContain(ZHANG.id);
      expect(res.body).not.toContain(ZHANG.phone);
      // The masked characters of the ID number are the birth date: it must not come beside them.
      expect(res.json()).not.toHaveProperty('birthDate');
      expect(res.body).not.toContain('1945-03-02');
    });

    it('answers 409 with the existing record for a second resident with the same ID number', async () => {
      const res = await call('POST', '/api/v1/residents', staff, { gridCode: GRID, name: '张三丰', idNumber: ZHANG.id.toLowerCase() });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'RESIDENT_DUPLICATE', details: { residentId: zhangId } });
      expect(res.json().detail).not.toContain(ZHANG.id);
    });

    it('answers 409 without naming the record when the existing resident is outside the caller scope', async () => {
      const res = await call('POST', '/api/v1/residents', otherStaff, { gridCode: OTHER_GRID, name: '张三丰', idNumber: ZHANG.id });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'RESIDENT_DUPLICATE', details: { outsideYourScope: true } });
      for (const secret of [zhangId, GRID, '张三', ZHANG.id]) expect(res.body).not.toContain(secret);
    });

    it('finds residents by name, exact ID number and exact phone, within scope only', async () => {
      await call('POST', '/api/v1/residents', admin, { gridCode: OTHER_GRID, name: '李四', idNumber: LI.id, phone: LI.phone });
      const byId = await call('GET', `/api/v1/residents?idNumber=${ZHANG.id}`, staff);
      expect(byId.json().items.map((r: { id: string }) => r.id)).toEqual([zhangId]);
      expect((await call('GET', `/api/v1/residents?phone=${ZHANG.phone}`, staff)).json().total).toBe(1);
      expect((await call('GET', `/api/v1/residents?q=张`, staff)).json().total).toBe(1);
      expect((await call('GET', '/api/v1/residents', staff)).json().total).toBe(1);
      expect((await call('GET', `/api/v1/residents?idNumber=${LI.id}`, staff)).json().total).toBe(0);
      expect((await call('GET', '/api/v1/residents', admin)).json().total).toBe(2);
      expect((await call('GET', `/api/v1/residents/${zhangId}`, otherStaff)).statusCode).toBe(404);
    });

    it('keeps the registers from a caller who only reads figures', async () => {
      expect((await call('GET', `/api/v1/residents/${zhangId}`, analyst)).statusCode).toBe(403);
      expect((await call('GET', '/api/v1/residents', analyst)).statusCode).toBe(403);
      expect((await call('GET', `/api/v1/units/${GRID}/quality`, analyst)).statusCode).toBe(200);
    });

    it('reveals clear numbers to an allowed role with a reason, and audits it', async () => {
      const res = await call('GET', `/api/v1/residents/${zhangId}/reveal?fields=idNumber,phone&reason=核实低保申请`, staff, undefined, { 'x-correlation-id': 'reveal-1' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ id: zhangId, name: '张三', idNumber: ZHANG.id, phone: ZHANG.phone });
      expect((await call('GET', `/api/v1/residents/${zhangId}/reveal?fields=idNumber&reason=查看`, analyst)).statusCode).toBe(403);
      expect((await call('GET', `/api/v1/residents/${zhangId}/reveal?fields=idNumber`, staff)).statusCode).toBe(400);
      expect((await call('GET', `/api/v1/residents/${zhangId}/reveal?fields=idNumber&reason=核实身份`, otherStaff)).statusCode).toBe(404);
      const audit = await call('GET', `/api/v1/audit?subjectId=${zhangId}`, admin);
      expect(audit.json().items).toEqual([
        expect.objectContaining({ actor: 'staff-1', action: 'reveal', subjectType: 'resident', subjectId: zhangId, fields: ['idNumber', 'phone'], reason: '核实低保申请', correlationId: 'reveal-1' }),
      ]);
      expect((await call('GET', '/api/v1/audit', staff)).statusCode).toBe(403);
    });

    it('shows a household with its members and names its head', async () => {
      expect((await call('PATCH', `/api/v1/households/${householdId}`, staff, { headResidentId: zhangId })).json().headResidentId).toBe(zhangId);
      const household = await call('GET', `/api/v1/households/${householdId}`, staff);
      expect(household.json().members.map((m: { id: string; phone: string }) => [m.id, m.phone])).toEqual([[zhangId, '138****1234']]);
    });
  });

  describe('businesses', () => {
    it('registers a business with a valid credit code and refuses a bad one', async () => {
      const first17 = '91370502MA3C1234X'.slice(0, 17);
      const creditCode = first17 + usccCheckCharacter(first17);
      const ok = await call('POST', '/api/v1/businesses', admin, { gridCode: SHOPS, name: '淮河路便利店', creditCode, contactName: '王经理', contactPhone: '13905469876' });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({ creditCode, contactPhone: '139****9876' });
      const bad = await call('POST', '/api/v1/businesses', admin, { gridCode: SHOPS, name: 'x', creditCode: `${first17}I` });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'creditCode' })]);
      expect((await call('POST', '/api/v1/businesses', admin, { gridCode: SHOPS, name: 'y', creditCode })).statusCode).toBe(409);
    });
  });

  describe('CSV import', () => {
    const header = 'grid_code,building,room,name,id_number,phone,tags';
    const rows = [
      ...CSV_PEOPLE.map((p, i) => `${GRID},文汇小区5号楼,1-${i + 1}01,居民${i},${p.id},${p.phone},${i === 0 ? 'disabled|low_income' : ''}`),
      `${GRID},文汇小区5号楼,1-601,错号,370502198001019999,,`,
      `${OTHER_GRID},李家楼,1-101,越界,${idNumber('19700101', '555')},,`,
      `${GRID},文汇小区5号楼,1-701,坏标签,${idNumber('19700101', '557')},,vip`,
    ];
    const file = [header, ...rows].join('\n');

    it('stores the valid rows and reports each rejected one with its row, field and reason', async () => {
      const importId = randomUUID();
      const res = await call('POST', `/api/v1/imports/residents?importId=${importId}`, staff, file, { 'content-type': 'text/csv' });
      expect(res.statusCode).toBe(200);
      const report = res.json();
      expect(report).toMatchObject({ id: importId, kind: 'residents', status: 'completed', rowsTotal: 8, created: 5, updated: 0, unchanged: 0, rejected: 3 });
      expect(report.rejections).toEqual([
        { row: 7, field: 'id_number', reason: expect.stringContaining('check character') },
        { row: 8, field: 'grid_code', reason: 'is outside your scope' },
        { row: 9, field: 'tags', reason: expect.stringContaining('vip') },
      ]);
      expect((await call('GET', `/api/v1/imports/${importId}`, staff)).json()).toMatchObject({ id: importId, created: 5, status: 'completed' });
      expect((await call('GET', '/api/v1/residents?tag=disabled', staff)).json().total).toBe(1);
    });

    it('changes nothing when the same file is imported again', async () => {
      const res = await call('POST', '/api/v1/imports/residents', staff, file, { 'content-type': 'text/csv' });
      expect(res.json()).toMatchObject({ created: 0, updated: 0, unchanged: 5, rejected: 3 });
      expect((await call('GET', `/api/v1/residents?unit=${GRID}`, staff)).json().total).toBe(6);
    });

    it('refuses a file whose header lacks a required column, naming it', async () => {
      const res = await call('POST', '/api/v1/imports/residents', staff, 'grid_code,name\n1,2', { 'content-type': 'text/csv' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ field: 'file', reasons: [expect.stringContaining('id_number')] }]);
    });

    it('imports buildings idempotently, updating what changed', async () => {
      const csv = (floors: number) => `grid_code,address,name,floors,units\n${GRID},文汇小区7号楼,7号楼,${floors},2\n${GRID},文汇小区8号楼,,5,\n`;
      expect((await call('POST', '/api/v1/imports/buildings', staff, csv(6), { 'content-type': 'text/csv' })).json()).toMatchObject({ created: 2 });
      expect((await call('POST', '/api/v1/imports/buildings', staff, csv(6), { 'content-type': 'text/csv' })).json()).toMatchObject({ created: 0, unchanged: 2 });
      expect((await call('POST', '/api/v1/imports/buildings', staff, csv(7), { 'content-type': 'text/csv' })).json()).toMatchObject({ updated: 1, unchanged: 1 });
    });
  });

  describe('collection quality', () => {
    it('measures a grid and sums the grids beneath a community', async () => {
      const grid = (await call('GET', `/api/v1/units/${GRID}/quality`, staff)).json();
      expect(grid).toMatchObject({ unitCode: GRID, grids: 1, residents: 6, visitedShare: 0 });
      expect(grid.completeness).toBeGreaterThan(0);
      expect(grid.completeness).toBeLessThan(1);
      const community = (await call('GET', `/api/v1/units/${COMMUNITY}/quality`, admin)).json();
      expect(community).toMatchObject({ grids: 3, residents: 7 });
      expect((await call('GET', `/api/v1/units/${COMMUNITY}/quality`, staff)).statusCode).toBe(403);
    });
  });

  describe('removal', () => {
    it('removes a resident, then the emptied household and building, refusing while they are in use', async () => {
      const building = (await call('POST', '/api/v1/buildings', staff, { gridCode: GRID, address: '拆迁楼' })).json();
      const household = (await call('POST', '/api/v1/households', staff, { buildingId: building.id, room: '1' })).json();
      const resident = (await call('POST', '/api/v1/residents', staff, { householdId: household.id, name: '赵六', idNumber: idNumber('19550505', '321') })).json();
      expect((await call('DELETE', `/api/v1/buildings/${building.id}`, staff)).statusCode).toBe(409);
      expect((await call('DELETE', `/api/v1/households/${household.id}`, staff)).statusCode).toBe(409);
      expect((await call('DELETE', `/api/v1/residents/${resident.id}`, otherStaff)).statusCode).toBe(404);
      expect((await call('DELETE', `/api/v1/residents/${resident.id}`, staff)).statusCode).toBe(204);
      expect((await call('GET', `/api/v1/residents/${resident.id}`, staff)).statusCode).toBe(404);
      expect((await call('DELETE', `/api/v1/households/${household.id}`, staff)).statusCode).toBe(204);
      expect((await call('DELETE', `/api/v1/buildings/${building.id}`, staff)).statusCode).toBe(204);
    });
  });

  describe('personal data protection', () => {
    it('keeps no ID or phone number in clear in the database', async () => {
      const db = await walk.db();
      const { rows } = await db.query(`select row_to_json(t)::text as row from (select * from registry.resident) t
                                       union all select row_to_json(b)::text from (select * from registry.business) b
                                       union all select payload::text from registry.outbox`);
      const dump = rows.map((r) => r.row).join('\n');
      expect(dump.length).toBeGreaterThan(0);
      for (const secret of ALL_SECRETS) expect(dump).not.toContain(secret);
    });

    it('never writes ID or phone numbers to the logs or the events of the whole run', async () => {
      await eventually(async () => expect((await walk.storedEvents('registry')).length).toBeGreaterThan(5));
      const events = (await walk.storedEvents('registry')).map((msg) => new TextDecoder().decode(msg.data));
      const haystack = [registry.logs.text(), gatewayLogs.text(), ...events].join('\n');
      expect(registry.logs.lines.length + gatewayLogs.lines.length).toBeGreaterThan(10);
      for (const secret of ALL_SECRETS) expect(haystack).not.toContain(secret);
      // Any 18-character ID number or mainland mobile, not only the ones this test used.
      expect(haystack.match(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g) ?? []).toEqual([]);
      expect(haystack.match(/(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g) ?? []).toEqual([]);
      // The services' logs hold no resident's name or birth date, and no ciphertext or blind index either.
      const db = await walk.db();
      const stored = await db.query<{ value: string }>(
        `select unnest(array[name, to_char(birth_date, 'YYYY-MM-DD'), id_number_enc, id_number_index, phone_enc, phone_index]) as value from registry.resident
         union all select unnest(array[contact_name, contact_phone_enc, contact_phone_index]) from registry.business`,
      );
      const values = stored.rows.map((r) => r.value).filter((v): v is string => typeof v === 'string' && v.length > 0);
      expect(values.length).toBeGreaterThan(10);
      const logs = [registry.logs.text(), gatewayLogs.text()].join('\n');
      for (const value of values) expect(logs).not.toContain(value);
      expect(logs).not.toMatch(/v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9+/=_-]+\.[A-Za-z0-9+/=_-]+\./);
    });
  });
});
