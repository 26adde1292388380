import { Controller, Get, Header, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { Public } from '../http/public.decorator';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The process's Prometheus registry, with default metrics labelled by service. */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();
  readonly busRequests: Counter<'pattern' | 'outcome'>;
  readonly busRequestSeconds: Histogram<'pattern'>;
  readonly eventsPublished: Counter<'type'>;
  readonly eventsConsumed: Counter<'consumer' | 'outcome'>;

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
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
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

@Module({})
export class MetricsModule {
  static forService(service: string): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [{ provide: MetricsRegistry, useValue: new MetricsRegistry(service) }],
      exports: [MetricsRegistry],
    };
  }
}
