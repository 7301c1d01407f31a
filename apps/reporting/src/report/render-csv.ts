import { label } from './labels';
import type { QuarterlyReport } from './quarterly-report';

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line per figure: section, measure, this quarter, previous quarter, same quarter last year. UTF-8 with BOM for spreadsheet programs. */
export function renderCsv(report: QuarterlyReport): string {
  const t = (key: string): string => label(key, report.language);
  const lines = [['section', t('metric'), t('current'), t('previousQuarter'), t('sameQuarterLastYear')].map(cell).join(',')];
  for (const section of report.sections) {
    for (const row of section.rows) lines.push([section.title, row.metric, row.current, row.previousQuarter, row.sameQuarterLastYear].map(cell).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
