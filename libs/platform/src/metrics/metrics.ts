import { Controller, Get, Header, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { flushSpans } from '../tracing/start-tracing';
import { Public } from '../http/public.decorator';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const SECONDS_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The process's Prometheus registry, with default metrics labelled by service. */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();
  readonly busRequests: Counter<'pattern' | 'outcome'>;
  readonly busRequestSeconds: Histogram<'pattern'>;
  readonly eventsPublished: Counter<'type'>;
  readonly eventsConsumed: Counter<'consumer' | 'outcome'>;
  /** RED of the bus requests this process answers (the server side; busRequests is the sender's). */
  readonly busHandled: Counter<'pattern' | 'outcome'>;
  readonly busHandledSeconds: Histogram<'pattern'>;
  /** Duration of each event a consumer handled, by its outcome (the rate and errors are eventsConsumed). */
  readonly eventHandleSeconds: Histogram<'consumer' | 'outcome'>;
  /** RED of the HTTP requests this process answers (the gateway), by route pattern (never the raw path) and status. */
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpRequestSeconds: Histogram<'method' | 'route'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.busRequests = new Counter({
      name: 'gridline_bus_requests_total',
      help: 'Requests sent over the bus, by pattern and outcome',
      labelNames: ['pattern', 'outcome'],
      registers: [this.registry],
    });
    this.busRequestSeconds = new Histogram({
      name: 'gridline_bus_request_seconds',
      help: 'Time from sending a bus request to its reply',
      labelNames: ['pattern'],
      buckets: SECONDS_BUCKETS,
      registers: [this.registry],
    });
    this.eventsPublished = new Counter({
      name: 'gridline_events_published_total',
      help: 'Domain events published to JetStream by the outbox relay',
      labelNames: ['type'],
      registers: [this.registry],
    });
    this.eventsConsumed = new Counter({
      name: 'gridline_events_consumed_total',
      help: 'Domain events handled by consumers, by outcome (applied, duplicate, retried, dead_lettered)',
      labelNames: ['consumer', 'outcome'],
      registers: [this.registry],
    });
    this.busHandled = new Counter({
      name: 'gridline_bus_handled_total',
      help: 'Bus requests this service answered, by pattern and outcome (ok, or the error code answered)',
      labelNames: ['pattern', 'outcome'],
      registers: [this.registry],
    });
    this.busHandledSeconds = new Histogram({
      name: 'gridline_bus_handled_seconds',
      help: 'Time this service took to answer a bus request, from its arrival to the answer (errors included)',
      labelNames: ['pattern'],
      buckets: SECONDS_BUCKETS,
      registers: [this.registry],
    });
    this.eventHandleSeconds = new Histogram({
      name: 'gridline_event_handle_seconds',
      help: 'Time a consumer took to handle one delivered event, by outcome (applied, duplicate, retried, failed, dead_lettered)',
      labelNames: ['consumer', 'outcome'],
      buckets: SECONDS_BUCKETS,
      registers: [this.registry],
    });
    this.httpRequests = new Counter({
      name: 'gridline_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern (unmatched for none) and status code',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.httpRequestSeconds = new Histogram({
      name: 'gridline_http_request_seconds',
      help: 'Time from an HTTP request to its response, by method and route pattern',
      labelNames: ['method', 'route'],
      buckets: SECONDS_BUCKETS,
      registers: [this.registry],
    });
  }
}

/** Public: scraped by Prometheus inside the cluster; it holds no personal data. */
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsRegistry) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}

/** At shutdown, the spans still batched are sent (startTracing). */
@Injectable()
class SpanFlush implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return flushSpans();
  }
}

@Module({})
export class MetricsModule {
  static forService(service: string): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [{ provide: MetricsRegistry, useValue: new MetricsRegistry(service) }, SpanFlush],
      exports: [MetricsRegistry],
    };
  }
}
