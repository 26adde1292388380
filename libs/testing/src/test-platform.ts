import type { DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '@gridline/platform';
import { createTestDatabase, removeStreams, testPrefix, type TestDatabase } from './test-env';
import { startTestService, testConfig } from './test-service';

export type RunningTestService = Awaited<ReturnType<typeof startTestService>>;

/**
 * One test file's own slice of PostgreSQL and NATS — a database and a subject prefix — with the
 * services it starts there, all torn down by close().
 */
export class TestPlatform {
  readonly services: RunningTestService[] = [];

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

  async close(): Promise<void> {
    for (const service of this.services.splice(0).reverse()) await service.close();
    await removeStreams(this.prefix);
    await this.db.drop();
  }
}
