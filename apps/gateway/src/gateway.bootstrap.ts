import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { randomUUID } from 'node:crypto';
import { ConfigError, MetricsRegistry, NestPinoLogger, SpanKind, createLogger, endSpan, parseTraceparent, startSpan, traceparentOf, type AppLogger, type Span } from '@gridline/platform';
import { DEV_JWT } from '@gridline/auth';
import { createValidationPipe } from '@gridline/messaging';
import { GATEWAY, GatewayAppModule } from './gateway-app.module';
import type { GatewayConfig } from './gateway.config';
import { CORRELATION_HEADER } from './http/api';
import { MultipartForm, formDataBoundary, parseFormData } from './http/form-data';
import { PHOTO_BODY_LIMIT, PHOTO_FORM_LIMITS, isPhotoUploadRoute } from './http/photo-upload';
import { applyHardening, trustProxyFrom } from './http/hardening';
import { installInputGuards, inputOptions } from './http/framework-errors';
import { ProblemDetailsFilter, renderFault } from './http/problem-details.filter';
import { serveConsole } from './console/console-static';

export interface GatewayApp {
  app: NestFastifyApplication;
  /** Every route Fastify registered (method and URL), for the route audit. */
  routes: { method: string; url: string }[];
  document: OpenAPIObject;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Builds the gateway: Fastify, correlation ids, validation, problem+json errors, auth, OpenAPI at /docs. */
export async function createGatewayApp(config: GatewayConfig, logger: AppLogger = createLogger(GATEWAY, config.LOG_LEVEL)): Promise<GatewayApp> {
  if (config.NODE_ENV === 'production' && !config.JWKS_URL && config.JWT_SECRET === DEV_JWT.secret) {
    throw new ConfigError(['JWT_SECRET: the development secret must not be used in production (set JWT_SECRET or JWKS_URL)']);
  }
  const adapter = new FastifyAdapter({ ...inputOptions(config.HTTP_BODY_LIMIT_BYTES, renderFault), trustProxy: trustProxyFrom(config.TRUST_PROXY) });
  const routes: GatewayApp['routes'] = [];
  const fastify = adapter.getInstance();
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
    // Photo uploads are the one body larger than a bus message: the gateway sends them on in chunks.
    if ([route.method].flat().some((method) => isPhotoUploadRoute(route.url, method))) route.bodyLimit = PHOTO_BODY_LIMIT;
  });
  // CSV uploads stay a stream: the importer reads them batch by batch, so memory stays flat.
  fastify.addContentTypeParser(['text/csv', 'application/csv'], (_request, payload, done) => done(null, payload));
  // multipart/form-data, read by the gateway's one strict reader: Open311 clients that send photos post it (its text
  // fields, as a form; files are not kept), and photo uploads take their files from it. Only there: the JSON API's
  // DTOs take JSON, and a form would reach them as strings.
  fastify.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (request, body, done) => {
    const photos = isPhotoUploadRoute(request.routeOptions.url ?? '', request.method);
    if (!request.url.startsWith('/open311/') && !photos) {
      return done(Object.assign(new Error(`Unsupported Media Type: multipart/form-data; this route takes application/json`), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }));
    }
    try {
      const boundary = formDataBoundary(request.headers['content-type']);
      if (!photos) return done(null, parseFormData(body as Buffer, boundary).fields);
      const form = parseFormData(body as Buffer, boundary, PHOTO_FORM_LIMITS);
      done(null, new MultipartForm(form.fields, form.files));
    } catch (error) {
      done(error as Error);
    }
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    // A client's id is kept when it looks like one; otherwise the gateway starts a new chain.
    const given = request.headers[CORRELATION_HEADER];
    const correlationId = typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
    (request as unknown as { correlationId: string }).correlationId = correlationId;
    void reply.header(CORRELATION_HEADER, correlationId);
    // The request's span, child of the client's `traceparent` when it sends a well-formed one; the bus requests the
    // request makes are its children (RequestContextInterceptor puts it in the request's context).
    const traceHeader = request.headers.traceparent;
    const parent = typeof traceHeader === 'string' && parseTraceparent(traceHeader) ? traceHeader : undefined;
    const route = request.routeOptions?.url ?? 'unmatched';
    const span = startSpan({ service: GATEWAY, name: `${request.method} ${route}`, kind: SpanKind.SERVER, parent, attributes: { 'http.request.method': request.method, 'http.route': route } });
    Object.assign(request, { span, traceparent: traceparentOf(span, parent) });
    done();
  });
  installInputGuards(fastify, renderFault);
  // The gateway's RED: each answer counted and timed by its route's pattern (a raw path would make a series per id);
  // the registry is the app's, known once it is built.
  const red: { metrics?: MetricsRegistry } = {};
  fastify.addHook('onResponse', (request, reply, done) => {
    const labels = { method: request.method, route: request.routeOptions?.url ?? 'unmatched' };
    red.metrics?.httpRequests.inc({ ...labels, status: String(reply.statusCode) });
    red.metrics?.httpRequestSeconds.observe(labels, reply.elapsedTime / 1000);
    const correlationId = (request as unknown as { correlationId: string }).correlationId;
    const { span, traceparent } = request as unknown as { span?: Span; traceparent?: string };
    const traceId = parseTraceparent(traceparent)?.traceId;
    logger.info({ correlationId, ...(traceId ? { traceId } : {}), method: request.method, route: request.routeOptions?.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    if (span) endSpan(span, reply.statusCode >= 500 ? String(reply.statusCode) : undefined, { 'http.response.status_code': reply.statusCode });
    done();
  });

  const app = await NestFactory.create<NestFastifyApplication>(GatewayAppModule.register(config), adapter, {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
    // The body parsers are the gateway's own (installInputGuards).
    bodyParser: false,
  });
  red.metrics = app.get(MetricsRegistry);
    await applyHardening(app, config);
  // After the hardening: its hooks (the security headers, the CSP) run first, so the console's pages carry them too.
  serveConsole(fastify, config.CONSOLE_DIR);
  app.useGlobalPipes(createValidationPipe({ refuseNull: true }));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Gridline API')
      .setDescription('Grid-based grassroots governance: the grid map, registers, cases, hotline appeals, party building and analytics. Errors are RFC 9457 problem details.')
      .setVersion('1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  // The request bodies' schemas: the validation pipe refuses a field a DTO does not declare (forbidNonWhitelisted), so
  // each says so — a client sees it, and the compatibility check (npm run api:compat) reads an added optional field as
  // widening what is accepted, not as a breaking change.
  for (const schema of requestBodySchemas(document)) {
    if ('properties' in schema && schema.additionalProperties === undefined) schema.additionalProperties = false;
  }
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ProblemDetails: PROBLEM_SCHEMA } };
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
  await app.init();
  return { app, routes, document };
}

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', description: 'Stable error code, e.g. VALIDATION_FAILED, UNIT_CODE_TAKEN' },
    correlationId: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, reasons: { type: 'array', items: { type: 'string' } } } },
    },
    errorId: { type: 'string' },
    service: { type: 'string' },
    details: { type: 'object', description: 'What the service said beside the message: ids, states, allowed actions' },
  },
};

/** The component schemas a request body uses, directly or through another schema (not those only answers use). */
function requestBodySchemas(document: OpenAPIObject): SchemaObject[] {
  const schemas = (document.components?.schemas ?? {}) as Record<string, SchemaObject>;
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
      const name = ref.slice('#/components/schemas/'.length);
      if (!found.has(name) && schemas[name]) {
        found.add(name);
        visit(schemas[name]);
      }
      return;
    }
    Object.values(node).forEach(visit);
  };
  for (const operations of Object.values(document.paths ?? {})) for (const operation of Object.values(operations ?? {})) visit((operation as { requestBody?: unknown })?.requestBody);
  return [...found].map((name) => schemas[name]);
}
