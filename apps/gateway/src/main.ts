import 'reflect-metadata';
import { ConfigError, loadConfig } from '@gridline/platform';
import { createGatewayApp } from './gateway.bootstrap';
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
  const { app } = await createGatewayApp(config).catch((error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`gateway: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  });
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  process.stdout.write(`${JSON.stringify({ level: 'info', service: 'gateway', url: await app.getUrl(), msg: 'gateway ready' })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
