import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { parseTraceparent, useTracerProvider } from '@gridline/platform';
import { eventually, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN = '00f067aa0ba902b7';

/**
 * One appeal's path followed across services by its trace (issue 14 §4; docs/observability.md): a client's
 * `traceparent` on the dispatch through the gateway, the hotline's handling, the event it records, the incidents
 * consumer that opens the grid case, and the hotline's consumer that links the case back — every span one trace, each
 * the child of the one before. The services run in this process: one tracer provider records them all in memory,
 * each span named by its service (the tracer's scope).
 */
describe('trace context from the gateway through services and events', () => {
  const exporter = new InMemorySpanExporter();
  let walk: StreetFixture;

  beforeAll(async () => {
    expect(useTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }))).toBe(true);
    walk = await StreetFixture.start({ services: ['registry', 'incidents', ['hotline', { LOG_LEVEL: 'info' }]], gateway: { LOG_LEVEL: 'info' } });
    const limits = { acceptLimit: { amount: 2, unit: 'working_hours' as const }, handleLimit: { amount: 1, unit: 'working_days' as const } };
    await walk.seed({
      units: [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build()],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
      ],
    });
    await walk.sign({ operator: { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] } });
  });

  afterAll(async () => {
    await walk?.close();
  });

  const inTrace = () => exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === TRACE);
  const scope = (span: ReadableSpan) => span.instrumentationScope.name;
  const parentOf = (span: ReadableSpan, all: ReadableSpan[]) => all.find((s) => s.spanContext().spanId === span.parentSpanContext?.spanId);

  it("follows a dispatch from the client's traceparent to the grid case it opens and the link back, one trace, each span the child of its cause", async () => {
    const taken = await walk.untilCreated(() =>
      walk.call('operator', 'POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', caller: { anonymous: true }, content: '东门垃圾堆放', categoryCode: 'ENV.GARBAGE', location: { lat: 37.405, lng: 118.505 } }),
    );
    const id = taken.json().appeal.id as string;
    const dispatched = await walk.call('operator', 'POST', `/api/v1/appeals/${id}/actions/dispatch`, {}, { traceparent: `00-${TRACE}-${CLIENT_SPAN}-01` });
    expect(dispatched.statusCode).toBe(200);
    await eventually(async () => expect((await walk.call('operator', 'GET', `/api/v1/appeals/${id}`)).json().incidentId).toEqual(expect.any(String)));

    const spans = await eventually(async () => {
      const all = inTrace();
      // The hotline's consumer linking the grid case back is the last hop.
      expect(all.some((s) => scope(s) === 'hotline' && s.name.includes('incident.reported'))).toBe(true);
      return all;
    });
    const find = (service: string, name: (n: string) => boolean) => {
      const found = spans.find((s) => scope(s) === service && name(s.name));
      if (!found) throw new Error(`no ${service} span in ${spans.map((s) => `${scope(s)}:${s.name}`).join(', ')}`);
      return found;
    };
    const http = find('gateway', (n) => n === 'POST /api/v1/appeals/:id/actions/:action');
    const send = find('gateway', (n) => n === 'hotline.appeal.act send');
    const act = find('hotline', (n) => n === 'hotline.appeal.act');
    const handOff = find('incidents', (n) => n.includes('appeal.dispatched'));
    const linkBack = find('hotline', (n) => n.includes('incident.reported'));
    expect(http.parentSpanContext?.spanId).toBe(CLIENT_SPAN);
    expect(parentOf(send, spans)).toBe(http);
    expect(parentOf(act, spans)).toBe(send);
    expect(parentOf(handOff, spans)).toBe(act);
    expect(scope(parentOf(linkBack, spans)!)).toBe('incidents');
    expect(http.attributes['http.response.status_code']).toBe(200);

    // The events carry the span that recorded them (the CloudEvents distributed tracing extension).
    const events = (await walk.storedEvents('hotline')).map((m) => m.json<{ type: string; subject: string; traceparent?: string }>());
    const event = events.find((e) => e.subject === id && e.type.includes('.appeal.dispatched.'));
    expect(parseTraceparent(event?.traceparent)).toMatchObject({ traceId: TRACE, spanId: act.spanContext().spanId });
    // The gateway's request line and the services' log lines name the trace.
    expect(walk.gatewayLogs.text()).toContain(`"traceId":"${TRACE}"`);
  });

  it('starts a trace of its own for a request without a traceparent, or with a malformed one', async () => {
    exporter.reset();
    const answer = await walk.call('operator', 'GET', '/api/v1/appeals?page=1&pageSize=1', undefined, { traceparent: 'not-a-trace' });
    expect(answer.statusCode).toBe(200);
    const http = await eventually(async () => {
      const found = exporter.getFinishedSpans().find((s) => scope(s) === 'gateway' && s.name === 'GET /api/v1/appeals');
      expect(found).toBeDefined();
      return found!;
    });
    expect(http.parentSpanContext).toBeUndefined();
    const list = exporter.getFinishedSpans().find((s) => scope(s) === 'hotline' && s.name === 'hotline.appeal.list');
    expect(list?.spanContext().traceId).toBe(http.spanContext().traceId);
  });
});
