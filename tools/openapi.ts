/** Writes the gateway's OpenAPI document to docs/openapi.json (`npm run openapi`); a test keeps it true. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, loadConfig } from '@gridline/platform';
import { GatewayConfig, createGatewayApp } from '@gridline/app-gateway';

async function main(): Promise<void> {
  const config = loadConfig(GatewayConfig);
  const { app, document } = await createGatewayApp(config, createLogger('openapi', 'warn'));
  const target = join(__dirname, '..', '..', 'docs', 'openapi.json');
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
  process.stdout.write(`Wrote ${target}\n`);
}

void main();
