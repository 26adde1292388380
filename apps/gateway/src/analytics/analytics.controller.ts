import { Controller, Get, Inject, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, FIGURES_READERS, PARTY_READERS, Roles, WORKLOAD_READERS, type Caller } from '@gridline/auth';
import { ExportAuditQuery, ExportFormatQuery, type ExportFormat } from '@gridline/platform';
import {
  AnalyticsClient,
  ExportFiguresQuery,
  ExportHotspotsQuery,
  ExportPartyFiguresQuery,
  ExportRankingsQuery,
  ExportWorkloadQuery,
  ExportTrendsQuery,
  FiguresQuery,
  HotspotsQuery,
  MonthlyReportQuery,
  PartyFiguresQuery,
  TrendsQuery,
  WorkloadQuery,
  type AnalyticsExportTable,
} from '@gridline/contracts-analytics';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { ApiOffsetPage } from '../http/api-page.decorator';
import { ApiTableExport, EXPORT_LIMITS, sendExport, type ExportLimits } from '../http/exports/list-export';
import { exportTable, exportWorkbook } from '../http/exports/table-export';
import { collectionTable, figuresTable, hotlineTable, hotspotsTable, partyTable, rankingsTable, trendsTable, workloadTable, type FlatTable } from './exports/figure-tables';
import { MONTHLY_REPORT_CSP, monthlyReportHtml } from './reports/monthly-report.html';
import { monthlyReportSheets } from './reports/monthly-report.sheets';

