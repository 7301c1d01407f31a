import { escapeHtml as e } from '../render-html';
import type { OfficialDocument } from './official-document';

const PARTS = ['I', 'II', 'III'];

/**
 * The document as a printable page laid out by Decree 30/2020/NĐ-CP: A4, margins 20/20/30/15 mm,
 * Times New Roman 13–14 pt, the page number centred in the top margin from page 2 (CSS page
 * margin boxes, which Chromium prints). The PDF is this page printed.
 */
export function renderOfficialHtml(document: OfficialDocument): string {
  let part = 0;
  const partTitle = (title: string): string => `<h2>${PARTS[part++]}. ${e(title)}</h2>`;
  const narrative = document.narrative.length > 0 ? `${partTitle('TÌNH HÌNH, KẾT QUẢ')}${document.narrative.map((line) => `<p class="body">${e(line)}</p>`).join('')}` : '';
  const tables = document.tables
    .map(
      (table, index) => `<h3>${e(table.title)}</h3>
<table class="figures"><thead><tr>${table.columns.map((column) => `<th>${e(column)}</th>`).join('')}</tr></thead>
<tbody>${table.rows.map((row) => `<tr>${row.cells.map((cell, i) => `<td class="${i < 2 ? 't' : 'n'}">${e(cell)}</td>`).join('')}</tr>`).join('')}</tbody></table>
${index === 0 ? `<p class="note">${e(document.asOfNote)}</p>` : ''}
${table.details.map((detail) => `<p class="detail-heading">${e(detail.heading)}</p><table class="detail"><thead><tr>${detail.columns.map((c) => `<th>${e(c)}</th>`).join('')}</tr></thead><tbody>${detail.rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`).join('')}`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${e(document.type)} ${e(document.summary)}</title>
<style>
@page { size: A4; margin: 20mm 15mm 20mm 30mm; @top-center { content: counter(page); font: 13pt "Times New Roman", "Liberation Serif", serif; } }
@page :first { @top-center { content: none; } }
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 14pt; color: #000; margin: 0; }
.heading { width: 100%; border-collapse: collapse; }
.heading td { vertical-align: top; text-align: center; padding: 0; border: none; }
.heading .left { width: 40%; font-size: 13pt; }
.heading .right { width: 60%; }
.parent { font-weight: normal; }
.issuer { font-weight: bold; }
.nation { font-size: 12.5pt; font-weight: bold; white-space: nowrap; }
.motto { font-size: 13.5pt; font-weight: bold; }
.rule { border-top: 1px solid #000; margin: 2pt auto 6pt; }
.rule.short { width: 35%; }
.rule.motto-rule { width: 62%; }
.number { font-size: 13pt; }
.date { font-style: italic; font-size: 14pt; }
.type { text-align: center; font-weight: bold; font-size: 14pt; margin: 18pt 0 0; }
.summary { text-align: center; font-weight: bold; font-size: 14pt; margin: 0; }
.draft { text-align: center; font-weight: bold; font-size: 13pt; margin: 0; }
h2 { font-size: 14pt; margin: 12pt 0 6pt; }
h3 { font-size: 14pt; margin: 10pt 0 6pt; break-after: avoid; }
p.body { text-align: justify; text-indent: 1.27cm; margin: 0 0 6pt; line-height: 1.3; }
table.figures, table.detail { width: 100%; border-collapse: collapse; margin: 0 0 6pt; }
table.figures th, table.figures td, table.detail th, table.detail td { border: 1px solid #000; padding: 2pt 4pt; font-size: 12pt; }
table.figures th, table.detail th { font-weight: bold; text-align: center; }
td.n { text-align: right; white-space: nowrap; }
table.figures th:first-child { width: 40%; }
tr { break-inside: avoid; }
.note { font-style: italic; font-size: 12pt; margin: 0 0 6pt; }
.detail-heading { font-style: italic; margin: 6pt 0 3pt; }
.end { width: 100%; border-collapse: collapse; margin-top: 18pt; break-inside: avoid; }
.end td { vertical-align: top; border: none; padding: 0; }
.recipients { width: 45%; font-size: 11pt; }
.recipients .label { font-size: 12pt; font-weight: bold; font-style: italic; }
.signature { width: 55%; text-align: center; font-weight: bold; }
.signature .space { height: 80pt; }
</style></head>
<body>
<table class="heading"><tr>
<td class="left"><div class="parent">${e(document.parentBody)}</div><div class="issuer">${e(document.issuingBody)}</div><div class="rule short"></div><div class="number">${e(document.numberLine)}</div></td>
<td class="right"><div class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="motto">Độc lập - Tự do - Hạnh phúc</div><div class="rule motto-rule"></div><div class="date">${e(document.placeAndDate)}</div></td>
</tr></table>
${document.draft ? '<p class="draft">DỰ THẢO</p>' : ''}
<p class="type">${e(document.type)}</p>
<p class="summary">${e(document.summary)}</p>
<div class="rule short"></div>
${narrative}
${partTitle('SỐ LIỆU CÁC MẶT CÔNG TÁC')}
${tables}
<table class="end"><tr>
<td class="recipients"><div class="label">Nơi nhận:</div>${document.recipients.map((line) => `<div>${e(line)}</div>`).join('')}</td>
<td class="signature">${document.authorityLine ? `<div>${e(document.authorityLine)}</div>` : ''}<div>${e(document.position)}</div><div class="space"></div><div>${e(document.signatoryName)}</div></td>
</tr></table>
</body></html>`;
}
