import { AnalyticsAppModule, AnalyticsConfig } from '@gridline/app-analytics';
import { GatewayConfig, createGatewayApp, type GatewayApp } from '@gridline/app-gateway';
import { HotlineAppModule, HotlineConfig } from '@gridline/app-hotline';
import { RegistryAppModule, RegistryConfig } from '@gridline/app-registry';
import { loadConfig } from '@gridline/platform';
import { SYSTEM_CALLER } from '@gridline/auth';
import { RegistryClient } from '@gridline/contracts-registry';
import { TestPlatform, eventually, testToken, TEST_SERVERS } from '@gridline/testing';

const STREET = '370502003';

describe('GET /api/v1/analytics/hotline', () => {
  let platform: TestPlatform;
  let gateway: GatewayApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    platform = await TestPlatform.create();
    await platform.start('registry', RegistryConfig, (config) => RegistryAppModule.register(config));
    // The figures go out at most once a second here (an hour by default), looked for every 100 ms.
    await platform.start('hotline', HotlineConfig, (config) => HotlineAppModule.register(config), { HOTLINE_FIGURES_POLL_MS: '100', HOTLINE_FIGURES_INTERVAL_SECONDS: '1' });
    await platform.start('analytics', AnalyticsConfig, (config) => AnalyticsAppModule.register(config));
    gateway = await createGatewayApp(loadConfig(GatewayConfig, { NATS_URL: TEST_SERVERS.natsUrl, NATS_PREFIX: platform.prefix, LOG_LEVEL: 'warn' }));
    // A dispatch names a department of the responsibility list.
    await new RegistryClient(await platform.bus('seed')).createDepartment(SYSTEM_CALLER, { code: 'URBAN_MGMT', name: '城市管理办公室' });
    tokens.operator = await testToken({ sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] });
    tokens.department = await testToken({ sub: 'dept-1', roles: ['department'], units: ['URBAN_MGMT'] });
    tokens.analyst = await testToken({ sub: 'analyst-1', roles: ['analyst'], units: [STREET] });
    tokens.staff = await testToken({ sub: 'staff-1', roles: ['grid_staff'], units: [`${STREET}001001`] });
  });

  afterAll(async () => {
    await gateway?.app.close();
    await platform?.close();
  });

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    gateway.app.inject({ method, url, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  const act = async (who: string, id: string, action: string, body: object = {}) => expect((await call(who, 'POST', `/api/v1/appeals/${id}/actions/${action}`, body)).statusCode).toBe(200);

  it('shows each lead owner’s three rates as the hotline publishes them', async () => {
    for (const [satisfaction, resolution] of [
      ['satisfied', 'resolved'],
      ['basically_satisfied', 'partly_resolved'],
    ]) {
      const taken = await call('operator', 'POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', content: '路灯不亮' });
      const id = taken.json().appeal.id;
      await act('operator', id, 'dispatch', { lead: { departmentCode: 'URBAN_MGMT' } });
      await act('department', id, 'sign');
      await act('department', id, 'answer', { resolution, text: '已安排维修' });
      await act('operator', id, 'callback', { satisfaction });
    }

    await eventually(
      async () => {
        const res = await call('analyst', 'GET', '/api/v1/analytics/hotline');
        expect(res.statusCode).toBe(200);
        expect(res.json().owners).toEqual([
          expect.objectContaining({ owner: 'URBAN_MGMT', appeals: 2, responseRate: 1, resolutionRate: 0.5, satisfactionRate: 1, from: expect.any(String), updatedAt: expect.any(String) }),
        ]);
      },
      { timeoutMs: 10_000 },
    );
    const { owners } = (await call('analyst', 'GET', '/api/v1/analytics/hotline')).json();
    expect(new Date(owners[0].to).getTime() - new Date(owners[0].from).getTime()).toBe(30 * 86_400_000);
  });

  it('is for those who read the hotline’s figures', async () => {
    expect((await call('staff', 'GET', '/api/v1/analytics/hotline')).statusCode).toBe(403);
  });
});
