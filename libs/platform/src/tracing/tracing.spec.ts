import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { RequestContext } from '../context/request-context';
import { SpanKind, currentTraceparent, formatTraceparent, inSpan, parseTraceparent, useTracerProvider } from './tracing';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = `00-${TRACE}-00f067aa0ba902b7-01`;

describe('trace context', () => {
  const exporter = new InMemorySpanExporter();
  beforeAll(() => {
    expect(useTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }))).toBe(true);
  });
  afterEach(() => exporter.reset());

  it('reads a W3C traceparent and writes it back the same', () => {
    expect(parseTraceparent(PARENT)).toEqual({ traceId: TRACE, spanId: '00f067aa0ba902b7', traceFlags: 1, isRemote: true });
    expect(formatTraceparent(parseTraceparent(PARENT))).toBe(PARENT);
    expect(formatTraceparent(parseTraceparent(`00-${TRACE}-00f067aa0ba902b7-00`))).toBe(`00-${TRACE}-00f067aa0ba902b7-00`);
  });

  it("ignores a malformed or invalid one (a client's bad header starts a trace of its own)", () => {
    for (const bad of [undefined, '', 'nonsense', `01-${TRACE}-00f067aa0ba902b7-01`, `00-${TRACE.toUpperCase()}-00f067aa0ba902b7-01`, `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`, `00-${TRACE}-${'0'.repeat(16)}-01`, `00-${TRACE}-00f067aa0ba902b7-01-extra`]) {
      expect(parseTraceparent(bad)).toBeUndefined();
    }
  });

  it('runs work in a child span of the given parent, its context carrying that span, and ends it with the outcome', async () => {
    const inner = await RequestContext.run({ correlationId: 'c-1' }, () =>
      inSpan({ service: 'hotline', name: 'hotline.appeal.act', kind: SpanKind.SERVER, parent: PARENT }, async () => ({ traceparent: currentTraceparent(), correlationId: RequestContext.correlationId() })),
    );
    const [span] = exporter.getFinishedSpans();
    expect(span).toMatchObject({ name: 'hotline.appeal.act', kind: SpanKind.SERVER, instrumentationScope: { name: 'hotline' } });
    expect(span.spanContext().traceId).toBe(TRACE);
    expect(span.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(inner).toEqual({ traceparent: `00-${TRACE}-${span.spanContext().spanId}-01`, correlationId: 'c-1' });

    await expect(inSpan({ service: 'hotline', name: 'refused', kind: SpanKind.SERVER }, async () => Promise.reject(new Error('APPEAL_INVALID')), (e) => (e as Error).message)).rejects.toThrow('APPEAL_INVALID');
    const refused = exporter.getFinishedSpans().find((s) => s.name === 'refused');
    expect(refused?.status).toEqual({ code: 2, message: 'APPEAL_INVALID' });
    // Without a parent, a trace of its own.
    expect(refused?.spanContext().traceId).not.toBe(TRACE);
  });
});
