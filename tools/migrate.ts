/**
 * Applies pending migrations of one service or all: `npm run migrate -- registry` (or no argument
 * for all). The way to migrate when services run with RUN_MIGRATIONS=false (e.g. a Kubernetes Job).
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { ConfigError, loadConfig } from '@gridline/platform';
import { migrateSchema } from '@gridline/persistence';
import { serviceOrmOptions } from '@gridline/messaging';
import { SERVICES } from './services';

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !SERVICES.some((s) => s.name === w));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown service(s): ${unknown.join(', ')}. Services: ${SERVICES.map((s) => s.name).join(', ')}\n`);
    process.exit(2);
  }
  for (const service of SERVICES.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
    const config = loadConfig(service.config);
    const orm = await MikroORM.init(serviceOrmOptions({ ...service.persistence, config }));
    try {
      const applied = await migrateSchema(orm);
      process.stdout.write(`${service.name}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}\n`);
    } finally {
      await orm.close();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? '' : 'Migration failed: '}${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
