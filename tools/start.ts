/**
 * `npm start`: checks PostgreSQL and NATS, starts every service and the gateway (logs in tmp/logs/),
 * seeds the demo street once (idempotent), then prints the gateway URL, the docs URL and demo tokens.
 * Ctrl-C stops everything. Environment (`StartConfig`, tools.config.ts): DATABASE_URL, NATS_URL, NATS_PREFIX,
 * GATEWAY_PORT, SEED=false, JWT_SECRET.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { connect } from 'nats';
import { DEV_JWT, signDevToken } from '@gridline/auth';
import { loadConfig } from '@gridline/platform';
import { connectStandaloneBus } from '@gridline/messaging';
import { SERVICES } from './services';
import { StartConfig } from './tools.config';
import { seedDemo } from './seed/seed';
import { DEMO_USERS } from './seed/demo-users';

const ROOT = join(__dirname, '..', '..');
const config = loadConfig(StartConfig);
const { DATABASE_URL, NATS_URL, NATS_PREFIX, GATEWAY_PORT } = config;
const LOG_DIR = join(ROOT, 'tmp', 'logs');

const children: { name: string; child: ChildProcess; log: string }[] = [];
let stopping = false;

function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function fail(message: string): never {
  process.stderr.write(`\n${message}\n`);
  void stopAll().then(() => process.exit(1));
  throw new Error(message);
}

/** PostgreSQL reachable, and the platform's database there (created if missing). */
async function checkPostgres(): Promise<void> {
  const url = new URL(DATABASE_URL);
  const database = decodeURIComponent(url.pathname.slice(1)) || 'gridline';
  const adminUrl = new URL(DATABASE_URL);
  adminUrl.pathname = '/postgres';
  const client = new Client({ connectionString: adminUrl.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    fail(
      `PostgreSQL is not reachable at ${url.host} (${(error as Error).message}).\n` +
        `Start it, for example:\n  pg_ctlcluster --skip-systemctl-redirect 15 main start      (Debian)\n  docker compose up -d postgres                              (with Docker)\n` +
        `or point DATABASE_URL at your server.`,
    );
  }
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) {
      await client.query(`create database "${database.replace(/"/g, '""')}"`);
      say(`Created database ${database}.`);
    }
  } finally {
    await client.end();
  }
}

/** NATS reachable with JetStream enabled. */
async function checkNats(): Promise<void> {
  let nc;
  try {
    nc = await connect({ servers: NATS_URL.split(','), timeout: 3000 });
  } catch (error) {
    fail(
      `NATS is not reachable at ${NATS_URL} (${(error as Error).message}).\n` +
        `Start it with JetStream, for example:\n  nats-server -js -sd /var/lib/nats-server &                 (installed binary)\n  docker compose up -d nats                                  (with Docker)\n` +
        `or point NATS_URL at your server.`,
    );
  }
  try {
    await (await nc.jetstreamManager()).getAccountInfo();
  } catch {
    fail(`NATS at ${NATS_URL} runs without JetStream: restart it with -js (e.g. nats-server -js -sd /var/lib/nats-server).`);
  } finally {
    await nc.close();
  }
}

function launch(name: string, env: Record<string, string>): void {
  const log = join(LOG_DIR, `${name}.log`);
  const out = createWriteStream(log, { flags: 'a' });
  const child = spawn(process.execPath, ['-r', join(ROOT, 'tools', 'register-paths.js'), join(ROOT, 'dist', 'apps', name, 'src', 'main.js')], {
    cwd: ROOT,
    // The environment is handed on whole: each service reads its own config class from it.
    env: { ...process.env, DATABASE_URL, NATS_URL, NATS_PREFIX, HTTP_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    const tail = readFileSync(log, 'utf8').trim().split('\n').slice(-15).join('\n');
    fail(`${name} stopped (${signal ?? `exit code ${code}`}). Last lines of ${log}:\n${tail}`);
  });
  children.push({ name, child, log });
}

async function waitReady(name: string, port: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`${name} did not become ready within ${timeoutMs / 1000} s; see ${join(LOG_DIR, `${name}.log`)}`);
}

async function stopAll(): Promise<void> {
  stopping = true;
  await Promise.all(
    children.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

async function main(): Promise<void> {
  mkdirSync(LOG_DIR, { recursive: true });
  say('Gridline: checking PostgreSQL and NATS…');
  await checkPostgres();
  await checkNats();

  // The demo's 3+N detector scans every minute (production: CANDIDATE_SCAN_MS, 5 minutes), so that the seeded
  // street's candidates show soon after the seed, not at the next five-minute scan.
  const demo: Record<string, Record<string, string>> = { analytics: { CANDIDATE_SCAN_MS: process.env.CANDIDATE_SCAN_MS ?? '60000' } };
  for (const service of SERVICES) launch(service.name, { HTTP_PORT: String(service.port), ...demo[service.name] });
  for (const service of SERVICES) {
    await waitReady(service.name, service.port);
    say(`  ✓ ${service.name.padEnd(15)} ready (health http://127.0.0.1:${service.port}/health/ready)`);
  }
  launch('gateway', { HTTP_PORT: String(GATEWAY_PORT) });
  await waitReady('gateway', GATEWAY_PORT);
  say(`  ✓ ${'gateway'.padEnd(15)} ready`);

  if (config.SEED) {
    const { bus, close } = await connectStandaloneBus('seed', { NATS_URL, NATS_PREFIX, REQUEST_TIMEOUT_MS: 10_000 });
    try {
      const { created, existing } = await seedDemo(bus);
      say(`  ✓ demo street (东城街道): ${created} records created, ${existing} already there`);
    } finally {
      await close();
    }
  }

  const tokens = await Promise.all(DEMO_USERS.map((u) => signDevToken(u, { ...DEV_JWT, secret: config.JWT_SECRET })));
  say();
  say(`Gateway: http://127.0.0.1:${GATEWAY_PORT}/api/v1`);
  say(`Docs:    http://127.0.0.1:${GATEWAY_PORT}/docs`);
  say(`Logs:    ${LOG_DIR}`);
  say();
  say(`Demo admin token (12 h):\n${tokens[0]}`);
  say();
  say(`Try: curl -H "Authorization: Bearer <token>" http://127.0.0.1:${GATEWAY_PORT}/api/v1/analytics/overview`);
  say();
  say('Other demo users:');
  DEMO_USERS.slice(1).forEach((u, i) => say(`  ${u.title} [${u.roles.join(', ')} @ ${u.units.join(', ')}]:\n    ${tokens[i + 1]}`));
  say();
  say('Press Ctrl-C to stop.');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    say('\nStopping…');
    void stopAll().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  if (!stopping) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    void stopAll().then(() => process.exit(1));
  }
});
