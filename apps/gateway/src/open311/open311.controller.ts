import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseFilters, applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@gridline/platform';
import { Open311Error } from './open311-error';
import { Open311ExceptionFilter } from './open311-exception.filter';
import { OPEN311_CONTENT_TYPES, isOpen311Format, renderOpen311, type Open311Format } from './open311-format';
import { postParams, type Open311Params } from './open311-params';
import { Open311ServiceRequestUpdateForm } from './open311-service-request-update.form';
import { Open311ServiceRequestForm } from './open311-service-request.form';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import type { XmlValue } from './open311-xml';
import { ReadServiceRequestUpdatesUseCase } from './use-cases/read-service-request-updates/read-service-request-updates.use-case';
import { ReadServiceRequestsUseCase } from './use-cases/read-service-requests/read-service-requests.use-case';
import { SubmitServiceRequestUpdateUseCase } from './use-cases/submit-service-request-update/submit-service-request-update.use-case';
import { OPEN311_PATH, ReadServicesUseCase } from './use-cases/read-services/read-services.use-case';
import { SubmitServiceRequestUseCase } from './use-cases/submit-service-request/submit-service-request.use-case';

export const OPEN311_PREFIX = OPEN311_PATH;

const format = ApiParam({ name: 'format', enum: ['json', 'xml'] });
const jurisdiction = ApiQuery({ name: 'jurisdiction_id', required: false, description: 'Optional: this endpoint serves one jurisdiction' });
const errors = applyDecorators(
  ApiResponse({ status: 400, description: 'A parameter is missing or wrong, or the request could not be processed: `<errors><error><code/><description/></error></errors>` / `[{code, description}]`' }),
  ApiResponse({ status: 403, description: 'api_key missing or invalid (POST)' }),
  ApiResponse({ status: 404, description: 'Unknown service, request, token or jurisdiction' }),
);
const produces = ApiProduces(OPEN311_CONTENT_TYPES.json, OPEN311_CONTENT_TYPES.xml);

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): every resource in `.json` and `.xml`, errors in the
 * specification's format. Public — no bearer token; POST requests needs an `api_key` instead. See docs/open311.md.
 */
@ApiTags('open311')
@errors
@Public()
@UseFilters(Open311ExceptionFilter)
@Controller(OPEN311_PREFIX)
export class Open311Controller {
  constructor(
    private readonly services: ReadServicesUseCase,
    private readonly requests: ReadServiceRequestsUseCase,
    private readonly submit: SubmitServiceRequestUseCase,
    private readonly updates: ReadServiceRequestUpdatesUseCase,
    private readonly submitUpdate: SubmitServiceRequestUpdateUseCase,
  ) {}

  @Get('discovery.:format')
  @ApiOperation({ summary: 'Open311 service discovery: the GeoReport v2 endpoint and the public grid lookup, their formats, and how to get an API key' })
  @format
  @produces
  discovery(@Param('format') ext: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendDiscovery(this.services, ext, request, reply);
  }

  @Get('services.:format')
  @ApiOperation({ summary: 'GET Service List: the minor categories of the responsibility list the public may report' })
  @format
  @jurisdiction
  @produces
  async serviceList(@Param('format') ext: string, @Query() query: Open311Params, @Res({ passthrough: true }) reply: FastifyReply) {
    const f = formatOf(ext);
    return send(reply, f, 'services', await this.services.services(query));
  }

  @Get('services/:service_code.:format')
  @ApiOperation({ summary: 'GET Service Definition: no category asks for attributes, so the list is empty' })
  @ApiParam({ name: 'service_code', example: 'ENV.GARBAGE' })
  @format
  @jurisdiction
  @produces
  async serviceDefinition(@Param('service_code') code: string, @Param('format') ext: string, @Query() query: Open311Params, @Res({ passthrough: true }) reply: FastifyReply) {
    const f = formatOf(ext);
    return send(reply, f, 'service_definition', await this.services.definition(code, query));
  }

