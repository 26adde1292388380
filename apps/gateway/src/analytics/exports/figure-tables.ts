import type {
  CollectionQualityView,
  FiguresView,
  HotlineFiguresView,
  HotlineOwnerFiguresView,
  HotspotsView,
  PartyFiguresView,
  RankingRowView,
  RankingsView,
  TrendsView,
  WorkloadCounts,
  WorkloadView,
} from '@gridline/contracts-analytics';
import { RANKING_PARTS, type RankingPart } from '@gridline/contracts-analytics';
import type { ExportCell, ExportColumn } from '../../http/exports/table-export';

/** A row of a flattened figure table: its cells by column key. */
export type FlatRow = Record<string, ExportCell>;

/** A figure answer as one table: its columns (Chinese and English headers) and rows. */
export interface FlatTable {
  columns: ExportColumn<FlatRow>[];
  rows: FlatRow[];
}

/** Columns from `[key, header]` pairs: each column reads its key of the row. */
export function columnsOf(pairs: readonly (readonly [string, string, number?])[]): ExportColumn<FlatRow>[] {
  return pairs.map(([key, header, width]) => ({ header, value: (row: FlatRow) => row[key], ...(width ? { width } : {}) }));
}

/** The Chinese name of each part of a figure's path (a part without one is shown as it is). */
const LABELS: Record<string, string> = {
  cases: '案件', reported: '上报', accepted: '立案', rejected: '不予立案', closed: '结案', open: '在办', overdue: '超期',
  onTime: '按时', accept: '受理', dispatch: '派遣', sign: '签收', handle: '处置', verify: '核查',
  numerator: '分子', denominator: '分母', rate: '比率', warnings: '预警', yellowCards: '黄牌', redCards: '红牌',
  returnRate: '退回率', reworkRate: '返工率', extensionRate: '延期率', handlingHours: '办理工时', mean: '平均', p90: '90分位',
  evaluations: '评价', count: '数量', meanRating: '平均评分', satisfied: '满意',
  hotline: '热线', appeals: '诉求', received: '属地受理', owner: '责任主体', ownerName: '名称', responseRate: '响应率', resolutionRate: '解决率',
  satisfactionRate: '满意率', onTimeRate: '按时率', reopenRate: '重办率', from: '起', to: '止', updatedAt: '更新时间',
  collection: '采集质量', grids: '网格数', buildings: '楼栋', households: '户', residents: '居民', averageCompleteness: '平均完整度', lastUpdatedAt: '更新时间',
  party: '党建', gridsWithBranch: '有支部网格', coverageShare: '支部覆盖率', members: '党员', membersByStatus: '党员状态',
  inServiceRegistrations: '在职党员报到', activities: '活动', attendance: '签到', hours: '服务时长',
};

/** A figure's Chinese label: the names of its path's parts, joined by `·`. */
export function figureLabel(path: string): string {
  return path.split('.').map((part) => LABELS[part] ?? part).join('·');
}

/** Every leaf of an object (numbers, text, yes/no, null) by its dotted path; arrays are left out. */
export function leaves(value: unknown, prefix = ''): [string, ExportCell][] {
  if (value === null || typeof value !== 'object') return prefix ? [[prefix, value as ExportCell]] : [];
  if (Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => leaves(inner, prefix ? `${prefix}.${key}` : key));
}

/** The value at a dotted path of an object (undefined when absent). */
function at(value: unknown, path: string): ExportCell {
  let here: unknown = value;
  for (const part of path.split('.')) here = here && typeof here === 'object' ? (here as Record<string, unknown>)[part] : undefined;
  return here as ExportCell;
}

const METRIC_COLUMNS = columnsOf([
  ['metric', '指标 metric', 36],
  ['label', '名称 label', 24],
  ['current', '本期 current'],
  ['previous', '上期 previous'],
]);

/** Metric rows of an object beside another of the same shape (`previous`, null when there is none). */
export function metricRows(section: string, current: object, previous: object | null): FlatRow[] {
  return leaves(current).map(([path, value]) => ({ metric: `${section}.${path}`, label: figureLabel(`${section}.${path}`), current: value, previous: previous ? at(previous, path) : null }));
}

