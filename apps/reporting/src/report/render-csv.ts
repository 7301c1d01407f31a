import { label } from './labels';
import { figureColumns, type QuarterlyReport } from './quarterly-report';

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line per figure: section, measure, this period and its comparisons. UTF-8 with BOM for spreadsheet programs. */
export function renderCsv(report: QuarterlyReport): string {
  const t = (key: string): string => label(key, report.language);
  const columns = figureColumns(report, t);
  const lines = [['section', t('metric'), ...columns.map((column) => column.heading)].map(cell).join(',')];
  for (const section of report.sections) {
    for (const row of section.rows) lines.push([section.title, row.metric, ...columns.map((column) => column.value(row))].map(cell).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
