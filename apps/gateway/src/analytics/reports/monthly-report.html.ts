import { createHash } from 'node:crypto';
import type { MonthlyReportView } from '@gridline/contracts-analytics';
import type { ExportCell } from '../../http/exports/table-export';
import { monthlyReportSections } from './monthly-report.sheets';

/** Text made safe inside HTML elements and quoted attributes: & < > " ' escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function cell(value: ExportCell): string {
  if (value === null || value === undefined) return '—';
  return escapeHtml(String(value));
}

/** The page's one style sheet: A4, printable, no external font or image. */
const STYLE = `
@page { size: A4; margin: 15mm 12mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10.5pt; color: #111; margin: 0 auto; max-width: 186mm; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; }
h2 { font-size: 13pt; border-bottom: 1.5pt solid #a00; padding-bottom: 1mm; margin: 6mm 0 2mm; }
p.meta { text-align: center; color: #444; margin: 0 0 4mm; }
table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
tr { page-break-inside: avoid; }
thead { display: table-header-group; }
th, td { border: 0.5pt solid #888; padding: 1mm 1.5mm; text-align: left; vertical-align: top; word-break: break-all; }
th { background: #eee; font-weight: bold; }
td.n { text-align: right; }
p.empty { color: #666; }
@media print { h2 { page-break-after: avoid; } }
`;

/** The Content-Security-Policy of the page: nothing may load or run, only its own style (by hash). */
export const MONTHLY_REPORT_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/**
 * The monthly report as one self-contained printable page (A4, Chinese titles): its sections as tables, every value
 * HTML-escaped, no script, no external asset — served under MONTHLY_REPORT_CSP.
 */
export function monthlyReportHtml(report: MonthlyReportView): string {
  const title = `${report.unit.name ?? report.unit.code} ${report.month} 网格化服务管理月度通报`;
  const sections = monthlyReportSections(report)
    .slice(1)
    .map((s) => {
      const head = s.columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('');
      const body = s.rows.map((r) => `<tr>${s.columns.map((c) => { const v = c.value(r); return `<td${typeof v === 'number' ? ' class="n"' : ''}>${cell(v)}</td>`; }).join('')}</tr>`).join('\n');
      const table = s.rows.length ? `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>` : '<p class="empty">本月无 (none this month)</p>';
      return `<section><h2>${escapeHtml(s.title)}</h2>\n${table}</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${cell(report.unit.code)} · ${cell(report.from)} 至 ${cell(report.to)} · 上月 ${cell(report.previous.from)} 至 ${cell(report.previous.to)} · 生成于 ${cell(report.generatedAt)}</p>
${sections}
</body>
</html>
`;
}
