import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect } from 'nats';
import { Client, type Pool } from 'pg';
import { DEV_JWT } from '@gridline/auth';
import type { Cleanup } from './cleanup';
import { freePort, spawnApp, stopApp, waitUntilReady, type AppProcess } from './processes';

/**
 * The registry and the gateway spawned from dist/ on a fresh database `gl_bench_<random>` and NATS prefix
 * `bench<random>`, with every teardown step (apps, streams, database, logs) registered on the Cleanup first,
 * so that a failure half-way still removes what was made.
 */
export interface Platform {
  database: string;
  databaseUrl: string;
  prefix: string;
  logDir: string;
  registry: AppProcess;
  gateway: AppProcess;
  /** The other services asked for in `PlatformOptions.services`, by name. */
  services: Record<string, AppProcess>;
  machine: MachineInfo;
  /** Whether the apps' logs survive the cleanup (default true: set false once the run has passed). */
  keepLogs(keep: boolean): void;
}

export interface PlatformOptions {
  /** Repository root, where the apps are started from. */
  root: string;
  adminDatabaseUrl: string;
  natsUrl: string;
  logLevel: string;
  /**
   * Services to start besides the registry (e.g. `incidents`, `hotline`), each from dist/apps/<name>/ on the
   * run's database, after the registry and before the gateway. Default: none.
   */
  services?: string[];
  /** Extra environment of a service, by name (e.g. `{ incidents: { SUPERVISION_ENABLED: 'true' } }`). */
  serviceEnv?: Record<string, Record<string, string>>;
}

export interface MachineInfo {
  node: string;
  cpus: string;
  postgres: string;
  nats: string;
}

export function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/** First column of the first row of one statement on the admin database ('' when there is no row). */
export async function adminQuery(adminDatabaseUrl: string, sql: string): Promise<string> {
  const client = new Client({ connectionString: adminDatabaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, unknown>>(sql);
    return rows.length > 0 ? String(Object.values(rows[0])[0]) : '';
  } finally {
    await client.end();
  }
}

/** Deletes the JetStream streams of a run: their names start with the upper-cased prefix and `_`. */
export async function removeStreams(natsUrl: string, prefix: string): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await nc.jetstreamManager();
    const wanted = `${prefix.toUpperCase()}_`;
    const names: string[] = [];
    for await (const stream of jsm.streams.list()) {
      if (stream.config.name.startsWith(wanted)) names.push(stream.config.name);
    }
    for (const name of names) await jsm.streams.delete(name);
    log(`removed NATS streams: ${names.join(', ') || '(none)'}`);
  } finally {
    await nc.close();
  }
}

export async function natsVersion(natsUrl: string): Promise<string> {
  const nc = await connect({ servers: natsUrl });
  try {
    return nc.info?.version ?? 'unknown';
  } finally {
    await nc.close();
  }
}

export async function machineInfo(adminDatabaseUrl: string, natsUrl: string): Promise<MachineInfo> {
  return {
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown'}`,
    postgres: await adminQuery(adminDatabaseUrl, 'show server_version'),
    nats: await natsVersion(natsUrl),
  };
}

export async function startPlatform(cleanup: Cleanup, options: PlatformOptions): Promise<Platform> {
  const { root, adminDatabaseUrl, natsUrl, logLevel, services: serviceNames = [], serviceEnv = {} } = options;
  const suffix = randomBytes(4).toString('hex');
  const database = `gl_bench_${suffix}`;
  const prefix = `bench${suffix}`;
  const databaseUrl = Object.assign(new URL(adminDatabaseUrl), { pathname: `/${database}` }).toString();
  const logDir = mkdtempSync(join(tmpdir(), 'gl-bench-'));
  let keepLogs = true;
  cleanup.add('logs', async () => {
    if (keepLogs) log(`app logs kept in ${logDir}`);
    else rmSync(logDir, { recursive: true, force: true });
  });

  const machine = await machineInfo(adminDatabaseUrl, natsUrl);
  log(`node ${machine.node}, ${machine.cpus}, PostgreSQL ${machine.postgres}, NATS ${machine.nats}; load average ${loadavg()[0].toFixed(2)}`);

  await adminQuery(adminDatabaseUrl, `create database "${database}"`);
  cleanup.add('database', async () => {
    await adminQuery(adminDatabaseUrl, `drop database if exists "${database}" with (force)`);
    log(`dropped database ${database}`);
  });
  cleanup.add('streams', () => removeStreams(natsUrl, prefix));
  log(`database ${database}, NATS prefix ${prefix}, app logs in ${logDir}`);

  const common = { NATS_URL: natsUrl, NATS_PREFIX: prefix, LOG_LEVEL: logLevel };
  const apps: AppProcess[] = [];
  // The gateway first: a request it is still serving can then finish against services that still answer.
  cleanup.add('apps', async () => {
    for (const app of [...apps].reverse()) await stopApp(app);
  });
  const registry = spawnApp(root, 'registry', await freePort(), { ...common, DATABASE_URL: databaseUrl, ...serviceEnv.registry }, logDir);
  apps.push(registry);
  const services: Record<string, AppProcess> = {};
  for (const name of serviceNames) {
    services[name] = spawnApp(root, name, await freePort(), { ...common, DATABASE_URL: databaseUrl, ...serviceEnv[name] }, logDir);
    apps.push(services[name]);
  }
  const gateway = spawnApp(root, 'gateway', await freePort(), { ...common, JWT_SECRET: DEV_JWT.secret }, logDir);
  apps.push(gateway);
  await Promise.all(apps.map((app) => waitUntilReady(app)));
  log(
    `ready: ${apps.map((app) => `${app.name} at ${app.url} (pid ${app.child.pid})`).join(', ')}`,
  );

  return {
    database,
    databaseUrl,
    prefix,
    logDir,
    registry,
    gateway,
    services,
    machine,
    keepLogs: (keep) => {
      keepLogs = keep;
    },
  };
}

/**
 * Waits until no other statement runs in the bench's database: a request the gateway or autocannon gave up on
 * (timeout) goes on running in PostgreSQL, and must not weigh on the next run.
 */
export async function waitForQuiet(pool: Pool, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  let quietPolls = 0;
  while (Date.now() - started < timeoutMs) {
    const { rows } = await pool.query<{ n: string }>(
      `select count(*) as n from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid() and now() - query_start > interval '50 milliseconds'`,
    );
    quietPolls = Number(rows[0].n) === 0 ? quietPolls + 1 : 0;
    if (quietPolls >= 2) {
      if (Date.now() - started > 1000) log(`waited ${((Date.now() - started) / 1000).toFixed(1)} s for statements still running in PostgreSQL`);
      return;
    }
    await sleep(100);
  }
  log(`statements still running in PostgreSQL after ${timeoutMs / 1000} s; going on`);
}
