import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './free-port';

const run = promisify(execFile);
const BIN_CANDIDATES = [process.env.POSTGRES_BIN_DIR, '/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'];

/** initdb and the server refuse to run as root: as root they run as the `postgres` user (the data dir is theirs). */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()) };
}

/**
 * A PostgreSQL cluster of the test's own (`initdb` into a temporary directory, `pg_ctl` on a free port, trust auth on
 * 127.0.0.1 only), never the machine's server: a test may stop it and start it again (same port, same data) to
 * simulate a database outage. `dispose()` stops it and removes its data.
 */
export class PrivatePostgresCluster {
  private constructor(
    private readonly bin: string,
    private readonly dataDir: string,
    readonly port: number,
    private readonly user: { uid: number; gid: number } | undefined,
  ) {}

  static async start(): Promise<PrivatePostgresCluster> {
    const bin = BIN_CANDIDATES.find((dir): dir is string => !!dir && existsSync(join(dir, 'initdb')));
    if (!bin) throw new Error('PostgreSQL server binaries not found: install postgresql-15 or set POSTGRES_BIN_DIR');
    const base = mkdtempSync(join(tmpdir(), 'gridline-pg-'));
    const user = serverUser();
    if (user) chownSync(base, user.uid, user.gid);
    const cluster = new PrivatePostgresCluster(bin, join(base, 'data'), await freePort(), user);
    await cluster.exec('initdb', ['-D', cluster.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    await cluster.resume();
    return cluster;
  }

  /** The admin database's URL (`postgres`), for creating the test's databases. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** A database's URL on this cluster. */
  databaseUrl(name: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${name}`;
  }

  /** Starts (again) on the same port with the same data, and waits until it accepts connections. */
  async resume(): Promise<void> {
    const settings = [`-p ${this.port}`, '-c listen_addresses=127.0.0.1', `-c unix_socket_directories=${this.dataDir}`, '-c fsync=off', '-c max_connections=200'];
    await this.exec('pg_ctl', ['-D', this.dataDir, '-l', join(this.dataDir, 'server.log'), '-o', settings.join(' '), '-w', '-t', '60', 'start']);
  }

  /** Stops the server at once (`-m immediate`: no shutdown checkpoint, open connections cut), as a crash would. */
  async halt(): Promise<void> {
    await this.exec('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
  }

  /** One statement on a database of the cluster (`postgres` unless named). */
  async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = [], database = 'postgres'): Promise<T[]> {
    const client = new Client({ connectionString: this.databaseUrl(database) });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  async dispose(): Promise<void> {
    await this.exec('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    rmSync(join(this.dataDir, '..'), { recursive: true, force: true });
  }

  private async exec(tool: string, args: string[]): Promise<void> {
    try {
      await run(join(this.bin, tool), args, { ...(this.user ?? {}), cwd: tmpdir(), env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    } catch (error) {
      const { stderr = '', stdout = '' } = error as { stderr?: string; stdout?: string };
      throw new Error(`${tool} ${args.join(' ')} failed: ${(error as Error).message}\n${stdout}${stderr}`);
    }
  }
}