@ApiTags('analytics')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/analytics`)
export class AnalyticsController {
  constructor(
    private readonly analytics: AnalyticsClient,
    @Inject(EXPORT_LIMITS) private readonly exportLimits: ExportLimits,
  ) {}

  /**
   * A figure table as a file: asked as the caller (scope and roles are the table's own), flattened, the export recorded
   * by analytics (the rows counted, 422 over EXPORT_MAX_ROWS) before a byte is sent.
   */
  private async sendTable(caller: Caller, table: AnalyticsExportTable, format: ExportFormat, filters: object, reply: FastifyReply, flat: FlatTable): Promise<StreamableFile> {
    await this.analytics.recordExport(caller, { table, format, filters: { ...filters }, rows: flat.rows.length, maxRows: this.exportLimits.maxRows });
    return sendExport(reply, exportTable(format, `analytics-${table}`, flat.rows, flat.columns));
  }

  @Get('overview')
  @ApiOperation({ summary: 'Streets, communities, grids and exclusive grids in your scope' })
  overview(@CurrentCaller() caller: Caller) {
    return this.analytics.overview(caller);
  }

  @Get('collection')
  @ApiOperation({ summary: 'Basic-information collection quality over the grids in your scope, weakest first' })
  collection(@CurrentCaller() caller: Caller) {
    return this.analytics.collectionQuality(caller);
  }

  @Get('hotline')
  @ApiOperation({ summary: "The hotline's three rates and unit figures per lead owner over the last 30 days, as last published" })
  hotline(@CurrentCaller() caller: Caller) {
    return this.analytics.hotlineFigures(caller);
  }

  @Get('party')
  @Roles(...PARTY_READERS)
  @ApiOperation({
    summary: 'Party figures of a unit in your scope and of each unit directly beneath it: grids, grids with a branch and the coverage share, members by status, in-service registrations in force, and the activities held, check-ins and approved service hours of a period of China days',
  })
  party(@CurrentCaller() caller: Caller, @Query() query: PartyFiguresQuery) {
    return this.analytics.partyFigures(caller, query);
  }

  @Get('figures')
  @Roles(...FIGURES_READERS)
  @ApiOperation({
    summary:
      "A unit's (or a department's) figures over a period (day, week, month, quarter, year or from–to, China time) with the period before beside it: grid cases reported, accepted, rejected, closed, open, overdue; on-time rate per step; cards; return, rework and extension rates; handling hours (mean, p90); evaluations; the 12345 appeals' three rates and unit figures of the unit or department as lead owner over the same periods (`appeals`, each rate with its numerator and denominator) and the appeals received beneath the unit; the hotline's last published figures; collection quality; party figures. Definitions: docs/analytics.md",
  })
  figures(@CurrentCaller() caller: Caller, @Query() query: FiguresQuery) {
    return this.analytics.figures(caller, query);
  }

  @Get('hotspots')
  @Roles(...FIGURES_READERS)
  @ApiOperation({
    summary:
      'Hot spots: the grid cases reported (`reported`) and the 12345 appeals received (`appeals`) in a period (China days) beneath a unit in your scope (of one category, if asked), by category × the unit directly beneath (by=category; an appeal not located at a grid at the street itself), per grid (by=grid), or per H3 cell of their location at resolution 7, 8 or 9 (by=hex: each cell with its centre, GeoJSON outline and counts; those without a location in `unlocated` and `unlocatedAppeals`), most first. Definitions: docs/analytics.md',
  })
  hotspots(@CurrentCaller() caller: Caller, @Query() query: HotspotsQuery) {
    return this.analytics.hotspots(caller, query);
  }

  @Get('trends')
  @Roles(...FIGURES_READERS)
  @ApiOperation({
    summary: 'Trends: the grid cases reported and closed and the 12345 appeals received beneath a unit in your scope per China day or ISO week, zero-filled, in total and per category (the one asked, or the top 5 by cases and appeals). Definitions: docs/analytics.md',
  })
  trends(@CurrentCaller() caller: Caller, @Query() query: TrendsQuery) {
    return this.analytics.trends(caller, query);
  }

  @Get('collection/export')
  @ApiTableExport('collection', '/analytics/collection', 'collection quality: the whole, then each of the 10 weakest grids')
  async exportCollectionTable(@CurrentCaller() caller: Caller, @Query() { format }: ExportFormatQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.sendTable(caller, 'collection', format, {}, reply, collectionTable(await this.analytics.collectionQuality(caller)));
  }

  @Get('hotline/export')
  @ApiTableExport('hotline', '/analytics/hotline', 'the hotline’s figures: a row per lead owner')
  async exportHotline(@CurrentCaller() caller: Caller, @Query() { format }: ExportFormatQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.sendTable(caller, 'hotline', format, {}, reply, hotlineTable(await this.analytics.hotlineFigures(caller)));
  }

  @Get('party/export')
  @Roles(...PARTY_READERS)
  @ApiTableExport('party', '/analytics/party', 'the party figures: the unit’s total, then each unit beneath')
  async exportParty(@CurrentCaller() caller: Caller, @Query() { format, ...query }: ExportPartyFiguresQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.sendTable(caller, 'party', format, query, reply, partyTable(await this.analytics.partyFigures(caller, query)));
  }

  @Get('figures/export')
  @Roles(...FIGURES_READERS)
  @ApiTableExport('figures', '/analytics/figures', 'the figures: a row per figure (its path in the JSON answer, its Chinese name, this period, the period before)')
  async exportFigures(@CurrentCaller() caller: Caller, @Query() { format, ...query }: ExportFiguresQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.sendTable(caller, 'figures', format, query, reply, figuresTable(await this.analytics.figures(caller, query)));
  }

  @Get('hotspots/export')
  @Roles(...FIGURES_READERS)
  @ApiTableExport('hotspots', '/analytics/hotspots', 'the hot spots: a row per spot (by=hex: per cell and category)')
  async exportHotspots(@CurrentCaller() caller: Caller, @Query() { format, ...query }: ExportHotspotsQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.sendTable(caller, 'hotspots', format, query, reply, hotspotsTable(await this.analytics.hotspots(caller, query)));
  }

  @Get('trends/export')
  @Roles(...FIGURES_READERS)
  @ApiTableExport('trends', '/analytics/trends', 'the trends: a row per bucket of the total, then of each series')
  async exportTrends(@CurrentCaller() caller: Caller, @Query() { format, ...query }: ExportTrendsQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.sendTable(caller, 'trends', format, query, reply, trendsTable(await this.analytics.trends(caller, query)));
  }

  @Get('rankings/export')
  @Roles(...FIGURES_READERS)
  @ApiTableExport('rankings', '/analytics/rankings', 'the rankings: a row per unit or department, best first (each part’s rate and weight)')
  async exportRankings(@CurrentCaller() caller: Caller, @Query() { format, ...query }: ExportRankingsQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.sendTable(caller, 'rankings', format, query, reply, rankingsTable(await this.analytics.rankings(caller, query)));
  }

  @Get('workload/export')
  @Roles(...WORKLOAD_READERS)
  @ApiTableExport('workload', '/analytics/workload', 'the staff workload: a row per grid staff member (name, login subject, grids), then the total')
  async exportWorkload(@CurrentCaller() caller: Caller, @Query() { format, ...query }: ExportWorkloadQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.sendTable(caller, 'workload', format, query, reply, workloadTable(await this.analytics.workload(caller, query)));
  }

  @Get('exports')
  @Roles('admin')
  @ApiOperation({ summary: 'The exports of figure tables and monthly reports, newest first: who, when, which (`list`), the format, the filters and the rows' })
  @ApiOffsetPage('`{ id, at, actor, actorRoles, list, format, filters, rows, correlationId }`: one export; never a row of it')
  exports(@CurrentCaller() caller: Caller, @Query() query: ExportAuditQuery) {
    return this.analytics.exportAudit(caller, query);
  }

  @Get('reports/monthly')
  @Roles(...FIGURES_READERS)
  @ApiOperation({
    summary: "The grid centre's monthly report of a street or community: volumes and rates beside the month before, hot topics, red cards, the hotline's rates — as JSON, XLSX (a sheet per section) or a printable HTML page; audited",
    description:
      'Composed by analytics in one snapshot (`analytics.report.monthly`) and recorded (who, when, unit, month, format) before it is sent; admins read the record at GET /analytics/exports. ' +
      "HTML: one self-contained A4 page (no script, no external asset, every value escaped) under `Content-Security-Policy: default-src 'none'` (its style allowed by hash). " +
      'A unit out of scope is 404 ANALYTICS_UNIT_NOT_FOUND, a grid 400 naming `unit`, a bad `month` or `format` 400 naming it. Definitions: docs/analytics.md',
  })
  @ApiProduces('application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/html')
  @ApiOkResponse({ description: 'MonthlyReportView `{ unit, month, from, to, previous, generatedAt, figures: { current, previous }, hotTopics, redCards, hotline: { unit, beneath } }`, or the file `monthly-report-<unit>-<month>.xlsx|html`' })
  async monthlyReport(@CurrentCaller() caller: Caller, @Query() query: MonthlyReportQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const format = query.format ?? 'json';
    const report = await this.analytics.monthlyReport(caller, { ...query, format });
    const name = `monthly-report-${report.unit.code}-${report.month}`;
    if (format === 'json') return report;
    if (format === 'xlsx') return sendExport(reply, exportWorkbook(name, monthlyReportSheets(report), `${name}.xlsx`));
    void reply
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Content-Security-Policy', MONTHLY_REPORT_CSP)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Disposition', `inline; filename="${name}.html"`);
    return monthlyReportHtml(report);
  }

  @Get('workload')
  @Roles(...WORKLOAD_READERS)
  @ApiOperation({
    summary:
      'Staff workload beneath a unit in your scope over a period (China days, `to` inclusive): a row per grid staff member of the unit\'s grids in the period (the registry\'s grid staff: name, login subject, grids; zeros included) with the cases their login reported, handlings done and done on time, household visits logged and approved party service hours; the total is the rows\' sum (the work of anyone who is not grid staff of the unit — schedulers, departments\' handlers, grid centre officers — is in neither). Grid staff: only their own row. Definitions: docs/analytics.md',
  })
  workload(@CurrentCaller() caller: Caller, @Query() query: WorkloadQuery) {
    return this.analytics.workload(caller, query);
  }
}
