import { unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_GRID = '370502003001002';
const OTHER_STREET = '370502004';
const CALLER = { name: '王秀英', phone: '13805469999' };

/**
 * The callback needs the caller's phone: an audited reveal for the hotline and the appeal's lead owner, with a reason,
 * like the residents' reveal. Everyone else — and every other answer — keeps the caller masked.
 */
describe('GET /api/v1/appeals/:id/reveal', () => {
  let walk: StreetFixture;
  let appealId: string;

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'hotline'], gateway: true });
    const limits = { acceptLimit: { amount: 2, unit: 'working_hours' as const }, handleLimit: { amount: 1, unit: 'working_days' as const } };
    await walk.seed({
      units: [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build(), unitFactory().grid(OTHER_GRID).at(118.51, 37.4).build()],
      departments: [{ code: 'URBAN_MGMT', name: '城市管理办公室' }],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.SEWAGE', name: '污水外溢', parentCode: 'ENV', owner: { departmentCode: 'URBAN_MGMT' }, ...limits },
      ],
    });
    await walk.sign({
      operator: { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] },
      otherOperator: { sub: 'operator-2', roles: ['hotline_operator'], units: [OTHER_STREET] },
      department: { sub: 'dept-1', roles: ['department'], units: ['URBAN_MGMT'] },
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
      otherStaff: { sub: 'staff-2', roles: ['grid_staff'], units: [OTHER_GRID] },
      analyst: { sub: 'analyst-1', roles: ['analyst'], units: [STREET] },
      admin: { sub: 'admin-1', roles: ['admin'] },
    });
    const taken = await call('operator', 'POST', '/api/v1/appeals', { channel: 'phone', type: 'report', caller: CALLER, content: '路口污水外溢', categoryCode: 'ENV.SEWAGE', location: { lat: 37.405, lng: 118.505, address: '文汇小区东门' } });
    expect(taken.statusCode).toBe(201);
    appealId = taken.json().appeal.id;
  });

  afterAll(async () => {
    await walk?.close();
  });

  const call: StreetFixture['call'] = (...args) => walk.call(...args);
  const reveal = (who: string, query: string, id = appealId) => call(who, 'GET', `/api/v1/appeals/${id}/reveal?${query}`);
  const audited = async () => (await call('admin', 'GET', `/api/v1/appeals/audit?appealId=${appealId}`)).json();

  it('shows the operator the phone asked for, with the reason kept in the audit log first', async () => {
    const res = await reveal('operator', 'fields=phone&reason=' + encodeURIComponent('回访核实办理结果'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: appealId, phone: CALLER.phone });
    const log = await audited();
    expect(log.items).toEqual([expect.objectContaining({ actor: 'operator-1', actorRoles: ['hotline_operator'], appealId, fields: ['phone'], reason: '回访核实办理结果' })]);
    // The appeal itself stays masked.
    const appeal = (await call('operator', 'GET', `/api/v1/appeals/${appealId}`)).json();
    expect(JSON.stringify(appeal)).not.toContain(CALLER.phone);
    expect(JSON.stringify(appeal)).not.toContain(CALLER.name);
  });

  it('lets the lead department see the caller for its first contact once the appeal is dispatched to it', async () => {
    expect((await reveal('department', 'fields=name,phone&reason=' + encodeURIComponent('首次联系来电人'))).statusCode).toBe(404);
    expect((await call('operator', 'POST', `/api/v1/appeals/${appealId}/actions/dispatch`, {})).json().lead).toMatchObject({ kind: 'department', departmentCode: 'URBAN_MGMT' });
    const res = await reveal('department', 'fields=name,phone&reason=' + encodeURIComponent('首次联系来电人'));
    expect(res.json()).toEqual({ id: appealId, name: CALLER.name, phone: CALLER.phone });
  });

  it('refuses a missing or short reason and unknown fields naming them, auditing nothing', async () => {
    const before = (await audited()).total;
    const noReason = await reveal('operator', 'fields=phone');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    const bad = await reveal('operator', 'fields=idNumber&reason=abc');
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['fields', 'reason']);
    expect((await audited()).total).toBe(before);
  });

  it('refuses roles that have no callback to make, and answers outside the scope as if the appeal did not exist', async () => {
    const before = (await audited()).total;
    const query = 'fields=phone&reason=' + encodeURIComponent('想看看号码');
    expect((await reveal('analyst', query)).statusCode).toBe(403);
    // The grid's staff see the appeal (it lies in their grid) but neither operate nor lead it.
    expect((await call('staff', 'GET', `/api/v1/appeals/${appealId}`)).statusCode).toBe(200);
    expect((await reveal('staff', query)).statusCode).toBe(403);
    for (const who of ['otherStaff', 'otherOperator']) {
      const res = await reveal(who, query);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('APPEAL_NOT_FOUND');
    }
    expect((await reveal('operator', query, '00000000-0000-4000-8000-000000000001')).statusCode).toBe(404);
    expect((await audited()).total).toBe(before);
  });

  it('answers null for an anonymous caller, and keeps the audit log to admins', async () => {
    const { appeal } = (await call('operator', 'POST', '/api/v1/appeals', { channel: 'web', type: 'consultation', caller: { anonymous: true }, content: '社区医保报销在哪里办理？' })).json();
    expect((await reveal('operator', 'fields=phone&reason=' + encodeURIComponent('回访核实'), appeal.id)).json()).toEqual({ id: appeal.id, phone: null });
    expect((await call('operator', 'GET', '/api/v1/appeals/audit')).statusCode).toBe(403);
  });
});
