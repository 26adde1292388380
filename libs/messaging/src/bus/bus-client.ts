import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ErrorCode, JSONCodec, headers as natsHeaders, type NatsError } from 'nats';
import { AppError, CommonErrorCode, MetricsRegistry, RequestContext, SpanKind, currentTraceparent, endSpan, isErrorEnvelope, startSpan, traceparentOf } from '@gridline/platform';
import { CALLER_HEADER, SYSTEM_CALLER, type CallerSigner } from '@gridline/auth';
import type { RequestDefinition } from '../events/definitions';
import type { BusRequestOptions, BusRequester } from './bus-requester';
import { withPrefix } from '../events/subjects';
import { NatsConnection } from '../nats/nats-connection';
import { CORRELATION_HEADER, IDEMPOTENCY_KEY_HEADER, TRACEPARENT_HEADER } from './headers';

export interface BusClientSettings {
  /** The process sending (its spans' tracer). */
  service: string;
  prefix: string;
  /** Default time to wait for a reply. */
  timeoutMs: number;
}

export const BUS_CLIENT_SETTINGS = Symbol('BUS_CLIENT_SETTINGS');

const codec = JSONCodec<unknown>();

interface ReplyPacket {
  err?: unknown;
  response?: unknown;
}

/**
 * Runs `fn` with every bus request it makes waiting at most `timeoutMs` for its reply (a request's own `timeoutMs`
 * still wins): a caller composing several answers gives each its own budget without each client passing options.
 * The rest of the context (correlation id, Idempotency-Key) carries on.
 */
export function withBusTimeout<T>(timeoutMs: number, fn: () => T): T {
  const current = RequestContext.current();
  return RequestContext.run({ ...current, correlationId: current?.correlationId ?? RequestContext.newCorrelationId(), busTimeoutMs: timeoutMs }, fn);
}

/**
 * Sends commands and queries over NATS request-reply, in the wire format of Nest's NATS transport.
 * Every call has a timeout; the caller travels as an assertion this process signs for the service addressed (the
 * process itself when no caller, or SYSTEM_CALLER, is given), the correlation id as a header; a service's error
 * envelope comes back as the same AppError.
 */
@Injectable()
export class BusClient implements BusRequester {
  constructor(
    private readonly nats: NatsConnection,
    private readonly settings: BusClientSettings,
    private readonly metrics: MetricsRegistry,
    private readonly signer: CallerSigner,
  ) {}

  async request<TReq, TRes>(
    definition: RequestDefinition<TReq, TRes>,
    data: TReq,
    options: BusRequestOptions = {},
  ): Promise<TRes> {
    const timeoutMs = options.timeoutMs ?? RequestContext.current()?.busTimeoutMs ?? this.settings.timeoutMs;
    const packet = { pattern: definition.pattern, data, id: randomUUID() };
    const h = natsHeaders();
    h.set(CORRELATION_HEADER, RequestContext.correlationId() ?? RequestContext.newCorrelationId());
    const caller = options.caller === SYSTEM_CALLER ? undefined : options.caller;
    h.set(CALLER_HEADER, await this.signer.sign(caller, { audience: definition.service, pattern: definition.pattern, requestId: packet.id, ttlSeconds: timeoutMs / 1000 + 5 }));
    const idempotencyKey = options.idempotencyKey ?? RequestContext.current()?.idempotencyKey;
    if (idempotencyKey) h.set(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
    // The request's span (a child of the work in progress): the answering service's span is a child of it.
    const span = startSpan({ service: this.settings.service, name: `${definition.pattern} send`, kind: SpanKind.CLIENT, attributes: { 'messaging.system': 'nats', 'messaging.destination.name': definition.pattern } });
    const traceparent = traceparentOf(span, currentTraceparent());
    if (traceparent) h.set(TRACEPARENT_HEADER, traceparent);
    const timer = this.metrics.busRequestSeconds.startTimer({ pattern: definition.pattern });
    let failure: string | undefined;
    try {
      const msg = await this.nats.nc.request(withPrefix(this.settings.prefix, definition.pattern), codec.encode(packet), {
        timeout: timeoutMs,
        headers: h,
      });
      const reply = codec.decode(msg.data) as ReplyPacket;
      if (reply.err !== undefined && reply.err !== null) throw this.replyError(definition, reply.err);
      this.metrics.busRequests.inc({ pattern: definition.pattern, outcome: 'ok' });
      return reply.response as TRes;
    } catch (error) {
      const mapped = error instanceof AppError ? error : this.transportError(definition, error);
      this.metrics.busRequests.inc({ pattern: definition.pattern, outcome: mapped.code });
      failure = mapped.code;
      throw mapped;
    } finally {
      timer();
      endSpan(span, failure);
    }
  }

  private replyError(definition: RequestDefinition<unknown, unknown>, err: unknown): AppError {
    if (isErrorEnvelope(err)) return AppError.fromEnvelope(err);
    if (typeof err === 'string' && err.includes('no matching message handler')) {
      return unavailable(definition.service, `The ${definition.service} service does not handle ${definition.pattern}`);
    }
    return new AppError(CommonErrorCode.Internal, 'internal', `The ${definition.service} service failed`);
  }

  private transportError(definition: RequestDefinition<unknown, unknown>, error: unknown): AppError {
    const code = (error as NatsError).code;
    if (code === ErrorCode.NoResponders) {
      return unavailable(definition.service, `The ${definition.service} service is not available`);
    }
    if (code === ErrorCode.Timeout) {
      return new AppError(CommonErrorCode.ServiceTimeout, 'timeout', `The ${definition.service} service did not answer in time`, {
        service: definition.service,
      });
    }
    // A payload over the server's max_payload (1 MB by default): the sender's input was too large, nothing was sent.
    if (code === ErrorCode.MaxPayloadExceeded) {
      return new AppError(CommonErrorCode.PayloadTooLarge, 'too_large', 'The request is larger than the message bus carries');
    }
    if (code === ErrorCode.ConnectionClosed || code === ErrorCode.Disconnect || code === ErrorCode.ConnectionRefused) {
      return unavailable(definition.service, 'The message bus is not reachable');
    }
    throw error;
  }
}

function unavailable(service: string, message: string): AppError {
  return new AppError(CommonErrorCode.ServiceUnavailable, 'unavailable', message, { service });
}