  @Post('requests.:format')
  @HttpCode(200)
  @ApiOperation({ summary: 'POST Service Request (form-encoded, api_key required): becomes a 12345 appeal of the channel open311' })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ type: Open311ServiceRequestForm })
  @format
  @produces
  async create(@Param('format') ext: string, @Query() query: unknown, @Body() form: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const f = formatOf(ext);
    return send(reply, f, 'service_requests', await this.submit.execute(postParams(query, form)));
  }

  @Get('requests.:format')
  @ApiOperation({ summary: 'GET Service Requests: by service_request_id (comma-delimited), or service_code, status, start_date, end_date (last 90 days, at most 1000)' })
  @format
  @jurisdiction
  @ApiQuery({ name: 'service_request_id', required: false, description: 'Comma-delimited; overrides the other filters' })
  @ApiQuery({ name: 'service_code', required: false, description: 'Comma-delimited' })
  @ApiQuery({ name: 'status', required: false, description: 'open, closed (comma-delimited)' })
  @ApiQuery({ name: 'start_date', required: false, description: 'W3C date-time with time zone' })
  @ApiQuery({ name: 'end_date', required: false, description: 'W3C date-time with time zone; at most 90 days after start_date' })
  @ApiQuery({ name: 'page', required: false, description: 'From 1 (default 1)' })
  @ApiQuery({ name: 'page_size', required: false, description: 'Requests per page, 1 to 1000 (default 1000)' })
  @produces
  async requestList(@Param('format') ext: string, @Query() query: Open311Params, @Res({ passthrough: true }) reply: FastifyReply) {
    const f = formatOf(ext);
    return send(reply, f, 'service_requests', await this.requests.list(query));
  }

  @Get('requests/:service_request_id.:format')
  @ApiOperation({ summary: 'GET Service Request: one request by its id' })
  @ApiParam({ name: 'service_request_id', format: 'uuid' })
  @format
  @jurisdiction
  @produces
  async request(@Param('service_request_id') id: string, @Param('format') ext: string, @Query() query: Open311Params, @Res({ passthrough: true }) reply: FastifyReply) {
    const f = formatOf(ext);
    return send(reply, f, 'service_requests', await this.requests.one(id, query));
  }

  @Get('servicerequestupdates.:format')
  @ApiOperation({
    summary:
      "FixMyStreet's GET Service Request Updates: the public steps of requests (status changes, the answer) and citizens' comments recorded between start_date and end_date, oldest first",
  })
  @format
  @jurisdiction
  @ApiQuery({ name: 'start_date', required: false, description: 'W3C date-time with time zone (default: 90 days before end_date, or before now)' })
  @ApiQuery({ name: 'end_date', required: false, description: 'W3C date-time with time zone; at most 90 days after start_date' })
  @ApiQuery({ name: 'page', required: false, description: 'From 1 (default 1)' })
  @ApiQuery({ name: 'page_size', required: false, description: 'Updates per page, 1 to 1000 (default 1000)' })
  @ApiQuery({ name: 'api_key', required: false, description: 'Not needed; ignored (FixMyStreet sends one)' })
  @produces
  async updateList(@Param('format') ext: string, @Query() query: Open311Params, @Res({ passthrough: true }) reply: FastifyReply) {
    const f = formatOf(ext);
    return send(reply, f, 'service_request_updates', await this.updates.list(query));
  }

  @Post('servicerequestupdates.:format')
  @HttpCode(200)
  @IdempotentCreate()
  @ApiOperation({
    summary:
      "FixMyStreet's POST Service Request Update (form-encoded, multipart or query string; api_key required): a citizen's comment, recorded on the appeal's timeline; it never reopens a closed appeal",
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'multipart/form-data')
  @ApiBody({ type: Open311ServiceRequestUpdateForm })
  @format
  @produces
  async createUpdate(@Param('format') ext: string, @Query() query: unknown, @Body() form: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const f = formatOf(ext);
    return send(reply, f, 'service_request_updates', await this.submitUpdate.execute(postParams(query, form)));
  }

  @Get('tokens/:token.:format')
  @ApiOperation({ summary: 'GET service_request_id from a token: every service is realtime here, so no token is ever issued (404)' })
  @ApiParam({ name: 'token' })
  @format
  @produces
  token(@Param('token') token: string, @Param('format') ext: string): never {
    formatOf(ext);
    throw Open311Error.notFound(`token ${token} was not found: every service here is realtime and answers a service_request_id at once`);
  }
}

/** Discovery where most city deployments publish it: `/open311/discovery.{json,xml}`, beside the endpoint. */
@ApiTags('open311')
@errors
@Public()
@UseFilters(Open311ExceptionFilter)
@Controller('open311')
export class Open311DiscoveryController {
  constructor(private readonly services: ReadServicesUseCase) {}

  @Get('discovery.:format')
  @ApiOperation({ summary: 'Open311 service discovery, at the address most deployments publish it (the same as /open311/v2/discovery)' })
  @format
  @produces
  discovery(@Param('format') ext: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendDiscovery(this.services, ext, request, reply);
  }
}

async function sendDiscovery(services: ReadServicesUseCase, ext: string, request: FastifyRequest, reply: FastifyReply): Promise<string> {
  const f = formatOf(ext);
  return send(reply, f, 'discovery', await services.discovery(`${request.protocol}://${request.host}`));
}

/** `.json` or `.xml`; any other extension names no resource. */
function formatOf(ext: string): Open311Format {
  if (!isOpen311Format(ext)) throw Open311Error.notFound(`The format ${ext} is not served: use .xml or .json`);
  return ext;
}

function send(reply: FastifyReply, f: Open311Format, root: string, body: XmlValue): string {
  void reply.header('Content-Type', OPEN311_CONTENT_TYPES[f]);
  return renderOpen311(f, root, body);
}
