import { ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, isSpanContextValid, trace, type Attributes, type Span, type SpanContext, type TracerProvider } from '@opentelemetry/api';
import { RequestContext } from '../context/request-context';

/**
 * Trace context (W3C Trace Context, OpenTelemetry spans) across the platform: the gateway's HTTP request, each bus
 * request sent and answered, each event recorded (its CloudEvent carries `traceparent`, the CloudEvents distributed
 * tracing extension) and consumed — one trace from a citizen's appeal to the grid case it opens and back.
 *
 * The span in progress travels in RequestContext as its `traceparent`, the one context this platform has, so no
 * OpenTelemetry context manager is needed. Spans are exported when a process registers a tracer provider
 * (`startTracing`, OTEL_EXPORTER_OTLP_ENDPOINT); without one, OpenTelemetry's no-op tracer keeps passing on the
 * caller's traceparent unchanged, so that an incoming trace is still followed in the logs of every hop.
 */

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** A W3C `traceparent` header's span context, or undefined for a missing or malformed one (a client's bad header is ignored). */
export function parseTraceparent(value: string | undefined | null): SpanContext | undefined {
  const match = value ? TRACEPARENT.exec(value.trim()) : null;
  if (!match) return undefined;
  const context: SpanContext = { traceId: match[1], spanId: match[2], traceFlags: parseInt(match[3], 16) & TraceFlags.SAMPLED, isRemote: true };
  return isSpanContextValid(context) ? context : undefined;
}

/** The `traceparent` of a span context (undefined when it is not a valid one, e.g. the no-op tracer's without a parent). */
export function formatTraceparent(context: SpanContext | undefined): string | undefined {
  if (!context || !isSpanContextValid(context)) return undefined;
  return `00-${context.traceId}-${context.spanId}-${(context.traceFlags & TraceFlags.SAMPLED ? 1 : 0).toString(16).padStart(2, '0')}`;
}

/** The span in progress in this unit of work, as a traceparent (what a bus request or a recorded event carries on). */
export function currentTraceparent(): string | undefined {
  return RequestContext.current()?.traceparent;
}

export interface SpanStart {
  /** The process's service: the tracer's (instrumentation scope's) name, so that each span says where it ran. */
  service: string;
  name: string;
  kind: SpanKind;
  /** The parent: a traceparent received (a header, an event's attribute); by default the span in progress. */
  parent?: string;
  attributes?: Attributes;
}

/** Starts a span as a child of `parent` (or of the span in progress); the caller ends it (`endSpan`). */
export function startSpan({ service, name, kind, parent = currentTraceparent(), attributes }: SpanStart): Span {
  const parentContext = parseTraceparent(parent);
  const context = parentContext ? trace.setSpanContext(ROOT_CONTEXT, parentContext) : ROOT_CONTEXT;
  return trace.getTracer(service).startSpan(name, { kind, attributes }, context);
}

/**
 * The traceparent of a span, to run its work under (RequestContext) or send on; the parent's when the tracer records
 * nothing — a well-formed one only, so that a malformed header or event attribute is never passed on.
 */
export function traceparentOf(span: Span, parent?: string): string | undefined {
  return formatTraceparent(span.spanContext()) ?? (parseTraceparent(parent) ? parent : undefined);
}

/** Ends a span with its outcome: `error` an error code or message (the span's status ERROR), undefined for success. */
export function endSpan(span: Span, error?: string, attributes: Attributes = {}): void {
  span.setAttributes(attributes);
  if (error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: error });
  span.end();
}

/** Runs `work` in a span of its own, in a RequestContext whose traceparent is that span's, and ends it with the outcome. */
export async function inSpan<T>(start: SpanStart, work: () => Promise<T>, errorCode: (error: unknown) => string = String): Promise<T> {
  const span = startSpan(start);
  const store = RequestContext.current();
  try {
    const result = await RequestContext.run({ ...(store ?? { correlationId: RequestContext.newCorrelationId() }), traceparent: traceparentOf(span, start.parent) }, work);
    endSpan(span);
    return result;
  } catch (error) {
    endSpan(span, errorCode(error));
    throw error;
  }
}

export { SpanKind };
export type { Span };

/** Registers the process's tracer provider (once; a second registration is refused by OpenTelemetry and reported false). */
export function useTracerProvider(provider: TracerProvider): boolean {
  return trace.setGlobalTracerProvider(provider);
}
