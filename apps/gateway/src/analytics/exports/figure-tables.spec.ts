import type { CollectionQualityView, HotspotsView, PartyFiguresView, TrendsView, WorkloadView } from '@gridline/contracts-analytics';
import { collectionTable, figureLabel, hotspotsTable, leaves, metricRows, partyTable, trendsTable, workloadTable, type FlatTable } from './figure-tables';

const cells = ({ columns, rows }: FlatTable) => rows.map((r) => columns.map((c) => c.value(r) ?? null));
const headers = ({ columns }: FlatTable) => columns.map((c) => c.header);

describe('figure tables', () => {
  it('names each leaf of an answer by its path, arrays left out', () => {
    expect(leaves({ a: 1, b: { c: null, d: 'x' }, e: [1, 2] })).toEqual([['a', 1], ['b.c', null], ['b.d', 'x']]);
    expect(figureLabel('cases.onTime.accept.rate')).toBe('案件·按时·受理·比率');
    expect(figureLabel('cases.unknownThing')).toBe('案件·unknownThing');
  });

  it('puts a figure of the period beside the same figure of the period before', () => {
    expect(metricRows('cases', { reported: 3, onTime: { sign: { numerator: 1, denominator: 2, rate: 0.5 } } }, { reported: 1, onTime: { sign: { numerator: 0, denominator: 0, rate: null } } })).toEqual([
      { metric: 'cases.reported', label: '案件·上报', current: 3, previous: 1 },
      { metric: 'cases.onTime.sign.numerator', label: '案件·按时·签收·分子', current: 1, previous: 0 },
      { metric: 'cases.onTime.sign.denominator', label: '案件·按时·签收·分母', current: 2, previous: 0 },
      { metric: 'cases.onTime.sign.rate', label: '案件·按时·签收·比率', current: 0.5, previous: null },
    ]);
  });

  it('flattens hot spots (by unit and by hex), trends, party and collection into rows with Chinese and English headers', () => {
    const spots: HotspotsView = { unit: 'S', by: 'category', category: null, from: 'f', to: 't', total: 3, appeals: 1, spots: [{ category: 'ROAD', unit: 'C1', unitName: '一社区', reported: 3, appeals: 1 }] };
    expect(headers(hotspotsTable(spots))).toEqual(['类别 category', '单位 unit', '单位名称 unitName', '案件 reported', '诉求 appeals']);
    expect(cells(hotspotsTable(spots))).toEqual([['ROAD', 'C1', '一社区', 3, 1]]);
    const hex: HotspotsView = { unit: 'S', by: 'hex', resolution: 8, category: null, from: 'f', to: 't', total: 3, unlocated: 0, appeals: 2, unlocatedAppeals: 0, cells: [{ cell: 'h', lat: 1, lng: 2, boundary: { type: 'Polygon', coordinates: [] }, reported: 3, appeals: 2, categories: [{ category: 'ROAD', reported: 2, appeals: 0 }, { category: 'WATER', reported: 1, appeals: 2 }] }] };
    expect(cells(hotspotsTable(hex))).toEqual([['h', 1, 2, 'ROAD', 2, 0], ['h', 1, 2, 'WATER', 1, 2]]);
    const trends: TrendsView = { unit: 'S', interval: 'day', from: 'f', to: 't', total: [{ bucket: '2026-11-01', reported: 2, closed: 1, appeals: 3 }], series: [{ category: 'ROAD', points: [{ bucket: '2026-11-01', reported: 2, closed: 1, appeals: 3 }] }] };
    expect(cells(trendsTable(trends))).toEqual([['total', '2026-11-01', 2, 1, 3], ['ROAD', '2026-11-01', 2, 1, 3]]);
    const figures = { grids: 2, gridsWithBranch: 1, coverageShare: 0.5, members: 3, membersByStatus: { formal: 2, probationary: 1 }, inServiceRegistrations: 0, activities: 1, attendance: 4, hours: 6 };
    const party: PartyFiguresView = { unit: 'S', from: 'f', to: 't', total: figures, units: [{ ...figures, membersByStatus: { formal: 2 }, unitCode: 'C1', level: 'community' }] };
    expect(headers(partyTable(party)).slice(-2)).toEqual(['党员·formal members.formal', '党员·probationary members.probationary']);
    expect(cells(partyTable(party))).toEqual([['S', null, 2, 1, 0.5, 3, 0, 1, 4, 6, 2, 1], ['C1', 'community', 2, 1, 0.5, 3, 0, 1, 4, 6, 2, 0]]);
    const collection: CollectionQualityView = { grids: 2, buildings: 5, households: 9, residents: 20, averageCompleteness: 0.8, weakestGrids: [{ gridCode: 'G1', completeness: 0.6, residents: 8 }], lastUpdatedAt: null };
    expect(cells(collectionTable(collection))).toEqual([[null, 2, 5, 9, 20, 0.8, null], ['G1', null, null, null, 8, 0.6, null]]);
  });

  it('flattens the workload: a row per grid staff member with name, login and grids, then the total without a subject', () => {
    const counts = { reported: 3, handled: 2, handledOnTime: 1, onTimeRate: { numerator: 1, denominator: 2, rate: 0.5 }, visits: 4, partyHours: 1.5 };
    const zero = { reported: 0, handled: 0, handledOnTime: 0, onTimeRate: { numerator: 0, denominator: 0, rate: null }, visits: 0, partyHours: 0 };
    const view: WorkloadView = {
      unit: 'S', unitName: null, from: 'f', to: 't', self: false, total: counts,
      staff: [
        { personId: 'p1', name: '王晓梅', subject: 'u1', grids: [{ code: 'G1', name: '一网格' }, { code: 'G2', name: null }], ...counts },
        { personId: 'p2', name: '赵敏', subject: null, grids: [{ code: 'G1', name: '一网格' }], ...zero },
      ],
    };
    expect(headers(workloadTable(view)).slice(0, 4)).toEqual(['姓名 name', '账号 subject', '网格 grids', '上报案件 reported']);
    expect(cells(workloadTable(view))).toEqual([
      ['王晓梅', 'u1', '一网格、G2', 3, 2, 1, 0.5, 4, 1.5],
      ['赵敏', null, '一网格', 0, 0, 0, null, 0, 0],
      ['total', null, null, 3, 2, 1, 0.5, 4, 1.5],
    ]);
  });
});
