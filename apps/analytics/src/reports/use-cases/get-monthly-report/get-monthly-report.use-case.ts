import { Injectable } from '@nestjs/common';
import { FIGURES_READERS, requireRole, scopeCovers, type Role } from '@gridline/auth';
import { AppError, EXPORT_ROWS_CEILING } from '@gridline/platform';
import { ExportAuditRepository } from '@gridline/persistence';
import {
  AnalyticsErrorCode,
  analyticsInvalid,
  MONTH_PATTERN,
  MONTHLY_REPORT_FORMATS,
  type MonthlyHotTopic,
  type MonthlyReportFormat,
  type MonthlyReportView,
} from '@gridline/contracts-analytics';
import { ReferenceRepository } from '@gridline/registry-reference';
import { calendarPeriod, previousPeriod } from '../../../figures/figures-period';
import { FiguresRepository } from '../../../figures/figures.repository';
import { HotlineFiguresRepository } from '../../../hotline/hotline-figures.repository';
import { HotspotsRepository, type HotspotScope } from '../../../hotspots/hotspots.repository';
import { PartyFiguresRepository } from '../../../party/party-figures.repository';
import { GetRankingsUseCase } from '../../../rankings/use-cases/get-rankings/get-rankings.use-case';
import { MonthlyReportRepository } from '../../monthly-report.repository';
import type { GetMonthlyReportQuery } from './get-monthly-report.query';

/** Who reads a unit's monthly report: the figures' readers of units (a department's handler reads only their department's figures). */
export const MONTHLY_REPORT_READERS: readonly Role[] = FIGURES_READERS.filter((r) => r !== 'department');

/** How many categories the hot topics name. */
export const HOT_TOPICS = 10;

/** The list a monthly report is audited under. */
export const MONTHLY_REPORT_LIST = 'analytics.report.monthly';

const share = (n: number, total: number) => (total > 0 ? Math.round((n / total) * 1000) / 1000 : null);

/** Sums hot-spot rows per category (appeals not classified yet left out). */
function perCategory(rows: { category: string | null; reported: number; appeals: number }[]): Map<string, { reported: number; appeals: number }> {
  const sums = new Map<string, { reported: number; appeals: number }>();
  for (const r of rows) {
    if (!r.category) continue;
    const sum = sums.get(r.category) ?? { reported: 0, appeals: 0 };
    sum.reported += r.reported;
    sum.appeals += r.appeals;
    sums.set(r.category, sum);
  }
  return sums;
}

/**
 * The grid centre's monthly report of a street or community: the month's grid-case figures beside the month before's,
 * the top categories (cases and 12345 appeals), the league of its communities and grids, the red-carded cases, the hotline's rates — read in one snapshot, so that the sections agree —
 * and recorded in the export audit (who, when, unit, month, format) with it, before the gateway sends a byte.
 */
@Injectable()
export class GetMonthlyReportUseCase {
  constructor(
    private readonly reports: MonthlyReportRepository,
    private readonly figures: FiguresRepository,
    private readonly hotspots: HotspotsRepository,
    private readonly units: PartyFiguresRepository,
    private readonly hotline: HotlineFiguresRepository,
    private readonly reference: ReferenceRepository,
    private readonly audit: ExportAuditRepository,
    private readonly rankings: GetRankingsUseCase,
  ) {}

