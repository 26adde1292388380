import type { MessageHandler } from '@nestjs/microservices';
import { ServerNats } from '@nestjs/microservices';
import { withPrefix } from '../events/subjects';

export interface BusServerSettings {
  servers: string[];
  user?: string;
  pass?: string;
  /** Subject prefix (empty in production; unique per test run). */
  prefix: string;
  /** Queue group: replicas of one service share the requests instead of each answering. */
  queue: string;
  name: string;
}

/**
 * Nest's NATS transport, listening under the platform's subject prefix in the service's queue group,
 * reconnecting forever and draining on shutdown.
 */
export class BusServer extends ServerNats {
  private readonly prefix: string;

  constructor(settings: BusServerSettings) {
    super({
      servers: settings.servers,
      user: settings.user,
      pass: settings.pass,
      queue: settings.queue,
      name: `${settings.name}-bus`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      waitOnFirstConnect: true,
      gracefulShutdown: true,
      gracePeriod: 1000,
      // Replies carry no stack of where a request started (see NatsConnection).
      noAsyncTraces: true,
    });
    this.prefix = settings.prefix;
  }

  /**
   * The handler of a subject, looked up as the string it is. Nest first tries the subject as a JSON pattern
   * (`JSON.parse`), which throws for every plain subject — an exception made and caught on every request.
   */
  override getHandlerByPattern(pattern: string): MessageHandler | null {
    return this.messageHandlers.get(pattern) ?? super.getHandlerByPattern(pattern);
  }

  override addHandler(pattern: unknown, callback: MessageHandler, isEventHandler = false, extras: Record<string, unknown> = {}): void {
    super.addHandler(typeof pattern === 'string' ? withPrefix(this.prefix, pattern) : pattern, callback, isEventHandler, extras);
  }
}
