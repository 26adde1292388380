import { randomUUID } from 'node:crypto';
import type { EventDefinition } from './definitions';

/** A CloudEvents 1.0 structured-mode JSON event, with Gridline's correlation extensions. */
export interface CloudEvent<TData = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  data: TData;
  correlationid: string;
  causationid?: string;
  /** The span that recorded the event (W3C Trace Context; the CloudEvents distributed tracing extension): its consumers' spans are its children. */
  traceparent?: string;
}

export function buildCloudEvent<TData>(
  definition: EventDefinition<TData>,
  subject: string,
  data: TData,
  trace: { correlationId: string; causationId?: string; traceparent?: string },
): CloudEvent<TData> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: definition.source,
    type: definition.type,
    subject,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data,
    correlationid: trace.correlationId,
    ...(trace.causationId ? { causationid: trace.causationId } : {}),
    ...(trace.traceparent ? { traceparent: trace.traceparent } : {}),
  };
}

const REQUIRED: (keyof CloudEvent)[] = ['id', 'source', 'type', 'subject', 'time', 'correlationid'];

/** Parses a message body as a CloudEvent; throws with the reason when it is not one. */
export function parseCloudEvent(body: Uint8Array): CloudEvent {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    throw new Error('the message is not JSON');
  }
  if (typeof value !== 'object' || value === null) throw new Error('the message is not a JSON object');
  const event = value as Record<string, unknown>;
  if (event.specversion !== '1.0') throw new Error('specversion must be "1.0"');
  for (const key of REQUIRED) {
    if (typeof event[key] !== 'string' || event[key] === '') throw new Error(`attribute "${key}" is missing`);
  }
  if (!('data' in event)) throw new Error('attribute "data" is missing');
  return event as unknown as CloudEvent;
}
