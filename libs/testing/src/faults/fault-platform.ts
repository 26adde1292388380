import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { Client } from 'pg';
import { SYSTEM_CALLER } from '@gridline/auth';
import { connectStandaloneBus } from '@gridline/messaging';
import { RegistryClient, type CreateCategoryRequest, type CreateUnitRequest } from '@gridline/contracts-registry';
import { PrivateNatsServer } from '../nats-server';
import { PrivatePostgresCluster } from '../private-postgres';
import { ServiceProcess } from '../service-process';
import { freePort } from '../free-port';

/** The services the fault suite runs, each an OS process of its own; the gateway last. */
export const FAULT_SERVICES = ['registry', 'incidents', 'hotline', 'analytics'] as const;
export type FaultService = (typeof FAULT_SERVICES)[number] | 'gateway';

const DATABASE = 'gridline';
const PREFIX = 'faults';

/**
 * The whole platform on servers of its own: a PostgreSQL cluster (initdb/pg_ctl, its own port and data dir), a NATS
 * server with JetStream (its own port and store), the services and the gateway as processes — each of which the
 * suite may kill and start again. close() stops and removes everything (the logs stay when `keepLogs`).
 */
export class FaultPlatform {
  readonly processes = new Map<FaultService, ServiceProcess>();
  private readonly clients: { close(): Promise<void> }[] = [];
  keepLogs = true;

  private constructor(
    readonly postgres: PrivatePostgresCluster,
    readonly nats: PrivateNatsServer,
    readonly logDir: string,
  ) {}

  static async start(env: Partial<Record<FaultService, Record<string, string>>> = {}): Promise<FaultPlatform> {
    const logDir = mkdtempSync(join(tmpdir(), 'gridline-faults-'));
    const postgres = await PrivatePostgresCluster.start();
    const nats = await PrivateNatsServer.start().catch(async (error: unknown) => {
      await postgres.dispose();
      throw error;
    });
    const platform = new FaultPlatform(postgres, nats, logDir);
    try {
      await postgres.query(`create database ${DATABASE}`);
      const common = { NATS_URL: nats.url, NATS_PREFIX: PREFIX, LOG_LEVEL: 'warn', DATABASE_URL: postgres.databaseUrl(DATABASE) };
      for (const name of FAULT_SERVICES) {
        platform.processes.set(name, new ServiceProcess(name, await freePort(), { ...common, ...env[name] }, join(logDir, `${name}.log`)));
      }
      platform.processes.set('gateway', new ServiceProcess('gateway', await freePort(), { ...common, ...env.gateway }, join(logDir, 'gateway.log')));
      // Each service migrates its own schema: they start side by side, the gateway once they answer.
      await Promise.all(FAULT_SERVICES.map((name) => platform.process(name).start()));
      await platform.process('gateway').start();
      return platform;
    } catch (error) {
      await platform.close();
      throw error;
    }
  }

  get prefix(): string {
    return PREFIX;
  }

  get gatewayUrl(): string {
    return this.process('gateway').url;
  }

  process(name: FaultService): ServiceProcess {
    const found = this.processes.get(name);
    if (!found) throw new Error(`no process ${name}`);
    return found;
  }

  /** Creates units, then categories, as the seed does (signed as the seed). */
  async seed(seed: { units: CreateUnitRequest[]; departments?: { code: string; name: string }[]; categories: CreateCategoryRequest[] }): Promise<void> {
    const { bus, close } = await connectStandaloneBus('seed', { NATS_URL: this.nats.url, NATS_PREFIX: PREFIX, REQUEST_TIMEOUT_MS: 20_000 });
    try {
      const registry = new RegistryClient(bus);
      for (const unit of seed.units) await registry.createUnit(SYSTEM_CALLER, unit);
      for (const department of seed.departments ?? []) await registry.createDepartment(SYSTEM_CALLER, department);
      for (const category of seed.categories) await registry.createCategory(SYSTEM_CALLER, category);
    } finally {
      await close();
    }
  }

  /** A read-only client of the platform's database (every service's schema is in it), ended by close(). */
  async db(): Promise<Client> {
    const client = new Client({ connectionString: this.postgres.databaseUrl(DATABASE), options: '-c default_transaction_read_only=on' });
    await client.connect();
    this.clients.push({ close: () => client.end() });
    return client;
  }

  /** A NATS connection to the platform's server, closed by close(). */
  async natsConnection(): Promise<NatsConnection> {
    const nc = await connect({ servers: this.nats.url, maxReconnectAttempts: -1 });
    this.clients.push({ close: () => nc.close() });
    return nc;
  }

  async close(): Promise<void> {
    for (const client of this.clients.splice(0).reverse()) await client.close().catch(() => undefined);
    for (const process of [...this.processes.values()].reverse()) await process.stop().catch(() => undefined);
    await this.nats.dispose();
    await this.postgres.dispose();
    if (!this.keepLogs) rmSync(this.logDir, { recursive: true, force: true });
  }
}