/** `figures`: each case figure of the period beside the period before, then the hotline, collection and party numbers. */
export function figuresTable(view: FiguresView): FlatTable {
  const collection = view.collection ? { ...view.collection, weakestGrids: undefined } : null;
  return {
    columns: METRIC_COLUMNS,
    rows: [
      ...metricRows('cases', view.current.cases, view.previous.cases),
      ...(view.hotline ? metricRows('hotline', view.hotline, null) : []),
      ...(collection ? metricRows('collection', collection, null) : []),
      ...(view.party ? metricRows('party', view.party, null) : []),
    ],
  };
}

/** `hotspots`: one row per spot (by category or grid), or per cell and category (by hex), most first. */
export function hotspotsTable(view: HotspotsView): FlatTable {
  if (view.by === 'hex') {
    return {
      columns: columnsOf([['cell', '网格单元 cell', 18], ['lat', '纬度 lat'], ['lng', '经度 lng'], ['category', '类别 category'], ['reported', '案件 reported'], ['appeals', '诉求 appeals']]),
      rows: view.cells.flatMap((c) => c.categories.map((k) => ({ cell: c.cell, lat: c.lat, lng: c.lng, category: k.category, reported: k.reported, appeals: k.appeals }))),
    };
  }
  return {
    columns: columnsOf([['category', '类别 category'], ['unit', '单位 unit', 18], ['unitName', '单位名称 unitName', 24], ['reported', '案件 reported'], ['appeals', '诉求 appeals']]),
    rows: view.spots.map((s) => ({ category: s.category, unit: s.unit, unitName: s.unitName, reported: s.reported, appeals: s.appeals })),
  };
}

/** `trends`: one row per bucket of the total, then of each category's series. */
export function trendsTable(view: TrendsView): FlatTable {
  const series = [{ category: 'total', points: view.total }, ...view.series];
  return {
    columns: columnsOf([['series', '系列 series'], ['bucket', '时段 bucket'], ['reported', '案件上报 reported'], ['closed', '案件办结 closed'], ['appeals', '诉求 appeals']]),
    rows: series.flatMap((s) => s.points.map((p) => ({ series: s.category, bucket: p.bucket, reported: p.reported, closed: p.closed, appeals: p.appeals }))),
  };
}

const PARTY_NUMBERS = ['grids', 'gridsWithBranch', 'coverageShare', 'members', 'inServiceRegistrations', 'activities', 'attendance', 'hours'] as const;

/** `party`: the asked unit's (or the scope's) total, then each unit beneath; members per status present. */
export function partyTable(view: PartyFiguresView): FlatTable {
  const all = [{ unitCode: view.unit ?? 'total', level: null, ...view.total }, ...view.units];
  const statuses = [...new Set(all.flatMap((u) => Object.keys(u.membersByStatus)))].sort();
  return {
    columns: columnsOf([
      ['unit', '单位 unit', 18],
      ['level', '层级 level'],
      ...PARTY_NUMBERS.map((k) => [k, `${LABELS[k]} ${k}`] as const),
      ...statuses.map((s) => [`members.${s}`, `党员·${s} members.${s}`] as const),
    ]),
    rows: all.map((u) => ({
      unit: u.unitCode,
      level: u.level,
      ...Object.fromEntries(PARTY_NUMBERS.map((k) => [k, u[k]])),
      ...Object.fromEntries(statuses.map((s) => [`members.${s}`, u.membersByStatus[s] ?? 0])),
    })),
  };
}

/** `collection`: the whole (no grid), then each of the weakest grids. */
export function collectionTable(view: CollectionQualityView): FlatTable {
  return {
    columns: columnsOf([
      ['grid', '网格 grid', 18],
      ['grids', '网格数 grids'],
      ['buildings', '楼栋 buildings'],
      ['households', '户 households'],
      ['residents', '居民 residents'],
      ['completeness', '完整度 completeness'],
      ['lastUpdatedAt', '更新 lastUpdatedAt', 24],
    ]),
    rows: [
      { grid: null, grids: view.grids, buildings: view.buildings, households: view.households, residents: view.residents, completeness: view.averageCompleteness, lastUpdatedAt: view.lastUpdatedAt },
      ...view.weakestGrids.map((g) => ({ grid: g.gridCode, residents: g.residents, completeness: g.completeness })),
    ],
  };
}

const HOTLINE_RATES = ['responseRate', 'resolutionRate', 'satisfactionRate', 'onTimeRate', 'returnRate', 'reopenRate', 'extensionRate'] as const;

