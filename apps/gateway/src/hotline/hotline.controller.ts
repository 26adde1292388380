import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IsUUID } from 'class-validator';
import { ExportAuditQuery, IsOneOf, MAX_PAGE_SIZE } from '@gridline/platform';
import { APPEAL_CALLER_REVEALERS, APPEAL_TAKERS, CurrentCaller, HOTLINE_FIGURES_READERS, Roles, type Caller } from '@gridline/auth';
import { APPEAL_ACTIONS, AppealActionBody, CallerAuditQuery, ExportAppealsQuery, FiguresQuery, HotlineClient, IntakeAppealRequest, ListAppealsQuery, RelatedAppealsQuery, RevealCallerQuery, type AppealAction } from '@gridline/contracts-hotline';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { ApiOffsetPage } from '../http/api-page.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { ApiListExport, EXPORT_LIMITS, inRequestContext, sendExport, type ExportLimits } from '../http/exports/list-export';
import { cursorRows, exportTable } from '../http/exports/table-export';
import { APPEAL_EXPORT_COLUMNS } from './appeal-export.columns';

class AppealIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

class AppealActionParam extends AppealIdParam {
  @ApiProperty({ enum: APPEAL_ACTIONS })
  @IsOneOf(APPEAL_ACTIONS, { message: `action must be one of ${APPEAL_ACTIONS.join(', ')}` })
  action!: AppealAction;
}

@ApiTags('hotline')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/appeals`)
export class HotlineController {
  constructor(
    private readonly hotline: HotlineClient,
    @Inject(EXPORT_LIMITS) private readonly exportLimits: ExportLimits,
  ) {}

  @Post()
  @IdempotentCreate()
  @HttpCode(201)
  @Roles(...APPEAL_TAKERS)
  @ApiOperation({ summary: "Take an appeal (the caller's name and phone are stored encrypted and answered masked)" })
  intake(@CurrentCaller() caller: Caller, @Body() body: IntakeAppealRequest) {
    return this.hotline.intake(caller, body);
  }

  @Get()
  @ApiOperation({ summary: 'Appeals in your scope or led by you, newest first' })
  @ApiOffsetPage('An appeal as GET /appeals/{id} answers it (the caller masked)')
  list(@CurrentCaller() caller: Caller, @Query() query: ListAppealsQuery) {
    return this.hotline.list(caller, query);
  }

  @Get('export')
  @ApiListExport('appeals', '/appeals', 'appeal', 'The caller is masked as in the list: an export never shows a caller in clear, and a `phone` filter is audited as `masked`. ')
  async export(@CurrentCaller() caller: Caller, @Query() { format, ...filters }: ExportAppealsQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const { rows } = await this.hotline.recordExport(caller, filters, format, this.exportLimits.maxRows);
    // Keyset pages (hotline.appeal.export.page): flat cost however deep, and no row twice when appeals arrive meanwhile.
    const page = inRequestContext((cursor: string | undefined) => this.hotline.listByCursor(caller, { ...filters, ...(cursor ? { cursor } : {}), limit: MAX_PAGE_SIZE }));
    return sendExport(reply, exportTable(format, 'appeals', cursorRows(page, rows), APPEAL_EXPORT_COLUMNS));
  }

  @Get('exports')
  @Roles('admin')
  @ApiOperation({ summary: 'The exports of the appeal list, newest first: who, when, the format, the filters (personal values masked) and the rows' })
  @ApiOffsetPage('`{ id, at, actor, actorRoles, list, format, filters, rows, correlationId }`: one export; never a row of it')
  exports(@CurrentCaller() caller: Caller, @Query() query: ExportAuditQuery) {
    return this.hotline.exportAudit(caller, query);
  }

  @Get('figures')
  @Roles(...HOTLINE_FIGURES_READERS)
  @ApiOperation({
    summary: 'The three rates (response, resolution, satisfaction) and the unit figures per lead owner over a period',
    description: 'Over the appeals in your scope: a community admin sees those of their own community. A date-only `to` includes that day (China time).',
  })
  figures(@CurrentCaller() caller: Caller, @Query() query: FiguresQuery) {
    return this.hotline.figures(caller, query);
  }

  @Get('audit')
  @Roles('admin')
  @ApiOperation({ summary: "The audit log of appeals' callers shown in clear, newest first" })
  @ApiOffsetPage('`{ id, at, actor, actorRoles, appealId, fields, reason, correlationId }`: one reveal, never the value shown')
  audit(@CurrentCaller() caller: Caller, @Query() query: CallerAuditQuery) {
    return this.hotline.callerAudit(caller, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One appeal, with the actions you may take next and the grid case it became' })
  get(@CurrentCaller() caller: Caller, @Param() { id }: AppealIdParam) {
    return this.hotline.get(caller, id);
  }

  @Get(':id/reveal')
  @Roles(...APPEAL_CALLER_REVEALERS)
  @ApiOperation({
    summary: "The caller's name and/or phone in clear, for the callback or the first contact, with a reason; written to the audit log",
    description: "For the hotline (operators, the street centre) and the appeal's lead owner. Rate-limited per caller like every reveal.",
  })
  reveal(@CurrentCaller() caller: Caller, @Param() { id }: AppealIdParam, @Query() query: RevealCallerQuery) {
    return this.hotline.revealCaller(caller, id, query);
  }

  @Get('related')
  @Roles(...APPEAL_TAKERS)
  @ApiOperation({
    summary: 'The related appeals of a call not yet taken — what the intake would answer — as the operator types',
    description:
      "The same caller's appeals within the repeat window (of the category, once chosen: phone whole), and the open appeals of the category in the grid of the point picked (lat and lng together) — among the appeals you may see. RelatedAppeal[]; the phone is matched through its keyed hash, never logged.",
  })
  related(@CurrentCaller() caller: Caller, @Query() query: RelatedAppealsQuery) {
    return this.hotline.related(caller, query);
  }

  @Get(':id/owner-suggestion')
  @ApiOperation({
    summary: 'Who a dispatch naming no lead gives the appeal to: the responsibility list\'s owner of its category at its place, or its street',
    description: 'For whoever may see the appeal. The dispatch form fills it in; the dispatcher may name another lead.',
  })
  ownerSuggestion(@CurrentCaller() caller: Caller, @Param() { id }: AppealIdParam) {
    return this.hotline.ownerSuggestion(caller, id);
  }

  @Get(':id/timeline')
  timeline(@CurrentCaller() caller: Caller, @Param() { id }: AppealIdParam) {
    return this.hotline.timeline(caller, id);
  }

  @Post(':id/actions/:action')
  @IdempotentCreate()
  @HttpCode(200)
  @ApiOperation({
    summary: 'A step: answer_directly, dispatch, sign, contact, return, decide_return, raise_objection, decide_objection, request_extension, decide_extension, answer, callback, merge, flag',
    description:
      'A return (退单) or an objection (异议) is asked by an owner and takes effect only when the hotline dispatcher decides it (decide_return, decide_objection) — never the person who asked (403 APPEAL_OWN_REQUEST); one waits at a time (409 otherwise). With an Idempotency-Key a retried step answers its first answer.',
  })
  act(@CurrentCaller() caller: Caller, @Param() { id, action }: AppealActionParam, @Body() body: AppealActionBody) {
    return this.hotline.act(caller, id, action, body);
  }
}
