import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';
import { freePort } from './free-port';

const CANDIDATES = [process.env.NATS_SERVER_BIN, '/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'];

async function waitForNats(url: string, probe: { user: string; pass: string } | undefined, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const nc = await connect({ servers: url, timeout: 500, ...probe });
      await nc.close();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export interface PrivateNatsOptions {
  config?: string;
  env?: Record<string, string>;
  /** Credentials to check the server is up with, when its configuration requires them. */
  probe?: { user: string; pass: string };
}

/**
 * A NATS server with JetStream of the test's own, on a free port, that a test may stop and start
 * again (same port, same store) to simulate an outage without disturbing anyone else.
 */
export class PrivateNatsServer {
  private process?: ChildProcess;
  private readonly storeDir = mkdtempSync(join(tmpdir(), 'gridline-nats-'));

  private constructor(
    private readonly binary: string,
    readonly port: number,
    private readonly options: PrivateNatsOptions,
  ) {}

  /** `config`: a server configuration file (users, permissions) to run with; `env`: its environment variables. */
  static async start(options: PrivateNatsOptions = {}): Promise<PrivateNatsServer> {
    const binary = CANDIDATES.find((c): c is string => !!c && existsSync(c));
    if (!binary) throw new Error('nats-server binary not found: install the nats-server package or set NATS_SERVER_BIN');
    const server = new PrivateNatsServer(binary, await freePort(), options);
    await server.resume();
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** Starts (again) on the same port with the same store. */
  async resume(): Promise<void> {
    const config = this.options.config ? ['-c', this.options.config] : [];
    this.process = spawn(this.binary, [...config, '-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir], {
      stdio: 'ignore',
      env: { ...process.env, ...this.options.env },
    });
    await waitForNats(this.url, this.options.probe);
  }

  /** Stops the server, as an outage would. */
  async halt(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
    this.process = undefined;
  }

  async dispose(): Promise<void> {
    await this.halt();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}
