import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { connect, Events, type NatsConnection as RawNats } from 'nats';
import { AnalyticsAppModule, AnalyticsConfig } from '@gridline/app-analytics';
import { GatewayConfig, createGatewayApp, type GatewayApp } from '@gridline/app-gateway';
import { HotlineAppModule, HotlineConfig } from '@gridline/app-hotline';
import { IncidentsAppModule, IncidentsConfig } from '@gridline/app-incidents';
import { PartyBuildingAppModule, PartyBuildingConfig } from '@gridline/app-party-building';
import { RegistryAppModule, RegistryConfig } from '@gridline/app-registry';
import { SYSTEM_CALLER } from '@gridline/auth';
import { connectStandaloneBus } from '@gridline/messaging';
import { loadConfig, residentIdCheckCharacter } from '@gridline/platform';
import { MembersClient, OrganisationsClient, RegistrationsClient } from '@gridline/contracts-party-building';
import { RegistryClient, RegistryPeopleClient } from '@gridline/contracts-registry';
import { PrivateNatsServer, TestPlatform, eventually, testToken, unitFactory } from '@gridline/testing';

/** The configuration that deploy/ and docker-compose run, exactly as committed. */
const CONF = join(__dirname, '..', '..', '..', 'deploy', 'nats', 'nats-server.conf');
const USERS = ['registry', 'incidents', 'hotline', 'analytics', 'party-building', 'gateway', 'seed'] as const;
type User = (typeof USERS)[number];
// The server parses an environment value like a config value: a password must not read as a number or a boolean.
const passwords = Object.fromEntries(USERS.map((u) => [u, `pw_${randomBytes(12).toString('hex')}`])) as Record<User, string>;
const serverEnv = Object.fromEntries(USERS.map((u) => [`${u.toUpperCase().replace('-', '_')}_NATS_PASSWORD`, passwords[u]]));

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';

/**
 * NATS itself is a second fence: with deploy/nats/nats-server.conf every process has its own user and may take only
 * its own requests, publish only its own events and read only the streams it consumes. The platform still works
 * end to end under it.
 */
