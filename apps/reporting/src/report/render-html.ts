import { changeText, changeTone, figureColumns, label, previousOf, type QuarterlyReport } from '@binh-yen/report-model';

export const escapeHtml = (text: string | number | null): string =>
  text === null ? '' : String(text).replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** The sections as tables: figures, their comparisons and the change, coloured by whether it is good or bad news. */
export function htmlSections(report: QuarterlyReport, heading: (title: string, index: number) => string = (title) => `<h2>${escapeHtml(title)}</h2>`): string {
  const t = (key: string): string => label(key, report.language);
  const columns = figureColumns(report);
  const number = new Intl.NumberFormat(report.language === 'vi' ? 'vi-VN' : 'en-GB');
  const cell = (value: number | null): string => (value === null ? '—' : number.format(value));
  return report.sections
    .map(
      (section, index) => `<section>${heading(section.title, index)}
<table><thead><tr><th>${escapeHtml(t('metric'))}</th>${columns.map((column) => `<th>${escapeHtml(column.heading)}</th>`).join('')}<th>${escapeHtml(t('change'))}</th></tr></thead>
<tbody>${section.rows
        .map((row) => {
          const before = previousOf(row);
          return `<tr><td>${escapeHtml(row.metric)}</td>${columns.map((column) => `<td class="n">${escapeHtml(cell(column.value(row)))}</td>`).join('')}<td class="n ${changeTone(row.better, row.current, before)}">${escapeHtml(changeText(row.current, before, (n) => number.format(n)))}</td></tr>`;
        })
        .join('')}</tbody></table>
${section.details
  .filter((detail) => detail.rows.length > 0)
  .map((detail) => `<h3>${escapeHtml(detail.heading)}</h3><table><thead><tr>${detail.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${detail.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`)
  .join('')}</section>`,
    )
    .join('\n');
}

/** The "current as of" line: each read model by name, in Vietnam's time. */
export const asOfLine = (report: QuarterlyReport): string => report.text.currentAsOf.map((entry) => `${entry.name}: ${entry.at}`).join(' · ');

/** A printable page (A4, one table per section), in the report's language only. */
export function renderHtml(report: QuarterlyReport): string {
  const t = (key: string): string => label(key, report.language);
  return `<!doctype html>
<html lang="${report.language}"><head><meta charset="utf-8"><title>${escapeHtml(report.title)} — ${escapeHtml(report.text.period)}</title>
<style>body{font-family:"Times New Roman",serif;margin:2cm;color:#111}h1{font-size:18pt;text-align:center}h2{font-size:14pt;margin-top:1.5em}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #444;padding:4px 6px;font-size:11pt}th{background:#e8eef5}td.n{text-align:right}
td.good{color:#1a7f37}td.bad{color:#b42318}.meta{text-align:center}@media print{@page{size:A4;margin:1.5cm}section{break-inside:avoid}}</style></head>
<body><h1>${escapeHtml(report.title)}</h1>
<p class="meta">${escapeHtml(t('area'))}: ${escapeHtml(report.area.name)} · ${escapeHtml(report.text.period)} · ${escapeHtml(report.text.view)}</p>
<p class="meta">${escapeHtml(t('currentAsOf'))}: ${escapeHtml(asOfLine(report))}</p>
${htmlSections(report)}
</body></html>`;
}
