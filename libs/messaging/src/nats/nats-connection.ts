import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { connect, type JetStreamClient, type JetStreamManager, type NatsConnection as RawNatsConnection } from 'nats';
import type { ReadinessCheck } from '@gridline/platform';

export interface NatsSettings {
  servers: string[];
  /** Connection name, shown by the server (e.g. `registry`). */
  name: string;
  /** This process's NATS user and password, when the server requires them. */
  user?: string;
  pass?: string;
  /** Where replies to this process's requests arrive: `_INBOX_<user>` when it has a NATS user, so that its
   * permissions can let it read its own replies and nobody else's. */
  inboxPrefix?: string;
}

/** The NATS settings of a process from its configuration, one way for the bus client, the server and tools. */
export function natsSettings(name: string, config: { NATS_URL: string; NATS_USER?: string; NATS_PASSWORD?: string }): NatsSettings {
  return {
    servers: config.NATS_URL.split(','),
    name,
    ...(config.NATS_USER ? { user: config.NATS_USER, pass: config.NATS_PASSWORD ?? '', inboxPrefix: `_INBOX_${config.NATS_USER}` } : {}),
  };
}

export const NATS_SETTINGS = Symbol('NATS_SETTINGS');

/** The service's connection to NATS for bus requests and JetStream; reconnects forever. */
@Injectable()
export class NatsConnection implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(NatsConnection.name);
  private connection?: RawNatsConnection;
  private jsm?: JetStreamManager;
  private jetstream?: JetStreamClient;

  constructor(private readonly settings: NatsSettings) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async connect(): Promise<void> {
    if (this.connection) return;
    this.connection = await connect({
      servers: this.settings.servers,
      name: this.settings.name,
      user: this.settings.user,
      pass: this.settings.pass,
      inboxPrefix: this.settings.inboxPrefix,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      waitOnFirstConnect: true,
      // A request's timeout becomes an AppError naming the service (BusClient), never a stack: capturing one for
      // every request in case it fails (an Error made per request) is the client's costliest default.
      noAsyncTraces: true,
    });
    this.jetstream = this.connection.jetstream();
    this.jsm = await this.connection.jetstreamManager();
    void this.watch(this.connection);
  }

  get nc(): RawNatsConnection {
    if (!this.connection) throw new Error('NATS is not connected yet');
    return this.connection;
  }

  get js(): JetStreamClient {
    if (!this.jetstream) throw new Error('NATS is not connected yet');
    return this.jetstream;
  }

  get manager(): JetStreamManager {
    if (!this.jsm) throw new Error('NATS is not connected yet');
    return this.jsm;
  }

  isConnected(): boolean {
    return !!this.connection && !this.connection.isClosed() && this.connection.info !== undefined && !this.reconnecting;
  }

  private reconnecting = false;

  private async watch(nc: RawNatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') {
        this.reconnecting = true;
        this.logger.warn({ msg: 'NATS disconnected', server: String(status.data) });
      } else if (status.type === 'reconnect') {
        this.reconnecting = false;
        this.logger.log({ msg: 'NATS reconnected', server: String(status.data) });
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connection && !this.connection.isClosed()) await this.connection.drain().catch(() => undefined);
  }
}

@Injectable()
export class NatsReadinessCheck implements ReadinessCheck {
  readonly name = 'nats';
  constructor(private readonly nats: NatsConnection) {}

  async check(): Promise<void> {
    if (!this.nats.isConnected()) throw new Error('not connected to NATS');
    await this.nats.manager.getAccountInfo();
  }
}
