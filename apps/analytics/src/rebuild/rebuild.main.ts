import 'reflect-metadata';
import { ConfigError, loadConfig } from '@gridline/platform';
import { AnalyticsConfig } from '../analytics.config';
import { RebuildRefusedError, rebuildProjections } from './projection-rebuild';

/**
 * `nx run analytics:rebuild` (from `dist/`, after the build): rebuilds analytics' projections from the streams and
 * swaps them in while the service runs, with the service's own variables (`DATABASE_URL`, `DB_SCHEMA`, `NATS_URL`,
 * `NATS_PREFIX`, …). Its last line is the throughput; 75 when another rebuild is running, 78 for a bad variable.
 */
async function main(): Promise<void> {
  let config: AnalyticsConfig;
  try {
    config = loadConfig(AnalyticsConfig);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`analytics rebuild: ${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  try {
    const result = await rebuildProjections(config, {}, (line) => process.stderr.write(`analytics rebuild: ${line}\n`));
    for (const p of result.projections) {
      process.stderr.write(`analytics rebuild: ${p.consumer}: ${p.events} events${p.fromSnapshot ? ' on top of its snapshot' : ''}${p.deadLettered > 0 ? `, ${p.deadLettered} parked in dead_letter` : ''}\n`);
    }
    process.stdout.write(
      `analytics rebuild: ${result.events} events in ${result.seconds.toFixed(1)} s, ${Math.round(result.eventsPerSecond)} events/s; swapped into "${result.schema}", the old tables kept in "${result.backup}"\n`,
    );
    process.exit(0);
  } catch (error) {
    process.stderr.write(`analytics rebuild: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof RebuildRefusedError ? 75 : 1); // EX_TEMPFAIL: try again once the other has finished
  }
}

void main();
