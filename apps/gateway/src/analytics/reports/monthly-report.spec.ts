import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { CaseFigures, MonthlyReportView } from '@gridline/contracts-analytics';
import { exportWorkbook } from '../../http/exports/table-export';
import { escapeHtml, MONTHLY_REPORT_CSP, monthlyReportHtml } from './monthly-report.html';
import { monthlyReportSheets } from './monthly-report.sheets';

const rate = (numerator: number, denominator: number) => ({ numerator, denominator, rate: denominator ? Math.round((numerator / denominator) * 1000) / 1000 : null });
const cases = (reported: number): CaseFigures => ({
  reported, accepted: reported, rejected: 0, closed: 1, open: reported - 1, overdue: 0,
  onTime: { accept: rate(1, 1), dispatch: rate(1, 1), sign: rate(0, 1), handle: rate(0, 0), verify: rate(0, 0) },
  warnings: 0, yellowCards: 0, redCards: 1, returnRate: rate(0, 1), reworkRate: rate(0, 1), extensionRate: rate(0, 1),
  handlingHours: { cases: 1, mean: 3.5, p90: 3.5 }, evaluations: { count: 0, meanRating: null, satisfied: rate(0, 0) },
});
const appeals = (n: number) => ({ received: n, appeals: n, responseRate: rate(1, 2), resolutionRate: rate(1, 1), satisfactionRate: rate(0, 0), onTimeRate: rate(1, 1), returnRate: rate(0, n), reopenRate: rate(0, n), extensionRate: rate(0, n) });
const EVIL = '<script>alert("x")</script>&\'';
const REPORT: MonthlyReportView = {
  unit: { code: '370502003', name: `文汇街道${EVIL}`, level: 'street' },
  month: '2026-11', from: '2026-11-01', to: '2026-11-30', previous: { month: '2026-10', from: '2026-10-01', to: '2026-10-31' },
  generatedAt: '2026-12-01T08:00:00.000Z',
  figures: { current: cases(3), previous: cases(1) },
  hotTopics: [{ rank: 1, category: 'ROAD', categoryName: `道路${EVIL}`, reported: 2, share: 0.667, appeals: 1, previousReported: 1, previousAppeals: 0 }],
  rankings: {
    weights: { street: '370502003', streetName: null, source: 'default', weights: { onTime: 0.3, resolution: 0.3, satisfaction: 0.2, rework: 0.2 }, normalised: { onTime: 0.3, resolution: 0.3, satisfaction: 0.2, rework: 0.2 }, updatedBy: null, updatedAt: null },
    communities: [{ code: '370502003001', name: '一社区', level: 'community', status: 'ranked', parts: { onTime: { ...rate(1, 1), weight: 0.3, contribution: 30 }, resolution: { ...rate(1, 2), weight: 0.3, contribution: 15 }, satisfaction: { ...rate(0, 0), weight: null, contribution: null }, rework: { ...rate(1, 1), weight: 0.2, contribution: 20 } }, score: 81.25, rank: 1, previousRank: 2, movement: 1, volume: 3 }],
    grids: [],
  },
  redCards: [{ workOrder: 'GX-20261102-000001', incidentId: 'RA', at: '2026-11-20T01:00:00.000Z', categoryCode: 'ROAD', categoryName: '=HYPERLINK("http://x")', gridCode: '370502003001001', gridName: '第1网格', ownerKind: 'department', ownerCode: 'URBAN_MGMT', ownerName: null, status: 'dispatched' }],
  hotline: { current: appeals(4), previous: appeals(2), unit: null, beneath: [] },
};

async function bytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe(escapeHtml.name, () => {
  it('escapes the five characters that end text or an attribute, and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a> 网格`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt; 网格');
  });
});

describe(monthlyReportHtml.name, () => {
  const html = monthlyReportHtml(REPORT);

  it('is one page with the Chinese titles of every section and the values, each escaped', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    for (const title of ['月度通报', '案件量与比率', '热点问题', '排名通报', '红牌督办案件', '12345热线三率']) expect(html).toContain(title);
    expect(html).toContain('GX-20261102-000001');
    expect(html).toContain('道路&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    expect(html).not.toContain('<script');
    expect(html).toContain('本月无'); // the hotline: nothing published
  });

  it('loads nothing from outside and prints on A4', () => {
    expect(html).not.toMatch(/\b(src|href)=/i);
    expect(/<style>([\s\S]*?)<\/style>/.exec(html)?.[1]).not.toMatch(/url\(|@import|https?:/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|base|meta http-equiv)/i);
    expect(html).toContain('size: A4');
  });

  it('allows only its own style, by hash, under a policy that runs and loads nothing', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    expect(MONTHLY_REPORT_CSP).toContain(`style-src 'sha256-${hash}'`);
    expect(MONTHLY_REPORT_CSP).toMatch(/^default-src 'none';/);
    expect(MONTHLY_REPORT_CSP).not.toMatch(/unsafe-inline|script-src/);
  });
});

describe(monthlyReportSheets.name, () => {
  it('writes a workbook that exceljs opens: a sheet per section, the rows of the JSON', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytes(exportWorkbook('monthly-report', monthlyReportSheets(REPORT)).stream)) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['报告 report', '概况 volumes', '热点 hot topics', '排名 rankings', '红牌 red cards', '热线 hotline', '热线发布 published']);
    const volumes = workbook.getWorksheet('概况 volumes')!;
    const reported = volumes.getRows(2, volumes.rowCount - 1)!.find((r) => r.getCell(1).value === 'cases.reported')!;
    expect([reported.getCell(2).value, reported.getCell(3).value, reported.getCell(4).value]).toEqual(['案件·上报', 3, 1]);
    const red = workbook.getWorksheet('红牌 red cards')!;
    expect(red.rowCount).toBe(2);
    expect(red.getRow(2).getCell(1).value).toBe('GX-20261102-000001');
    // Text stays text: never a formula.
    expect(red.getRow(2).getCell(4).type).toBe(ExcelJS.ValueType.String);
    expect(workbook.getWorksheet('热线发布 published')!.rowCount).toBe(1);
    const hotline = workbook.getWorksheet('热线 hotline')!;
    expect((hotline.getRow(2).values as unknown[]).slice(1)).toEqual(['appeals.received', '诉求·属地受理', 4, 2]);
    const league = workbook.getWorksheet('排名 rankings')!;
    expect((league.getRow(2).values as unknown[]).slice(1, 8)).toEqual(['社区 community', 1, '370502003001', '一社区', 'community', 81.25, 2]);
  });
});