  async execute({ caller, query }: GetMonthlyReportQuery, now: Date = new Date()): Promise<MonthlyReportView> {
    requireRole(caller, MONTHLY_REPORT_READERS, 'read the monthly report');
    if (typeof query.month !== 'string' || !MONTH_PATTERN.test(query.month)) throw analyticsInvalid('month', 'must be a month as YYYY-MM');
    const format: MonthlyReportFormat = query.format ?? 'json';
    if (!MONTHLY_REPORT_FORMATS.includes(format)) throw analyticsInvalid('format', `must be one of ${MONTHLY_REPORT_FORMATS.join(', ')}`);
    const code = query.unit ?? caller.units[0];
    if (!code) throw analyticsInvalid('unit', 'is required (your scope names no unit)');
    const unit = await this.units.unit(code);
    // Unknown and out of scope read alike.
    if (!unit || !scopeCovers(caller, unit.path)) throw new AppError(AnalyticsErrorCode.UnitNotFound, 'not_found', `Unit ${code} not found`, { unit: code });
    if (unit.level !== 'street' && unit.level !== 'community') throw analyticsInvalid('unit', 'must be a street or a community (the grid centres that report monthly)');
    const current = calendarPeriod('month', `${query.month}-01`);
    const previous = previousPeriod(current);
    const scope: HotspotScope = { unit: unit.code, depth: unit.path.length };
    return this.reports.snapshot(async () => {
      const figures = { current: await this.figures.caseFigures(scope, current, now), previous: await this.figures.caseFigures(scope, previous, now) };
      const reported = perCategory(await this.hotspots.hotspots(scope, 'category', current));
      const before = perCategory(await this.hotspots.hotspots(scope, 'category', previous));
      const both = (n: { reported: number; appeals: number }) => n.reported + n.appeals;
      const top = [...reported.entries()].filter(([, n]) => both(n) > 0).sort(([a, x], [b, y]) => both(y) - both(x) || a.localeCompare(b)).slice(0, HOT_TOPICS);
      const communities = unit.level === 'street' ? await this.rankings.ranking(unit, 'community', current, previous) : null;
      const grids = await this.rankings.ranking(unit, 'grid', current, previous);
      const rankings = { weights: grids.weights, communities: communities?.rows ?? null, grids: grids.rows };
      const red = await this.reports.redCards(scope, current);
      const names = await this.reference.names({
        units: [unit.code, ...red.map((r) => r.gridCode), ...red.flatMap((r) => (r.ownerKind === 'unit' && r.ownerCode ? [r.ownerCode] : []))],
        categories: [...top.map(([c]) => c), ...red.map((r) => r.categoryCode)],
        departments: red.flatMap((r) => (r.ownerKind === 'department' && r.ownerCode ? [r.ownerCode] : [])),
      });
      const hotTopics: MonthlyHotTopic[] = top.map(([category, n], i) => ({
        rank: i + 1,
        category,
        categoryName: names.category(category),
        reported: n.reported,
        share: share(n.reported, figures.current.reported),
        appeals: n.appeals,
        previousReported: before.get(category)?.reported ?? 0,
        previousAppeals: before.get(category)?.appeals ?? 0,
      }));
      const redCards = red.map((r) => ({
        workOrder: r.workOrder,
        incidentId: r.incidentId,
        at: r.at.toISOString(),
        categoryCode: r.categoryCode,
        categoryName: names.category(r.categoryCode),
        gridCode: r.gridCode,
        gridName: names.unit(r.gridCode),
        ownerKind: r.ownerKind,
        ownerCode: r.ownerCode,
        ownerName: r.ownerCode ? (r.ownerKind === 'department' ? names.department(r.ownerCode) : names.unit(r.ownerCode)) : null,
        status: r.status,
      }));
      const hotline = {
        current: await this.figures.appealFigures(scope, current),
        previous: await this.figures.appealFigures(scope, previous),
        unit: await this.hotline.ofOwner(unit.code),
        beneath: await this.hotline.beneath(unit.code),
      };
      const rows = (rankings.communities?.length ?? 0) + rankings.grids.length + hotTopics.length + redCards.length + (hotline.unit ? 1 : 0) + hotline.beneath.length;
      await this.audit.recordExport({ caller, list: MONTHLY_REPORT_LIST, format, filters: { unit: unit.code, month: query.month }, rows, maxRows: EXPORT_ROWS_CEILING });
      return {
        unit: { code: unit.code, name: names.unit(unit.code), level: unit.level },
        month: query.month,
        from: current.from,
        to: current.to,
        previous: { month: previous.from.slice(0, 7), from: previous.from, to: previous.to },
        generatedAt: now.toISOString(),
        figures,
        hotTopics,
        rankings,
        redCards,
        hotline,
      };
    });
  }
}

