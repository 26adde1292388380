import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { log } from './platform';

/**
 * A service publishes each event from its outbox after the response has gone. Waiting for that backlog keeps
 * it out of the next measured run (and says how far behind the relay fell). Only a courtesy: the outbox is
 * the service's own table and may change, so a failure to read it pauses 2 s instead.
 */
export async function drainOutbox(databaseUrl: string, schema: string, timeoutMs = 60_000): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = Date.now();
    const pending = async () => Number((await client.query<{ n: string }>(`select count(*) as n from "${schema}".outbox where published_at is null`)).rows[0].n);
    const backlog = await pending();
    let left = backlog;
    while (left > 0 && Date.now() - started < timeoutMs) {
      await sleep(250);
      left = await pending();
    }
    log(`${schema} outbox: ${backlog} events pending; ${left === 0 ? `drained in ${((Date.now() - started) / 1000).toFixed(1)} s` : `${left} still pending after ${timeoutMs / 1000} s`}`);
  } catch (error) {
    log(`${schema} outbox: could not check (${error instanceof Error ? error.message : String(error)}); pausing 2 s instead`);
    await sleep(2000);
  } finally {
    await client.end();
  }
}