describe('NATS users and permissions (deploy/nats/nats-server.conf)', () => {
  let server: PrivateNatsServer;
  let platform: TestPlatform;
  let gateway: GatewayApp;
  const open: RawNats[] = [];
  const creds = (user: User) => ({ NATS_URL: server.url, NATS_USER: user, NATS_PASSWORD: passwords[user], NATS_PREFIX: '' });

  async function as(user: User): Promise<RawNats> {
    const nc = await connect({ servers: server.url, user, pass: passwords[user], inboxPrefix: `_INBOX_${user}` });
    open.push(nc);
    return nc;
  }

  /** Resolves when the server refuses `subject` for this connection (a permissions violation), after `act`. */
  async function refused(nc: RawNats, operation: 'publish' | 'subscription', subject: string, act: () => void): Promise<void> {
    const denied = (async () => {
      for await (const status of nc.status()) {
        const context = (status as { permissionContext?: { operation: string; subject: string } }).permissionContext;
        if (status.type === Events.Error && context?.operation === operation && context.subject === subject) return;
      }
    })();
    act();
    await denied;
  }

  beforeAll(async () => {
    server = await PrivateNatsServer.start({ config: CONF, env: serverEnv, probe: { user: 'gateway', pass: passwords.gateway } });
    platform = await TestPlatform.create();
    // Incidents and analytics start before the hotline, whose stream they read: they wait for it, as in production.
    await platform.start('registry', RegistryConfig, (config) => RegistryAppModule.register(config), creds('registry'));
    await platform.start('incidents', IncidentsConfig, (config) => IncidentsAppModule.register(config), creds('incidents'));
    await platform.start('analytics', AnalyticsConfig, (config) => AnalyticsAppModule.register(config), creds('analytics'));
    await platform.start('hotline', HotlineConfig, (config) => HotlineAppModule.register(config), creds('hotline'));
    await platform.start('party-building', PartyBuildingConfig, (config) => PartyBuildingAppModule.register(config), creds('party-building'));
    gateway = await createGatewayApp(loadConfig(GatewayConfig, { ...creds('gateway'), LOG_LEVEL: 'warn' }));
    const seed = await connectStandaloneBus('seed', { ...creds('seed'), REQUEST_TIMEOUT_MS: 10_000 });
    try {
      const registry = new RegistryClient(seed.bus);
      for (const unit of [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build()]) {
        await registry.createUnit(SYSTEM_CALLER, unit);
      }
      await registry.createCategory(SYSTEM_CALLER, { code: 'ENV', name: '环境卫生' });
      const limits = { acceptLimit: { amount: 1, unit: 'working_days' as const }, handleLimit: { amount: 5, unit: 'working_days' as const } };
      await registry.createCategory(SYSTEM_CALLER, { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits });
    } finally {
      await seed.close();
    }
  });

  afterAll(async () => {
    for (const nc of open) await nc.close();
    await gateway?.app.close();
    await platform?.close();
    await server?.dispose();
  });

  it('refuses a connection without credentials, or with a wrong password', async () => {
    await expect(connect({ servers: server.url, reconnect: false })).rejects.toMatchObject({ code: 'AUTHORIZATION_VIOLATION' });
    await expect(connect({ servers: server.url, user: 'registry', pass: 'guess', reconnect: false })).rejects.toMatchObject({ code: 'AUTHORIZATION_VIOLATION' });
  });

  it("does not let the registry's user take the incidents' requests", async () => {
    const nc = await as('registry');
    await refused(nc, 'subscription', 'incidents.>', () => nc.subscribe('incidents.>', { queue: 'incidents' }));
  });

  it("does not let the registry's user publish the incidents' events, nor the gateway's publish any event", async () => {
    const registry = await as('registry');
    await refused(registry, 'publish', 'events.incidents.incident.reported', () => registry.publish('events.incidents.incident.reported'));
    const gatewayUser = await as('gateway');
    await refused(gatewayUser, 'publish', 'events.registry.unit.created', () => gatewayUser.publish('events.registry.unit.created'));
  });

  it("does not let the registry's user read the hotline's stream, send hotline requests or read others' replies", async () => {
    const nc = await as('registry');
    await refused(nc, 'publish', '$JS.API.CONSUMER.INFO.GRIDLINE_HOTLINE.spy', () => nc.publish('$JS.API.CONSUMER.INFO.GRIDLINE_HOTLINE.spy'));
    await refused(nc, 'publish', 'hotline.appeal.get', () => nc.publish('hotline.appeal.get'));
    await refused(nc, 'subscription', '_INBOX_gateway.>', () => nc.subscribe('_INBOX_gateway.>'));
  });

  it('still runs the platform: a case reported through the gateway, the units and the case counted by analytics from events', async () => {
    const staff = await testToken({ sub: 'staff-1', roles: ['grid_staff'], units: [GRID] });
    const admin = await testToken({ sub: 'admin-1', roles: ['admin'] });
    const report = { categoryCode: 'ENV.GARBAGE', title: '东门堆放垃圾', description: '东门外堆放建筑垃圾', location: { lat: 37.405, lng: 118.505, address: '文汇小区东门' }, source: 'patrol' };
    // Incidents learns the map and categories from the registry's stream, and asks the registry to locate the report.
    await eventually(
      async () => {
        const res = await gateway.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { authorization: `Bearer ${staff}` }, payload: report });
        expect(res.statusCode).toBe(201);
        expect(res.json().incident.gridCode).toBe(GRID);
      },
      { timeoutMs: 20_000 },
    );
    await eventually(async () => {
      const res = await gateway.app.inject({ method: 'GET', url: '/api/v1/analytics/overview', headers: { authorization: `Bearer ${admin}` } });
      expect(res.json()).toMatchObject({ grids: 1 });
    });
    // Analytics reads incidents' stream with its own user: the case counts in the hot spots.
    await eventually(async () => {
      const res = await gateway.app.inject({ method: 'GET', url: `/api/v1/analytics/hotspots?unit=${GRID}&by=grid`, headers: { authorization: `Bearer ${admin}` } });
      expect(res.json()).toMatchObject({ total: 1 });
    });
    const hotline = await gateway.app.inject({ method: 'GET', url: '/api/v1/appeals', headers: { authorization: `Bearer ${admin}` } });
    expect(hotline.statusCode).toBe(200);
  });

  it('still hands an approved party registration to the registry: its stream read, the member’s name asked of party-building, the answer read back', async () => {
    const { bus, close } = await connectStandaloneBus('gateway', { ...creds('gateway'), REQUEST_TIMEOUT_MS: 10_000 });
    try {
      const admin = { sub: 'admin-1', roles: ['admin' as const], units: [] };
      const organisations = new OrganisationsClient(bus);
      // party-building's copy of the map follows the registry's stream.
      const top = await eventually(() => organisations.create(admin, { name: '街道党工委', level: 'working_committee', unitCode: STREET }), { timeoutMs: 20_000 });
      const committee = await organisations.create(admin, { name: '社区党委', level: 'party_committee', parentId: top.id, unitCode: COMMUNITY });
      const branch = await organisations.create(admin, { name: '网格支部', level: 'branch', parentId: committee.id, unitCode: GRID });
      const first17 = '37050219850317011';
      const member = await new MembersClient(bus).create(admin, {
        name: '王小明', idNumber: first17 + residentIdCheckCharacter(first17), phone: '13805461234', status: 'full', joinedOn: '2010-07-01', organisationId: branch.id, homeGridCode: GRID,
      });
      const registrations = new RegistrationsClient(bus);
      const submitted = await registrations.submit(admin, { memberId: member.id, workUnit: '某某局', workUnitPartyOrganisation: '某某局机关党委', communityCode: COMMUNITY, gridCode: GRID, post: 'volunteer' });
      await registrations.approve(admin, submitted.id);
      const done = await eventually(async () => {
        const view = await registrations.get(admin, submitted.id);
        expect(view.handoff.status).toBe('done');
        return view;
      }, { timeoutMs: 20_000 });
      const people = await new RegistryPeopleClient(bus).unitPeople(admin, GRID, { role: 'in_service_party_member' });
      expect(people).toEqual([expect.objectContaining({ id: done.handoff.assignmentId, personName: '王小明' })]);
    } finally {
      await close();
    }
  });
});
