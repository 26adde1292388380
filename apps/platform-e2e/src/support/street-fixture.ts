import { connect, type JetStreamClient, type JetStreamManager, type StoredMsg } from 'nats';
import { Client } from 'pg';
import { AnalyticsAppModule, AnalyticsConfig } from '@gridline/app-analytics';
import { GatewayConfig, createGatewayApp, type GatewayApp } from '@gridline/app-gateway';
import { HotlineAppModule, HotlineConfig } from '@gridline/app-hotline';
import { IncidentsAppModule, IncidentsConfig } from '@gridline/app-incidents';
import { PartyBuildingAppModule, PartyBuildingConfig } from '@gridline/app-party-building';
import { RegistryAppModule, RegistryConfig } from '@gridline/app-registry';
import { SYSTEM_CALLER } from '@gridline/auth';
import { streamName, type BusClient } from '@gridline/messaging';
import { chinaDay, createLogger, loadConfig } from '@gridline/platform';
import { RegistryClient, type CreateCategoryRequest, type CreateDepartmentRequest, type CreateUnitRequest } from '@gridline/contracts-registry';
import { LogCapture, TEST_SERVERS, TestPlatform, eventually, testToken, type RunningTestService } from '@gridline/testing';

const SERVICES = {
  registry: (platform: TestPlatform, env?: Record<string, string>) => platform.start('registry', RegistryConfig, (config) => RegistryAppModule.register(config), env),
  incidents: (platform: TestPlatform, env?: Record<string, string>) => platform.start('incidents', IncidentsConfig, (config) => IncidentsAppModule.register(config), env),
  hotline: (platform: TestPlatform, env?: Record<string, string>) => platform.start('hotline', HotlineConfig, (config) => HotlineAppModule.register(config), env),
  analytics: (platform: TestPlatform, env?: Record<string, string>) => platform.start('analytics', AnalyticsConfig, (config) => AnalyticsAppModule.register(config), env),
  'party-building': (platform: TestPlatform, env?: Record<string, string>) =>
    platform.start('party-building', PartyBuildingConfig, (config) => PartyBuildingAppModule.register(config), env),
};

/** The day in China `days` from today (negative: before), as YYYY-MM-DD. */
export function chinaDayFromToday(days: number): string {
  return chinaDay(new Date(Date.now() + days * 86_400_000));
}

/** The fields a gateway's 400 names (its `errors[].field`), in order; none when it names none. */
export function fieldsOf(res: { json(): { errors?: { field: string }[] } }): string[] {
  return (res.json().errors ?? []).map((e) => e.field);
}

export type ServiceName = keyof typeof SERVICES;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Claims = Parameters<typeof testToken>[0];
type Response = Awaited<ReturnType<GatewayApp['app']['inject']>>;

export interface StreetFixtureOptions {
  /** Started in this order, each the way its process starts; `[name, env]` for settings over the test defaults. */
  services: (ServiceName | [ServiceName, Record<string, string>])[];
  /** A gateway on the platform (its logs in `gatewayLogs`), with these settings over `LOG_LEVEL: 'warn'`; none when false. */
  gateway?: boolean | Record<string, string>;
}

/** What a walk needs in the registry before it starts; `active: false` creates the entry and then retires it. */
export interface StreetSeed {
  units?: CreateUnitRequest[];
  departments?: (CreateDepartmentRequest & { active?: false })[];
  categories?: (CreateCategoryRequest & { active?: false })[];
}

/**
 * A whole-path walk's platform: the services on a TestPlatform of the test file's own (database and prefix), a
 * gateway in front of them, the registry seeded as the seed does, a token per person, and the ways the walks ask
 * the gateway, the database and the streams — all closed by close().
 */
export class StreetFixture {
  /** Each person's token by the name the walk calls them. */
  readonly tokens: Record<string, string> = {};
  readonly gatewayLogs = new LogCapture();
  private readonly gateways: GatewayApp[] = [];
  private readonly clients: Client[] = [];
  private readonly running = new Map<ServiceName, RunningTestService>();
  private main?: GatewayApp;

