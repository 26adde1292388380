import { GatewayConfig, createGatewayApp, type GatewayApp } from '@gridline/app-gateway';
import { HotlineAppModule, HotlineConfig } from '@gridline/app-hotline';
import { IncidentsAppModule, IncidentsConfig } from '@gridline/app-incidents';
import { RegistryAppModule, RegistryConfig } from '@gridline/app-registry';
import { loadConfig } from '@gridline/platform';
import { SYSTEM_CALLER } from '@gridline/auth';
import { RegistryClient } from '@gridline/contracts-registry';
import { TestPlatform, eventually, testToken, unitFactory, TEST_SERVERS } from '@gridline/testing';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const DAY = 86_400_000;
/** A day in China (UTC+8), today. */
const chinaDay = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * A department or category code the responsibility list does not hold (or no longer uses) is refused with a 400
 * naming the field, wherever it is given, and nothing is stored: an owner nobody is would leave a case or an
 * appeal that no one can sign for.
 */
describe('unknown department and category codes through the gateway', () => {
  let platform: TestPlatform;
  let gateway: GatewayApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    platform = await TestPlatform.create();
    await platform.start('registry', RegistryConfig, (config) => RegistryAppModule.register(config));
    await platform.start('incidents', IncidentsConfig, (config) => IncidentsAppModule.register(config));
    await platform.start('hotline', HotlineConfig, (config) => HotlineAppModule.register(config));
    gateway = await createGatewayApp(loadConfig(GatewayConfig, { NATS_URL: TEST_SERVERS.natsUrl, NATS_PREFIX: platform.prefix, LOG_LEVEL: 'warn' }));
    const registry = new RegistryClient(await platform.bus('seed'));
    for (const unit of [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build()]) {
      await registry.createUnit(SYSTEM_CALLER, unit);
    }
    await registry.createDepartment(SYSTEM_CALLER, { code: 'URBAN_MGMT', name: '城市管理办公室' });
    await registry.createDepartment(SYSTEM_CALLER, { code: 'OLD_OFFICE', name: '已撤销的办公室' });
    await registry.updateDepartment(SYSTEM_CALLER, 'OLD_OFFICE', { active: false });
    await registry.createCategory(SYSTEM_CALLER, { code: 'ENV', name: '环境卫生' });
    const limits = { acceptLimit: { amount: 1, unit: 'working_days' as const }, handleLimit: { amount: 5, unit: 'working_days' as const } };
    await registry.createCategory(SYSTEM_CALLER, { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits });
    await registry.createCategory(SYSTEM_CALLER, { code: 'ENV.OLD', name: '已停用的小类', parentCode: 'ENV', owner: { level: 'grid' }, ...limits });
    await registry.updateCategory(SYSTEM_CALLER, 'ENV.OLD', { active: false });

    tokens.staff = await testToken({ sub: 'staff-1', roles: ['grid_staff'], units: [GRID] });
    tokens.community = await testToken({ sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] });
    tokens.street = await testToken({ sub: 'street-1', roles: ['street_admin'], units: [STREET] });
    tokens.operator = await testToken({ sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] });
    // Incidents keeps its own copy of the map and the categories: wait until it has them.
    await eventually(async () => expect((await call('staff', 'POST', '/api/v1/incidents', garbage('probe'))).statusCode).toBe(201), { timeoutMs: 15_000 });
  });

  afterAll(async () => {
    await gateway?.app.close();
    await platform?.close();
  });

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    gateway.app.inject({ method, url, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
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
        'owners[1].departmentCode',
        'NOPE_DEPT is not an active department of the responsibility list',
      );
      expectRefused(await call('street', 'POST', `/api/v1/incidents/${id}/joint-discussion`, { ...discussion, owners: [{ departmentCode: 'OLD_OFFICE' }] }), 'owners[0].departmentCode', 'OLD_OFFICE is not an active department of the responsibility list');
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
        'coOwners[1].departmentCode',
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