/** The hotline's columns: a lead owner's figures as published. */
export const HOTLINE_COLUMNS = columnsOf([
  ['owner', '责任主体 owner', 18],
  ['ownerName', '名称 ownerName', 24],
  ['appeals', '诉求 appeals'],
  ...HOTLINE_RATES.map((k) => [k, `${LABELS[k]} ${k}`] as const),
  ['from', '起 from', 24],
  ['to', '止 to', 24],
  ['updatedAt', '更新 updatedAt', 24],
]);

/** One lead owner's row of the hotline's figures. */
export function hotlineRow(o: HotlineOwnerFiguresView): FlatRow {
  return { owner: o.owner, ownerName: o.ownerName, appeals: o.appeals, ...Object.fromEntries(HOTLINE_RATES.map((k) => [k, o[k]])), from: o.from, to: o.to, updatedAt: o.updatedAt };
}

/** `hotline`: one row per lead owner (departments first, then units). */
export function hotlineTable(view: HotlineFiguresView): FlatTable {
  return { columns: HOTLINE_COLUMNS, rows: view.owners.map(hotlineRow) };
}

const PART_LABELS: Record<RankingPart, string> = { onTime: '按时率', resolution: '办结率', satisfaction: '满意率', rework: '未返工率' };

/** The columns of a ranking's rows: rank, unit or department, score, the month before's rank, each part's rate. */
export function rankingColumns(first: readonly (readonly [string, string])[] = []): ExportColumn<FlatRow>[] {
  return columnsOf([
    ...first,
    ['rank', '排名 rank'],
    ['code', '编码 code', 18],
    ['name', '名称 name', 20],
    ['level', '层级 level'],
    ['score', '得分 score'],
    ['previousRank', '上期排名 previousRank'],
    ['movement', '升降 movement'],
    ['volume', '立案量 volume'],
    ...RANKING_PARTS.flatMap((p) => [[`${p}.rate`, `${PART_LABELS[p]} ${p}.rate`], [`${p}.weight`, `${PART_LABELS[p]}权重 ${p}.weight`]] as const),
    ['status', '状态 status'],
  ]);
}

/** A ranking's row: its rank and score, each part's rate and the weight it carried. */
export function rankingRow(r: RankingRowView, extra: FlatRow = {}): FlatRow {
  const parts = Object.fromEntries(RANKING_PARTS.flatMap((p) => [[`${p}.rate`, r.parts[p].rate], [`${p}.weight`, r.parts[p].weight]]));
  return { ...extra, rank: r.rank, code: r.code, name: r.name, level: r.level, score: r.score, previousRank: r.previousRank, movement: r.movement, volume: r.volume, ...parts, status: r.status };
}

/** `rankings`: one row per ranked (then unranked) unit or department. */
export function rankingsTable(view: RankingsView): FlatTable {
  return { columns: rankingColumns(), rows: view.rows.map((r) => rankingRow(r)) };
}

/** The Chinese names of the parts of a ranking's score. */
export const RANKING_PART_LABELS = PART_LABELS;

const WORKLOAD_NUMBERS = [
  ['reported', '上报案件 reported'],
  ['handled', '处置 handled'],
  ['handledOnTime', '按时处置 handledOnTime'],
  ['onTimeRate', '按时率 onTimeRate'],
  ['visits', '走访 visits'],
  ['partyHours', '党员服务时长 partyHours'],
] as const;

const workloadRow = (who: FlatRow, c: WorkloadCounts): FlatRow => ({ ...who, reported: c.reported, handled: c.handled, handledOnTime: c.handledOnTime, onTimeRate: c.onTimeRate.rate, visits: c.visits, partyHours: c.partyHours });

/**
 * `workload`: one row per grid staff member — name, login subject, their grids (names, or codes the copy cannot name)
 * — then the total (named `total`, no subject).
 */
export function workloadTable(view: WorkloadView): FlatTable {
  return {
    columns: columnsOf([['name', '姓名 name', 12], ['subject', '账号 subject', 24], ['grids', '网格 grids', 30], ...WORKLOAD_NUMBERS]),
    rows: [
      ...view.staff.map((s) => workloadRow({ name: s.name, subject: s.subject, grids: s.grids.map((g) => g.name ?? g.code).join('、') }, s)),
      workloadRow({ name: 'total', subject: null, grids: null }, view.total),
    ],
  };
}
