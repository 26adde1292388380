import { createLogger, loadConfig } from '@gridline/platform';
import { LogCapture, TEST_SERVERS, testPrefix } from '@gridline/testing';
import { createGatewayApp, type GatewayApp } from '../gateway.bootstrap';
import { GatewayConfig } from '../gateway.config';

/**
 * Gateways of an int-spec, each with its own settings over the test defaults (the test NATS, a prefix of its own,
 * `LOG_LEVEL: 'warn'`, logs captured), all closed by close() in the spec's afterAll.
 */
export class GatewaysUnderTest {
  private readonly started: GatewayApp[] = [];

  async start(env: Record<string, string> = {}): Promise<GatewayApp> {
    const config = loadConfig(GatewayConfig, { NATS_URL: TEST_SERVERS.natsUrl, NATS_PREFIX: testPrefix(), LOG_LEVEL: 'warn', ...env });
    const app = await createGatewayApp(config, createLogger('gateway', config.LOG_LEVEL, new LogCapture()));
    this.started.push(app);
    return app;
  }

  async close(): Promise<void> {
    for (const app of this.started.splice(0)) await app.app.close();
  }
}
