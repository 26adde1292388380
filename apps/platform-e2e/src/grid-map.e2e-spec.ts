import { AnalyticsAppModule, AnalyticsConfig } from '@gridline/app-analytics';
import { GatewayConfig, createGatewayApp, type GatewayApp } from '@gridline/app-gateway';
import { RegistryAppModule, RegistryConfig } from '@gridline/app-registry';
import { loadConfig } from '@gridline/platform';
import { connect } from 'nats';
import { streamName } from '@gridline/messaging';
import { TestPlatform, eventually, testToken, unitFactory, TEST_SERVERS } from '@gridline/testing';

const STREET = '370502003';
const COMMUNITY = '370502003001';

describe('the grid map from the gateway to the analytics overview', () => {
  let platform: TestPlatform;
  let gateway: GatewayApp;
  let admin: string;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    await platform.start('registry', RegistryConfig, (config) => RegistryAppModule.register(config));
    await platform.start('analytics', AnalyticsConfig, (config) => AnalyticsAppModule.register(config));
    gateway = await createGatewayApp(loadConfig(GatewayConfig, { NATS_URL: TEST_SERVERS.natsUrl, NATS_PREFIX: platform.prefix, LOG_LEVEL: 'warn' }));
    admin = await testToken({ roles: ['admin'] });
  });

  afterAll(async () => {
    await gateway?.app.close();
    await platform?.close();
  });

  const overview = async (token: string) => {
    const res = await gateway.app.inject({ method: 'GET', url: '/api/v1/analytics/overview', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const create = async (body: object) => {
    const res = await gateway.app.inject({ method: 'POST', url: '/api/v1/units', headers: { authorization: `Bearer ${admin}` }, payload: body });
    expect(res.statusCode).toBe(201);
  };

  it('counts each unit created through the gateway, in the caller scope', async () => {
    expect(await overview(admin)).toEqual({ streets: 0, communities: 0, grids: 0, exclusiveGrids: 0 });

    await create(unitFactory().street(STREET).build());
    await create(unitFactory().community(COMMUNITY).build());
    await create(unitFactory().community('370502003002').build());
    await create(unitFactory().grid(`${COMMUNITY}001`).at(118.5, 37.4).build());
    await create(unitFactory().grid(`${COMMUNITY}002`).at(118.51, 37.4).build());
    await create(unitFactory().exclusiveGrid(`${STREET}900001`, 'commercial').under(STREET).at(118.52, 37.4).build());

    await eventually(async () => expect(await overview(admin)).toEqual({ streets: 1, communities: 2, grids: 2, exclusiveGrids: 1 }), { timeoutMs: 5000 });
    const communityAdmin = await testToken({ roles: ['community_admin'], units: [COMMUNITY] });
    expect(await overview(communityAdmin)).toEqual({ streets: 0, communities: 1, grids: 2, exclusiveGrids: 0 });
  });

  it('carries the correlation id of the request into the event', async () => {
    const res = await gateway.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { authorization: `Bearer ${admin}`, 'x-correlation-id': 'e2e-correlation-1' },
      payload: unitFactory().community('370502003003').build(),
    });
    expect(res.statusCode).toBe(201);
    const nc = await connect({ servers: TEST_SERVERS.natsUrl });
    try {
      const jsm = await nc.jetstreamManager();
      const stream = streamName(platform.prefix, 'registry');
      await eventually(async () => {
        const event = (await jsm.streams.getMessage(stream, { last_by_subj: `${platform.prefix}.events.registry.unit.created` })).json<{ subject: string; correlationid: string }>();
        expect(event).toMatchObject({ subject: '370502003003', correlationid: 'e2e-correlation-1' });
      });
    } finally {
      await nc.close();
    }
  });

  it('follows a unit being deactivated', async () => {
    const res = await gateway.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${COMMUNITY}002`,
      headers: { authorization: `Bearer ${admin}` },
      payload: { active: false },
    });
    expect(res.statusCode).toBe(200);
    await eventually(async () => expect((await overview(admin)).grids).toBe(1));
  });
});
