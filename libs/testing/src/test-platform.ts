import type { DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '@gridline/platform';
import { connectStandaloneBus, type BusClient } from '@gridline/messaging';
import { TEST_SERVERS, createTestDatabase, removeStreams, testPrefix, type TestDatabase } from './test-env';
import { startTestService, testConfig } from './test-service';

export type RunningTestService = Awaited<ReturnType<typeof startTestService>>;

/**
 * One test file's own slice of PostgreSQL and NATS — a database and a subject prefix — with the
 * services it starts there, all torn down by close().
 */
export class TestPlatform {
  readonly services: RunningTestService[] = [];
  private readonly buses: { close(): Promise<void> }[] = [];

  private constructor(
    readonly db: TestDatabase,
    readonly prefix: string,
  ) {}

  static async create(): Promise<TestPlatform> {
    return new TestPlatform(await createTestDatabase(), testPrefix());
  }

  config<T extends ServiceConfig>(cls: new () => T, env: Record<string, string> = {}): T {
    return testConfig(cls, { databaseUrl: this.db.url, prefix: this.prefix, ...env });
  }

  /** Starts a service the way its process does, in this platform's database and prefix. */
  async start<T extends ServiceConfig>(
    service: string,
    cls: new () => T,
    register: (config: T) => DynamicModule,
    env: Record<string, string> = {},
  ): Promise<RunningTestService> {
    const config = this.config(cls, env);
    const running = await startTestService(service, config, register(config));
    this.services.push(running);
    return running;
  }

  /**
   * A bus client on this platform's prefix that signs callers as the gateway does (with the development gateway key):
   * what a test uses to send requests as a user. The services' own clients sign only for themselves. `as: 'seed'`
   * signs as the seed does (SYSTEM_CALLER is then the seed's own identity); any other service's name signs as that
   * service does with its development key (SYSTEM_CALLER is then `svc:<name>`, e.g. what only analytics may ask).
   */
  async bus(as = 'gateway'): Promise<BusClient> {
    const { bus, close } = await connectStandaloneBus(as, { NATS_URL: TEST_SERVERS.natsUrl, NATS_PREFIX: this.prefix, REQUEST_TIMEOUT_MS: 10_000 });
    this.buses.push({ close });
    return bus;
  }

  async close(): Promise<void> {
    for (const bus of this.buses.splice(0)) await bus.close();
    for (const service of this.services.splice(0).reverse()) await service.close();
    await removeStreams(this.prefix);
    await this.db.drop();
  }
}
