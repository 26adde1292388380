import 'reflect-metadata';
import { ConfigError, loadConfig, startTracing } from '@gridline/platform';
import { createGatewayApp } from './gateway.bootstrap';
import { startInternalListener } from './http/hardening';
import { GatewayConfig } from './gateway.config';

async function main(): Promise<void> {
  let config: GatewayConfig;
  try {
    config = loadConfig(GatewayConfig);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`gateway: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  startTracing('gateway', config.OTEL_EXPORTER_OTLP_ENDPOINT);
  const { app } = await createGatewayApp(config).catch((error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`gateway: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  });
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  // /metrics and /docs on their own port when INTERNAL_HTTP_PORT is set.
  const internal = await startInternalListener(app, config);
  const address = internal?.address();
  const internalUrl = address && typeof address === 'object' ? `http://${config.INTERNAL_HTTP_HOST}:${address.port}` : undefined;
  process.stdout.write(`${JSON.stringify({ level: 'info', service: 'gateway', url: await app.getUrl(), ...(internalUrl ? { internalUrl } : {}), msg: 'gateway ready' })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
