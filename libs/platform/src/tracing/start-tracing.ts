import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { trace, type ProxyTracerProvider } from '@opentelemetry/api';
import { useTracerProvider } from './tracing';

/**
 * Exports the process's spans to an OpenTelemetry collector over OTLP/HTTP when `endpoint` is set
 * (OTEL_EXPORTER_OTLP_ENDPOINT, e.g. http://otel-collector:4318), batched; answers the shutdown that flushes them.
 * Unset: nothing is recorded or sent (the trace context still passes through, see tracing.ts).
 */
export function startTracing(service: string, endpoint: string | undefined): () => Promise<void> {
  if (!endpoint) return async () => undefined;
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': `gridline-${service}` }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` }))],
  });
  useTracerProvider(provider);
  return () => provider.shutdown();
}

/** Sends the spans still batched (at a process's shutdown: MetricsModule calls it); nothing when none is exported. */
export async function flushSpans(): Promise<void> {
  const delegate = (trace.getTracerProvider() as ProxyTracerProvider).getDelegate?.() as { forceFlush?: () => Promise<void> } | undefined;
  await delegate?.forceFlush?.();
}
