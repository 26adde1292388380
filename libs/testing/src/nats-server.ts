import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type JetStreamManager } from 'nats';
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

/** The nats-server binary of this machine (NATS_SERVER_BIN, else the usual places). */
function natsBinary(): string {
  const binary = CANDIDATES.find((c): c is string => !!c && existsSync(c));
  if (!binary) throw new Error('nats-server binary not found: install the nats-server package or set NATS_SERVER_BIN');
  return binary;
}

/** One nats-server process with JetStream and a store of its own, killed (-9) and started again on the same port and store. */
class NatsNode {
  private process?: ChildProcess;
  readonly storeDir = mkdtempSync(join(tmpdir(), 'gridline-nats-'));

  constructor(
    private readonly binary: string,
    readonly port: number,
    private readonly args: string[],
    private readonly env: Record<string, string> = {},
  ) {}

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.process !== undefined && this.process.exitCode === null;
  }

  start(): void {
    this.process = spawn(this.binary, [...this.args, '-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir], {
      stdio: 'ignore',
      env: { ...process.env, ...this.env },
    });
  }

  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
    this.process = undefined;
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}

/**
 * A NATS server with JetStream of the test's own, on a free port, that a test may stop and start
 * again (same port, same store) to simulate an outage without disturbing anyone else.
 */
export class PrivateNatsServer {
  private constructor(
    private readonly node: NatsNode,
    private readonly options: PrivateNatsOptions,
  ) {}

  /** `config`: a server configuration file (users, permissions) to run with; `env`: its environment variables. */
  static async start(options: PrivateNatsOptions = {}): Promise<PrivateNatsServer> {
    const config = options.config ? ['-c', options.config] : [];
    const server = new PrivateNatsServer(new NatsNode(natsBinary(), await freePort(), config, options.env), options);
    await server.resume();
    return server;
  }

  get port(): number {
    return this.node.port;
  }

  get url(): string {
    return this.node.url;
  }

  /** Starts (again) on the same port with the same store. */
  async resume(): Promise<void> {
    this.node.start();
    await waitForNats(this.url, this.options.probe);
  }

  /** Stops the server, as an outage would. */
  async halt(): Promise<void> {
    await this.node.kill();
  }

  async dispose(): Promise<void> {
    await this.node.dispose();
  }
}

/**
 * A NATS cluster of the test's own — `size` nodes routed to each other on free ports, JetStream clustered (a stream
 * may have `size` replicas) — the production topology of deploy/ on one machine. A node is killed (-9) and started
 * again on its port and store, as a lost pod would be; `url` lists every node, as a service's NATS_URL does.
 */
export class PrivateNatsCluster {
  private constructor(readonly nodes: readonly { name: string; node: NatsNode }[]) {}

  static async start(size = 3): Promise<PrivateNatsCluster> {
    const binary = natsBinary();
    const ports = await Promise.all(Array.from({ length: size }, async () => ({ client: await freePort(), route: await freePort() })));
    const routes = ports.map((p) => `nats://127.0.0.1:${p.route}`).join(',');
    const cluster = new PrivateNatsCluster(
      ports.map((p, i) => ({
        name: `node-${i + 1}`,
        node: new NatsNode(binary, p.client, ['--server_name', `node-${i + 1}`, '--cluster_name', 'gridline-test', '--cluster', `nats://127.0.0.1:${p.route}`, '--routes', routes]),
      })),
    );
    for (const { node } of cluster.nodes) node.start();
    await Promise.all(cluster.nodes.map(({ node }) => waitForNats(node.url, undefined)));
    await cluster.untilJetStreamReady();
    return cluster;
  }

  /** Every node's client URL, comma-separated (NATS_URL). */
  get url(): string {
    return this.nodes.map(({ node }) => node.url).join(',');
  }

  /** Kills the node named `name` (-9), as a lost pod. */
  async halt(name: string): Promise<void> {
    await this.named(name).kill();
  }

  /** Starts the node named `name` again, on its port and with its store. */
  async resume(name: string): Promise<void> {
    const node = this.named(name);
    node.start();
    await waitForNats(node.url, undefined);
  }

  /** The node leading a stream's replicas (JetStream's own answer, from any node up). */
  async streamLeader(stream: string): Promise<string> {
    const info = await this.withJetStream((jsm) => jsm.streams.info(stream));
    const leader = info.cluster?.leader;
    if (!leader) throw new Error(`stream ${stream} has no leader`);
    return leader;
  }

  /** Runs `work` with a JetStream manager connected to the nodes that are up. */
  async withJetStream<T>(work: (jsm: JetStreamManager) => Promise<T>): Promise<T> {
    const nc = await connect({ servers: this.nodes.filter(({ node }) => node.running).map(({ node }) => node.url), timeout: 2000 });
    try {
      return await work(await nc.jetstreamManager());
    } finally {
      await nc.close();
    }
  }

  async dispose(): Promise<void> {
    await Promise.all(this.nodes.map(({ node }) => node.dispose()));
  }

  private named(name: string): NatsNode {
    const found = this.nodes.find((n) => n.name === name);
    if (!found) throw new Error(`no node ${name} in the cluster (${this.nodes.map((n) => n.name).join(', ')})`);
    return found.node;
  }

  /** JetStream answers only once the nodes have elected their meta leader. */
  private async untilJetStreamReady(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await this.withJetStream((jsm) => jsm.getAccountInfo());
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
}
