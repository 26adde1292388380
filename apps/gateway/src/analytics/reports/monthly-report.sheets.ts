import { RANKING_PARTS, type MonthlyReportView } from '@gridline/contracts-analytics';
import type { XlsxSheet } from '../../http/exports/table-export';
import { columnsOf, HOTLINE_COLUMNS, hotlineRow, metricRows, RANKING_PART_LABELS, rankingColumns, rankingRow, type FlatRow, type FlatTable } from '../exports/figure-tables';

/** One section of the monthly report as a table: its sheet name (Chinese, English) and title. */
export interface ReportSection extends FlatTable {
  sheet: string;
  title: string;
}

const LEVELS: Record<string, string> = { street: '街道', community: '社区' };

const weightsText = (report: MonthlyReportView) => RANKING_PARTS.map((p) => `${RANKING_PART_LABELS[p]} ${report.rankings.weights.normalised[p]}`).join('，');

/** The monthly report's sections as tables, in the order of the page and the workbook. */
export function monthlyReportSections(report: MonthlyReportView): ReportSection[] {
  const about: FlatRow[] = [
    { item: '单位 unit', value: report.unit.code },
    { item: '名称 name', value: report.unit.name },
    { item: '层级 level', value: `${LEVELS[report.unit.level] ?? report.unit.level} ${report.unit.level}` },
    { item: '月份 month', value: report.month },
    { item: '起止 period', value: `${report.from} – ${report.to}` },
    { item: '上月 previous', value: `${report.previous.from} – ${report.previous.to}` },
    { item: '生成时间 generatedAt', value: report.generatedAt },
  ];
  return [
    { sheet: '报告 report', title: '报告信息', columns: columnsOf([['item', '项目 item', 24], ['value', '内容 value', 36]]), rows: about },
    {
      sheet: '概况 volumes',
      title: '案件量与比率（本月与上月）',
      columns: columnsOf([['metric', '指标 metric', 36], ['label', '名称 label', 24], ['current', '本月 current'], ['previous', '上月 previous']]),
      rows: metricRows('cases', report.figures.current, report.figures.previous),
    },
    {
      sheet: '热点 hot topics',
      title: '热点问题（案件与12345诉求最多的类别）',
      columns: columnsOf([['rank', '排名 rank'], ['category', '类别 category'], ['categoryName', '类别名称 categoryName', 24], ['reported', '案件 reported'], ['share', '案件占比 share'], ['appeals', '诉求 appeals'], ['previousReported', '上月案件 previousReported'], ['previousAppeals', '上月诉求 previousAppeals']]),
      rows: report.hotTopics.map((t) => ({ ...t })),
    },
    {
      sheet: '排名 rankings',
      title: `排名通报（综合得分，权重：${weightsText(report)}）`,
      columns: rankingColumns([['league', '榜单 league']]),
      rows: [...(report.rankings.communities ?? []).map((r) => rankingRow(r, { league: '社区 community' })), ...report.rankings.grids.map((r) => rankingRow(r, { league: '网格 grid' }))],
    },
    {
      sheet: '红牌 red cards',
      title: '红牌督办案件',
      columns: columnsOf([
        ['workOrder', '工单号 workOrder', 22],
        ['at', '红牌时间 at', 24],
        ['categoryCode', '类别 category'],
        ['categoryName', '类别名称 categoryName', 20],
        ['gridCode', '网格 grid', 18],
        ['gridName', '网格名称 gridName', 20],
        ['ownerKind', '责任类型 ownerKind'],
        ['ownerCode', '责任主体 owner', 18],
        ['ownerName', '责任主体名称 ownerName', 20],
        ['status', '状态 status'],
      ]),
      rows: report.redCards.map((r) => ({ ...r })),
    },
    {
      sheet: '热线 hotline',
      title: '12345热线三率（本月与上月）',
      columns: columnsOf([['metric', '指标 metric', 36], ['label', '名称 label', 24], ['current', '本月 current'], ['previous', '上月 previous']]),
      rows: metricRows('appeals', report.hotline.current, report.hotline.previous),
    },
    {
      sheet: '热线发布 published',
      title: '12345热线三率（热线最近发布，近30天）',
      columns: HOTLINE_COLUMNS,
      rows: [...(report.hotline.unit ? [report.hotline.unit] : []), ...report.hotline.beneath].map(hotlineRow),
    },
  ];
}

/** The workbook: one sheet per section. */
export function monthlyReportSheets(report: MonthlyReportView): XlsxSheet<FlatRow>[] {
  return monthlyReportSections(report).map((s) => ({ name: s.sheet, columns: s.columns, rows: s.rows }));
}
