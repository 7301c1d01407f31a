import ExcelJS from 'exceljs';
import { changeTone, figureColumns, label, previousOf, type QuarterlyReport, type Tone } from '@binh-yen/report-model';
import { spreadsheetRow } from './spreadsheet-text';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
/** The change's colour: green for good news, red for bad, black for neither. */
const TONE_COLOUR: Record<Tone, string> = { good: 'FF1A7F37', bad: 'FFB42318', neutral: 'FF000000' };

/** A workbook with a cover sheet and one sheet per section, headings in the report's language. */
export async function renderXlsx(report: QuarterlyReport): Promise<Buffer> {
  const t = (key: string): string => label(key, report.language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bình Yên';
  workbook.created = new Date();

  const cover = workbook.addWorksheet(report.language === 'vi' ? 'Tổng quan' : 'Overview');
  cover.columns = [{ width: 34 }, { width: 60 }];
  cover.addRow(spreadsheetRow([report.title])).font = { bold: true, size: 14 };
  cover.addRow(spreadsheetRow([t('area'), `${report.area.name} (${report.area.path})`]));
  cover.addRow(spreadsheetRow([t(report.periodKind === 'year' ? 'year' : 'quarter'), report.text.period]));
  cover.addRow(spreadsheetRow([t('view'), report.text.view]));
  for (const { name, at } of report.text.currentAsOf) cover.addRow(spreadsheetRow([`${t('currentAsOf')} (${name})`, at]));

  const columns = figureColumns(report);
  for (const section of report.sections) {
    const sheet = workbook.addWorksheet(section.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31).trimEnd());
    sheet.columns = [{ width: 48 }, ...columns.map(() => ({ width: 20 })), { width: 14 }];
    sheet.addRow(spreadsheetRow([section.title])).font = { bold: true, size: 13 };
    const header = sheet.addRow(spreadsheetRow([t('metric'), ...columns.map((column) => column.heading), t('change')]));
    header.eachCell((c) => {
      c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      c.fill = HEADER_FILL;
      c.alignment = { wrapText: true, vertical: 'middle' };
    });
    for (const row of section.rows) {
      const before = previousOf(row);
      const added = sheet.addRow(spreadsheetRow([row.metric, ...columns.map((column) => column.value(row)), before === null ? null : row.current - before]));
      columns.forEach((_, i) => (added.getCell(i + 2).numFmt = '#,##0'));
      const change = added.getCell(columns.length + 2);
      change.numFmt = '+#,##0;−#,##0;±0';
      change.font = { color: { argb: TONE_COLOUR[changeTone(row.better, row.current, before)] } };
    }
    sheet.views = [{ state: 'frozen', ySplit: 2 }];
    for (const detail of section.details) {
      sheet.addRow([]);
      sheet.addRow(spreadsheetRow([detail.heading])).font = { bold: true };
      const detailHeader = sheet.addRow(spreadsheetRow(detail.columns));
      detailHeader.font = { bold: true };
      for (const cells of detail.rows) sheet.addRow(spreadsheetRow(cells));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