  private constructor(
    readonly platform: TestPlatform,
    /** A bus that signs as the seed does (SYSTEM_CALLER): setup, never the walk itself. */
    readonly seedBus: BusClient,
    readonly registry: RegistryClient,
  ) {}

  static async start(options: StreetFixtureOptions): Promise<StreetFixture> {
    const platform = await TestPlatform.create();
    try {
      const running = new Map<ServiceName, RunningTestService>();
      for (const entry of options.services) {
        const [name, env] = typeof entry === 'string' ? [entry, undefined] : entry;
        const service = await SERVICES[name](platform, env);
        if (!running.has(name)) running.set(name, service);
      }
      const seedBus = await platform.bus('seed');
      const fixture = new StreetFixture(platform, seedBus, new RegistryClient(seedBus));
      for (const [name, service] of running) fixture.running.set(name, service);
      if (options.gateway !== false && options.gateway !== undefined) {
        fixture.main = await fixture.startGateway(options.gateway === true ? {} : options.gateway, fixture.gatewayLogs);
      }
      return fixture;
    } catch (error) {
      await platform.close();
      throw error;
    }
  }

  get prefix(): string {
    return this.platform.prefix;
  }

  /** The gateway started with the fixture. */
  get gateway(): GatewayApp {
    if (!this.main) throw new Error('this fixture was started without a gateway');
    return this.main;
  }

  /** The first running instance of a service (its logs, its Nest app). */
  service(name: ServiceName): RunningTestService {
    const running = this.running.get(name);
    if (!running) throw new Error(`${name} is not running on this platform`);
    return running;
  }

  /** Another gateway on this platform (closed with the fixture), with these settings over `LOG_LEVEL: 'warn'`. */
  async startGateway(env: Record<string, string> = {}, logs = new LogCapture()): Promise<GatewayApp> {
    const config = loadConfig(GatewayConfig, { NATS_URL: TEST_SERVERS.natsUrl, NATS_PREFIX: this.prefix, LOG_LEVEL: 'warn', ...env });
    const gateway = await createGatewayApp(config, createLogger('gateway', config.LOG_LEVEL, logs));
    this.gateways.push(gateway);
    return gateway;
  }

  /** Creates units, then departments, then categories, as the seed does (categories may name a department). */
  async seed(seed: StreetSeed): Promise<void> {
    for (const unit of seed.units ?? []) await this.registry.createUnit(SYSTEM_CALLER, unit);
    for (const { active, ...department } of seed.departments ?? []) {
      await this.registry.createDepartment(SYSTEM_CALLER, department);
      if (active === false) await this.registry.updateDepartment(SYSTEM_CALLER, department.code, { active });
    }
    for (const { active, ...category } of seed.categories ?? []) {
      await this.registry.createCategory(SYSTEM_CALLER, category);
      if (active === false) await this.registry.updateCategory(SYSTEM_CALLER, category.code, { active });
    }
  }

  /** Signs a development token for each named person, kept in `tokens` under that name. */
  async sign(people: Record<string, Claims>): Promise<void> {
    for (const [who, claims] of Object.entries(people)) this.tokens[who] = await testToken(claims);
  }

  /** A request through the gateway as the named person (`tokens[who]`). */
  call(who: string, method: Method, url: string, payload?: object | string, headers: Record<string, string> = {}): Promise<Response> {
    return this.gateway.app.inject({ method, url, headers: { authorization: `Bearer ${this.tokens[who]}`, ...headers }, ...(payload !== undefined ? { payload } : {}) });
  }

  /**
   * Sends until it answers 201: the services keep their own copies of the map and the categories from the
   * registry's events, and a walk's first create waits until they have them.
   */
  untilCreated(send: () => Promise<Response>): Promise<Response> {
    return eventually(
      async () => {
        const response = await send();
        expect(response.statusCode).toBe(201);
        return response;
      },
      { timeoutMs: 15_000 },
    );
  }

  /** A connected client of the platform's database, ended by close(). */
  async db(): Promise<Client> {
    const client = new Client({ connectionString: this.platform.db.url });
    await client.connect();
    this.clients.push(client);
    return client;
  }

