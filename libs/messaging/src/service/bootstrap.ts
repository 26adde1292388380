import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DynamicModule } from '@nestjs/common';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { MikroORM } from '@mikro-orm/core';
import type { MikroORM as PgMikroORM } from '@mikro-orm/postgresql';
import { ConfigError, NestPinoLogger, createLogger, startTracing, type AppLogger, type ServiceConfig } from '@gridline/platform';
import { migrateSchema } from '@gridline/persistence';
import { BusServer } from '../bus/bus-server';
import { natsSettings } from '../nats/nats-connection';
import { BusContextInterceptor } from '../bus/bus-context.interceptor';
import { BusExceptionFilter } from '../bus/bus-exception.filter';
import { createValidationPipe } from '../bus/validation';

export interface RunningService {
  app: NestFastifyApplication;
  /** Base URL of the health/metrics listener. */
  url: string;
  logger: AppLogger;
  close(): Promise<void>;
}

/**
 * Starts a service the one way: migrate its schema (unless switched off), start the NATS
 * microservice in the service's queue group, then the small HTTP listener for health and metrics.
 * SIGTERM stops taking work, finishes what is in flight and closes connections.
 */
export async function startService(service: string, config: ServiceConfig, module: DynamicModule, logger = createLogger(service, config.LOG_LEVEL)): Promise<RunningService> {
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(), {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
  });
  if (config.RUN_MIGRATIONS) {
    const applied = await migrateSchema(app.get(MikroORM) as PgMikroORM);
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
  }
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  const microservice = app.connectMicroservice<MicroserviceOptions>({
    strategy: new BusServer({
      ...natsSettings(service, config),
      prefix: config.NATS_PREFIX,
      queue: service,
      name: service,
    }),
  }, { deferInitialization: true });
  microservice.useGlobalPipes(createValidationPipe());
  microservice.useGlobalFilters(new BusExceptionFilter());
  microservice.useGlobalInterceptors(app.get(BusContextInterceptor));
  // Handlers are bound only now, so that the pipe, filter and interceptor above apply to them.
  await microservice.init();
  await app.init();
  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  logger.info({ url }, `${service} service ready`);
  return { app, url, logger, close: () => app.close() };
}

/** The entry point of a service process: a bad configuration stops it with a message naming the variable. */
export async function runServiceMain(service: string, load: () => { config: ServiceConfig; module: DynamicModule }): Promise<void> {
  let loaded: { config: ServiceConfig; module: DynamicModule };
  try {
    loaded = load();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${service}: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  // The process's spans to the collector when OTEL_EXPORTER_OTLP_ENDPOINT is set (once per process: not in startService).
  startTracing(service, loaded.config.OTEL_EXPORTER_OTLP_ENDPOINT);
  try {
    await startService(service, loaded.config, loaded.module);
  } catch (error) {
    process.stderr.write(`${service}: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
