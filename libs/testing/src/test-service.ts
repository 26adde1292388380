import type { DynamicModule } from '@nestjs/common';
import { Writable } from 'node:stream';
import { createLogger, loadConfig, type ServiceConfig } from '@gridline/platform';
import { startService, type RunningService } from '@gridline/messaging';
import { TEST_SERVERS } from './test-env';

/** Everything a service printed during a test, for leak scans and debugging. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  text(): string {
    return this.lines.join('\n');
  }
}

/** Config for a service under test: its own database and prefix, an ephemeral port, quiet logs. */
export function testConfig<T extends ServiceConfig>(cls: new () => T, env: { databaseUrl: string; prefix: string } & Record<string, string>): T {
  const { databaseUrl, prefix, ...rest } = env;
  return loadConfig(cls, {
    DATABASE_URL: databaseUrl,
    NATS_URL: TEST_SERVERS.natsUrl,
    NATS_PREFIX: prefix,
    HTTP_PORT: '0',
    LOG_LEVEL: 'warn',
    OUTBOX_POLL_MS: '50',
    DB_POOL_SIZE: '4',
    ...rest,
  });
}

/** Starts a service the same way its process does, with its logs captured. */
export async function startTestService(service: string, config: ServiceConfig, module: DynamicModule): Promise<RunningService & { logs: LogCapture }> {
  const logs = new LogCapture();
  const running = await startService(service, config, module, createLogger(service, config.LOG_LEVEL, logs));
  return { ...running, logs };
}