  /** The name of a service's event stream on this platform. */
  stream(service: ServiceName): string {
    return streamName(this.prefix, service);
  }

  /** A subject on this platform's prefix (`events.hotline.appeal.dispatched` → `<prefix>.events.hotline.appeal.dispatched`). */
  subject(subject: string): string {
    return `${this.prefix}.${subject}`;
  }

  /** Runs `use` with a NATS connection of its own, closed afterwards: to read and republish stored events. */
  async jetstream<T>(use: (jsm: JetStreamManager, js: JetStreamClient) => Promise<T>): Promise<T> {
    const nc = await connect({ servers: TEST_SERVERS.natsUrl });
    try {
      return await use(await nc.jetstreamManager(), nc.jetstream());
    } finally {
      await nc.close();
    }
  }

  /**
   * Analytics started late, after `source`'s stream lost its first messages (aged out: here purged): the live analytics
   * goes, its durable consumers on `consumed` with it (a service started later has none yet); `source`'s stream keeps
   * only its newest third; analytics starts again in a fresh schema `schema`.
   */
  async startAnalyticsAfterPurge(source: ServiceName, consumed: readonly ServiceName[], schema: string): Promise<RunningTestService> {
    const live = this.service('analytics');
    await live.close();
    this.platform.services.splice(this.platform.services.indexOf(live), 1);
    const stream = this.stream(source);
    await this.jetstream(async (jsm) => {
      for (const from of consumed) {
        for await (const c of jsm.consumers.list(this.stream(from))) if (c.name.startsWith('analytics-')) await jsm.consumers.delete(this.stream(from), c.name);
      }
      const { messages } = (await jsm.streams.info(stream)).state;
      await jsm.streams.purge(stream, { keep: Math.floor(messages / 3) });
      expect((await jsm.streams.info(stream)).state.first_seq).toBeGreaterThan(1);
    });
    const late = await SERVICES.analytics(this.platform, { DB_SCHEMA: schema });
    this.running.set('analytics', late);
    return late;
  }

  /** The last event stored on a subject of a service's stream (`events.hotline.appeal.dispatched`). */
  lastEvent(service: ServiceName, subject: string): Promise<StoredMsg> {
    return this.jetstream((jsm) => jsm.streams.getMessage(this.stream(service), { last_by_subj: this.subject(subject) }));
  }

  /** Every event a service's stream holds, oldest first. */
  storedEvents(service: ServiceName): Promise<StoredMsg[]> {
    return this.jetstream(async (jsm) => {
      const stream = this.stream(service);
      const { first_seq: first, last_seq: last, messages } = (await jsm.streams.info(stream)).state;
      const events: StoredMsg[] = [];
      if (messages > 0) for (let seq = first; seq <= last; seq++) events.push(await jsm.streams.getMessage(stream, { seq }));
      return events;
    });
  }

  /**
   * Publishes the last event on each subject again, as JetStream redelivers one after a lost ack (each must be about
   * its `aggregate`), all before any is waited for, and waits until each consumer `durable` has taken its own.
   */
  async redeliver(...events: { service: ServiceName; subject: string; aggregate: string; durable: string }[]): Promise<void> {
    await this.jetstream(async (jsm, js) => {
      const sent: { stream: string; durable: string; seq: number }[] = [];
      for (const { service, subject, aggregate, durable } of events) {
        const stream = this.stream(service);
        const msg = await jsm.streams.getMessage(stream, { last_by_subj: this.subject(subject) });
        expect(msg.json<{ subject: string }>().subject).toBe(aggregate);
        const { seq } = await js.publish(msg.subject, msg.data, { msgID: `again-${aggregate}-${subject}` });
        sent.push({ stream, durable, seq });
      }
      await eventually(async () => {
        for (const { stream, durable, seq } of sent) expect((await jsm.consumers.info(stream, durable)).ack_floor.stream_seq).toBeGreaterThanOrEqual(seq);
      });
    });
  }

  async close(): Promise<void> {
    for (const client of this.clients.splice(0)) await client.end();
    for (const gateway of this.gateways.splice(0).reverse()) await gateway.app.close();
    await this.platform.close();
  }
}
