import { chinaDay } from '@gridline/platform';
import { unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const DAY = 86_400_000;

/**
 * A department or category code the responsibility list does not hold (or no longer uses) is refused with a 400
 * naming the field, wherever it is given, and nothing is stored: an owner nobody is would leave a case or an
 * appeal that no one can sign for.
 */
describe('unknown department and category codes through the gateway', () => {
  let walk: StreetFixture;

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents', 'hotline'], gateway: true });
    const limits = { acceptLimit: { amount: 1, unit: 'working_days' as const }, handleLimit: { amount: 5, unit: 'working_days' as const } };
    await walk.seed({
      units: [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build()],
      departments: [
        { code: 'URBAN_MGMT', name: '城市管理办公室' },
        { code: 'OLD_OFFICE', name: '已撤销的办公室', active: false },
      ],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
        { code: 'ENV.OLD', name: '已停用的小类', parentCode: 'ENV', owner: { level: 'grid' }, ...limits, active: false },
      ],
    });
    await walk.sign({
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
      community: { sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] },
      street: { sub: 'street-1', roles: ['street_admin'], units: [STREET] },
      operator: { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] },
    });
    await walk.untilCreated(() => call('staff', 'POST', '/api/v1/incidents', garbage('probe')));
  });

  afterAll(async () => {
    await walk?.close();
  });

  const call: StreetFixture['call'] = (...args) => walk.call(...args);
  const garbage = (title: string) => ({ categoryCode: 'ENV.GARBAGE', title, description: `${title}：东门外堆放建筑垃圾`, gridCode: GRID, source: 'patrol' });
  const expectRefused = (response: Awaited<ReturnType<typeof call>>, field: string, reason: string) => {
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 400, errors: [{ field, reasons: [reason] }] });
  };

  async function acceptedCase(title: string): Promise<string> {
    const id: string = (await call('staff', 'POST', '/api/v1/incidents', garbage(title))).json().incident.id;
    expect((await call('community', 'POST', `/api/v1/incidents/${id}/actions/accept`)).statusCode).toBe(200);
    return id;
  }

  describe('POST /api/v1/incidents/:id/actions/dispatch', () => {
    it('refuses an unknown or inactive ownerDepartmentCode, and the case stays accepted with no owner', async () => {
      const id = await acceptedCase('无主的派遣');
      expectRefused(await call('community', 'POST', `/api/v1/incidents/${id}/actions/dispatch`, { ownerDepartmentCode: 'NOPE_DEPT' }), 'ownerDepartmentCode', 'NOPE_DEPT is not an active department of the responsibility list');
      expectRefused(await call('community', 'POST', `/api/v1/incidents/${id}/actions/dispatch`, { ownerDepartmentCode: 'OLD_OFFICE' }), 'ownerDepartmentCode', 'OLD_OFFICE is not an active department of the responsibility list');
      const incident = (await call('community', 'GET', `/api/v1/incidents/${id}`)).json();
      expect(incident).toMatchObject({ status: 'accepted', owner: null });
      const timeline = (await call('community', 'GET', `/api/v1/incidents/${id}/timeline`)).json();
      expect(timeline.map((entry: { action: string }) => entry.action)).toEqual(['report', 'accept']);

      // A department on the list is taken, whether incidents' copy has it already or not.
      const dispatched = await call('community', 'POST', `/api/v1/incidents/${id}/actions/dispatch`, { ownerDepartmentCode: 'URBAN_MGMT' });
      expect(dispatched.statusCode).toBe(200);
      expect(dispatched.json()).toMatchObject({ status: 'dispatched', owner: { kind: 'department', departmentCode: 'URBAN_MGMT' } });
    });
  });

  describe('POST /api/v1/incidents/:id/joint-discussion (3+N owners)', () => {
    it('refuses an owner department that is not on the list, and records no discussion', async () => {
      const id = await acceptedCase('研判的无主部门');
      const discussion = { participants: [STREET, 'URBAN_MGMT'], date: chinaDay(), decision: '城管牵头处置' };
      expectRefused(
        await call('street', 'POST', `/api/v1/incidents/${id}/joint-discussion`, { ...discussion, owners: [{ unitCode: COMMUNITY }, { departmentCode: 'NOPE_DEPT' }] }),
        'owners.1.departmentCode',
        'NOPE_DEPT is not an active department of the responsibility list',
      );
      expectRefused(await call('street', 'POST', `/api/v1/incidents/${id}/joint-discussion`, { ...discussion, owners: [{ departmentCode: 'OLD_OFFICE' }] }), 'owners.0.departmentCode', 'OLD_OFFICE is not an active department of the responsibility list');
      expect((await call('street', 'GET', `/api/v1/incidents/${id}/joint-discussion`)).json()).toEqual([]);
      const timeline = (await call('street', 'GET', `/api/v1/incidents/${id}/timeline`)).json();
      expect(timeline.map((entry: { action: string }) => entry.action)).toEqual(['report', 'accept']);
      expect((await call('street', 'POST', `/api/v1/incidents/${id}/joint-discussion`, { ...discussion, owners: [{ departmentCode: 'URBAN_MGMT' }] })).statusCode).toBe(201);
    });
  });

  describe('POST /api/v1/appeals/:id/actions/dispatch', () => {
    it('refuses an unknown lead or co-owner department, and the appeal stays received', async () => {
      const taken = await call('operator', 'POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', content: '路灯不亮' });
      expect(taken.statusCode).toBe(201);
      const id: string = taken.json().appeal.id;
      const dispatch = (body: object) => call('operator', 'POST', `/api/v1/appeals/${id}/actions/dispatch`, body);
      expectRefused(await dispatch({ lead: { departmentCode: 'NOPE_DEPT' } }), 'lead.departmentCode', 'NOPE_DEPT is not an active department of the responsibility list');
      expectRefused(await dispatch({ lead: { departmentCode: 'OLD_OFFICE' } }), 'lead.departmentCode', 'OLD_OFFICE is not an active department of the responsibility list');
      expectRefused(
        await dispatch({ lead: { departmentCode: 'URBAN_MGMT' }, coOwners: [{ unitCode: COMMUNITY }, { departmentCode: 'NOPE_DEPT' }] }),
        'coOwners.1.departmentCode',
        'NOPE_DEPT is not an active department of the responsibility list',
      );
      const appeal = (await call('operator', 'GET', `/api/v1/appeals/${id}`)).json();
      expect(appeal).toMatchObject({ status: 'received', lead: null, coOwners: [] });
      expect((await call('operator', 'GET', `/api/v1/appeals/${id}/timeline`)).json()).toHaveLength(1);

      const dispatched = await dispatch({ lead: { departmentCode: 'URBAN_MGMT' }, coOwners: [{ unitCode: COMMUNITY }] });
      expect(dispatched.statusCode).toBe(200);
      expect(dispatched.json()).toMatchObject({ status: 'dispatched', lead: { kind: 'department', departmentCode: 'URBAN_MGMT' } });
    });
  });

  describe('POST /api/v1/appeals', () => {
    it('refuses a categoryCode that is not an active category, and takes no appeal', async () => {
      const before = (await call('operator', 'GET', '/api/v1/appeals')).json();
      const content = `分类不存在的诉求 ${Date.now() % DAY}`;
      expectRefused(await call('operator', 'POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', content, categoryCode: 'NOPE.CAT' }), 'categoryCode', 'NOPE.CAT is not an active category of the responsibility list');
      expectRefused(await call('operator', 'POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', content, categoryCode: 'ENV.OLD' }), 'categoryCode', 'ENV.OLD is not an active category of the responsibility list');
      const after = (await call('operator', 'GET', '/api/v1/appeals')).json();
      expect(after.total ?? after.items?.length).toBe(before.total ?? before.items?.length);

      const taken = await call('operator', 'POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', content, categoryCode: 'ENV.GARBAGE' });
      expect(taken.statusCode).toBe(201);
      expect(taken.json().appeal).toMatchObject({ categoryCode: 'ENV.GARBAGE' });
    });
  });
});
