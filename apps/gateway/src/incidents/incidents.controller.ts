import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IsUUID } from 'class-validator';
import { ExportAuditQuery, IsOneOf, MAX_PAGE_SIZE } from '@gridline/platform';
import { CurrentCaller, Roles, type Caller } from '@gridline/auth';
import {
  INCIDENT_ACTIONS,
  ExportIncidentsQuery,
  IncidentActionBody,
  IncidentCountsQuery,
  IncidentsClient,
  ListIncidentsQuery,
  ReportIncidentRequest,
  type IncidentAction,
} from '@gridline/contracts-incidents';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { ApiCursorPage, ApiOffsetPage } from '../http/api-page.decorator';
import { ApiListExport, EXPORT_LIMITS, inRequestContext, sendExport, type ExportLimits } from '../http/exports/list-export';
import { cursorRows, exportTable } from '../http/exports/table-export';
import { INCIDENT_EXPORT_COLUMNS } from './incident-export.columns';
import { IdempotentCreate } from '../http/idempotent-create.decorator';

/** What a case view carries beside its codes and state (IncidentView in @gridline/contracts-incidents). */
const CASE_VIEW =
  'A case: its codes with their names (`categoryName`, `gridName`, `community: { code, name }`, `ownerName`; null when the platform does not know the name), ' +
  'the reporter\'s `attachments`, `handling: { result, resolution, attachments, by, at } | null` (the latest handling, with the handler\'s own attachments), ' +
  '`verification: { passed, comment, by, at } | null` (the latest on-site verification), `evaluation: { rating, by, at } | null` and `rating`, ' +
  '`extension` (pending), `supervision`, `allowedActions`. `by` is a user id, never a person\'s name.';

class IncidentIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

class IncidentActionParam extends IncidentIdParam {
  @ApiProperty({ enum: INCIDENT_ACTIONS })
  @IsOneOf(INCIDENT_ACTIONS, { message: `action must be one of ${INCIDENT_ACTIONS.join(', ')}` })
  action!: IncidentAction;
}

@ApiTags('incidents')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/incidents`)
export class IncidentsController {
  constructor(
    private readonly incidents: IncidentsClient,
    @Inject(EXPORT_LIMITS) private readonly exportLimits: ExportLimits,
  ) {}

  @Post()
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({ summary: 'Report a case; answers it with possible duplicates nearby' })
  report(@CurrentCaller() caller: Caller, @Body() body: ReportIncidentRequest) {
    return this.incidents.report(caller, body);
  }

  @Get()
  @ApiOperation({ summary: 'Cases in your scope, filtered, newest first (cursor pagination)' })
  @ApiCursorPage(`A case as GET /incidents/{id} answers it. ${CASE_VIEW}`)
  list(@CurrentCaller() caller: Caller, @Query() query: ListIncidentsQuery) {
    return this.incidents.list(caller, query);
  }

  @Get('export')
  @ApiListExport('incidents', '/incidents', 'case')
  async export(@CurrentCaller() caller: Caller, @Query() { format, ...filters }: ExportIncidentsQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const { rows } = await this.incidents.recordExport(caller, filters, format, this.exportLimits.maxRows);
    const page = inRequestContext((cursor: string | undefined) => this.incidents.list(caller, { ...filters, ...(cursor ? { cursor } : {}), limit: MAX_PAGE_SIZE }));
    // Never more rows than were counted and audited (cases reported meanwhile may follow in an oldest-first order).
    return sendExport(reply, exportTable(format, 'incidents', cursorRows(page, rows), INCIDENT_EXPORT_COLUMNS));
  }

  @Get('exports')
  @Roles('admin')
  @ApiOperation({ summary: 'The exports of the case list, newest first: who, when, the format, the filters and the rows' })
  @ApiOffsetPage('`{ id, at, actor, actorRoles, list, format, filters, rows, correlationId }`: one export; never a row of it')
  exports(@CurrentCaller() caller: Caller, @Query() query: ExportAuditQuery) {
    return this.incidents.exportAudit(caller, query);
  }

  @Get('counts')
  @ApiOperation({ summary: 'Cases in your scope by status, with overdue and supervised counts' })
  counts(@CurrentCaller() caller: Caller, @Query() query: IncidentCountsQuery) {
    return this.incidents.counts(caller, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One case, with the actions you may take next' })
  @ApiOkResponse({ description: CASE_VIEW })
  get(@CurrentCaller() caller: Caller, @Param() { id }: IncidentIdParam) {
    return this.incidents.get(caller, id);
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Every step of a case: who, when, from which state to which, comment, and what happened' })
  @ApiOkResponse({
    description:
      '`[{ at, action, actor, fromStatus, toStatus, comment, details }]`, oldest first. `details` by action: dispatch `{ owner: { kind, code, level?, name }, why: chosen|category_department|category_level, categoryOwnerLevel }`; ' +
      'request_extension `{ requestedUntil, reason, dueAt }`; decide_extension `{ approved, requestedUntil, dueAt }` (the new due time when approved); handle `{ result, resolution, attachments, attachmentCount }`; ' +
      'verify and closed `{ passed, comment }`; evaluate `{ rating }`; return `{ reason, owner }`; reject, cancel `{ reason }`; merge `{ intoId }`; report of a hotline case `{ appealRef, handoff, reopenCount, satisfaction? }`; ' +
      'appeal_callback `{ appealRef, handoff, satisfaction }`. What an older entry did not keep is null.',
  })
  timeline(@CurrentCaller() caller: Caller, @Param() { id }: IncidentIdParam) {
    return this.incidents.timeline(caller, id);
  }

  @Post(':id/actions/:action')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a step: accept, reject, dispatch, sign, return, handle, verify, evaluate, request_extension, decide_extension, cancel, merge' })
  act(@CurrentCaller() caller: Caller, @Param() { id, action }: IncidentActionParam, @Body() body: IncidentActionBody) {
    return this.incidents.act(caller, id, action, body);
  }
}
