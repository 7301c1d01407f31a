import { csvCell, figureColumns, label, type QuarterlyReport } from '@binh-yen/report-model';

export { csvCell };

/** One line per figure: section, measure, this period and its comparisons, headed in the report's language. UTF-8 with BOM for spreadsheet programs. */
export function renderCsv(report: QuarterlyReport): string {
  const t = (key: string): string => label(key, report.language);
  const columns = figureColumns(report);
  const lines = [[t('section'), t('metric'), ...columns.map((column) => column.heading)].map(csvCell).join(',')];
  for (const section of report.sections) {
    for (const row of section.rows) lines.push([section.title, row.metric, ...columns.map((column) => column.value(row))].map(csvCell).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
