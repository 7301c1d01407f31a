import { label } from './labels';
import { figureColumns, periodLabelKey, periodOfReport, type QuarterlyReport } from './quarterly-report';

const escape = (text: string | number | null): string =>
  text === null ? '' : String(text).replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** A printable page (A4, one table per section). */
export function renderHtml(report: QuarterlyReport): string {
  const t = (key: string): string => label(key, report.language);
  const columns = figureColumns(report, t);
  const sections = report.sections
    .map(
      (section) => `<section><h2>${escape(section.title)}</h2>
<table><thead><tr><th>${escape(t('metric'))}</th>${columns.map((column) => `<th>${escape(column.heading)}</th>`).join('')}</tr></thead>
<tbody>${section.rows.map((row) => `<tr><td>${escape(row.metric)}</td>${columns.map((column) => `<td class="n">${escape(column.value(row))}</td>`).join('')}</tr>`).join('')}</tbody></table>
${section.details
  .filter((detail) => detail.rows.length > 0)
  .map((detail) => `<h3>${escape(detail.heading)}</h3><table><thead><tr>${detail.columns.map((c) => `<th>${escape(c)}</th>`).join('')}</tr></thead><tbody>${detail.rows.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`)
  .join('')}</section>`,
    )
    .join('\n');
  const asOf = Object.entries(report.currentAsOf).map(([name, w]) => `${escape(name)}: ${escape(w.lastEventAt ?? '—')}`).join(' · ');
  return `<!doctype html>
<html lang="${report.language}"><head><meta charset="utf-8"><title>${escape(report.title)} — ${escape(periodOfReport(report))}</title>
<style>body{font-family:"Times New Roman",serif;margin:2cm;color:#111}h1{font-size:18pt;text-align:center}h2{font-size:14pt;margin-top:1.5em}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #444;padding:4px 6px;font-size:11pt}th{background:#e8eef5}td.n{text-align:right}
.meta{text-align:center}@media print{@page{size:A4;margin:1.5cm}section{break-inside:avoid}}</style></head>
<body><h1>${escape(report.title)}</h1>
<p class="meta">${escape(t('area'))}: ${escape(report.area.name)} (${escape(report.area.path)}) · ${escape(t(periodLabelKey(report)))}: ${escape(periodOfReport(report))} · ${escape(t(report.view))}</p>
<p class="meta">${escape(t('currentAsOf'))}: ${asOf}</p>
${sections}
</body></html>`;
}
