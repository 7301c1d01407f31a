import ExcelJS from 'exceljs';
import { label } from './labels';
import { figureColumns, periodLabelKey, periodOfReport, type QuarterlyReport } from './quarterly-report';
import { spreadsheetRow } from './spreadsheet-text';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };

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
  cover.addRow(spreadsheetRow([t(periodLabelKey(report)), periodOfReport(report)]));
  cover.addRow(spreadsheetRow([t('view'), t(report.view)]));
  for (const [projection, watermark] of Object.entries(report.currentAsOf)) {
    cover.addRow(spreadsheetRow([`${t('currentAsOf')} (${projection})`, watermark.lastEventAt ?? '—']));
  }

  const columns = figureColumns(report, t);
  for (const section of report.sections) {
    const sheet = workbook.addWorksheet(section.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31).trimEnd());
    sheet.columns = [{ width: 48 }, ...columns.map(() => ({ width: 20 }))];
    sheet.addRow(spreadsheetRow([section.title])).font = { bold: true, size: 13 };
    const header = sheet.addRow(spreadsheetRow([t('metric'), ...columns.map((column) => column.heading)]));
    header.eachCell((c) => {
      c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      c.fill = HEADER_FILL;
      c.alignment = { wrapText: true, vertical: 'middle' };
    });
    for (const row of section.rows) {
      const added = sheet.addRow(spreadsheetRow([row.metric, ...columns.map((column) => column.value(row))]));
      columns.forEach((_, i) => (added.getCell(i + 2).numFmt = '#,##0'));
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
