import { measureUnit, placeAndDate, previousOf, type DocumentHeading, type QuarterlyReport } from '@binh-yen/report-model';

// The heading's shape is shared with the dashboard's submit form (libs/report-model, ADR 0045).
export { AUTHORITY_FORMS, type AuthorityForm, type DocumentHeading } from '@binh-yen/report-model';

/** A blank heading for a draft (no submission chosen): the lines are left to fill in by hand. */
export const DRAFT_HEADING: DocumentHeading = {
  parentBody: '……………………',
  issuingBody: '……………………',
  symbol: '……',
  number: null,
  place: '…………',
  signatory: { form: null, authority: null, position: '……………………', name: '……………………' },
  recipients: ['……………………'],
};

/** The report laid out as an administrative document: every part already written as it is printed. */
export interface OfficialDocument {
  parentBody: string;
  issuingBody: string;
  /** "Số: 15/BC-CAT", or "Số:      /BC-CAT" for the clerk to number. */
  numberLine: string;
  placeAndDate: string;
  type: 'BÁO CÁO';
  summary: string;
  narrative: string[];
  /** "KT. GIÁM ĐỐC" (upper case), or null. */
  authorityLine: string | null;
  position: string;
  signatoryName: string;
  recipients: string[];
  draft: boolean;
  tables: { title: string; columns: string[]; rows: { cells: string[] }[]; details: { heading: string; columns: string[]; rows: string[][] }[] }[];
  asOfNote: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const upper = (text: string): string => text.toLocaleUpperCase('vi');
const padded = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** "Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc quý IV năm 2026" (or "năm 2026" for the year's roll-up). */
export function summaryLine(report: QuarterlyReport): string {
  const period = report.periodKind === 'year' ? `năm ${report.year}` : `quý ${ROMAN[Number(report.quarter.slice(6)) - 1]} năm ${report.quarter.slice(0, 4)}`;
  return `Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc ${period} trên địa bàn ${report.area.name}`;
}

/** Numbers as Vietnamese writes them (1.234; 12,5). */
export const vietnameseNumber = (value: number | null): string => (value === null ? '—' : new Intl.NumberFormat('vi-VN').format(value));

/** The document of a report (always in Vietnamese: it is filed with a Vietnamese body). */
export function officialDocument(report: QuarterlyReport, heading: DocumentHeading, issuedAt: Date, narrative: string | null, draft: boolean): OfficialDocument {
  const year = report.periodKind === 'year';
  const columns = ['Chỉ tiêu', 'Đơn vị tính', ...(year ? ['Năm nay', 'Năm trước'] : ['Quý này', 'Quý trước', 'Cùng kỳ năm trước']), 'Tăng (+), giảm (−)'];
  return {
    parentBody: upper(heading.parentBody),
    issuingBody: upper(heading.issuingBody),
    numberLine: `Số: ${heading.number === null ? '\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0' : padded(heading.number)}/BC-${heading.symbol}`,
    placeAndDate: placeAndDate(heading.place, issuedAt),
    type: 'BÁO CÁO',
    summary: summaryLine(report),
    narrative: (narrative ?? '').split(/\n+/).map((line) => line.trim()).filter(Boolean),
    authorityLine: heading.signatory.form ? upper(`${heading.signatory.form} ${heading.signatory.authority ?? ''}`.trim()) : null,
    position: upper(heading.signatory.position),
    signatoryName: heading.signatory.name,
    recipients: [...heading.recipients.map((recipient) => `- ${recipient};`), `- Lưu: VT, ${heading.symbol}.`],
    draft,
    tables: report.sections.map((section) => ({
      title: section.title,
      columns,
      rows: section.rows.map((row) => {
        const before = previousOf(row);
        const figures = 'previousYear' in row ? [row.current, row.previousYear] : [row.current, row.previousQuarter, row.sameQuarterLastYear];
        const change = before === null ? '—' : `${row.current - before > 0 ? '+' : row.current - before < 0 ? '−' : ''}${vietnameseNumber(Math.abs(row.current - before))}`;
        return { cells: [row.metric, measureUnit(row.key, 'vi'), ...figures.map(vietnameseNumber), change] };
      }),
      details: section.details.filter((detail) => detail.rows.length > 0),
    })),
    asOfNote: `Ghi chú: số liệu tổng hợp từ hệ thống Bình Yên, cập nhật đến: ${report.text.currentAsOf.map((entry) => `${entry.name} ${entry.at}`).join('; ')}.`,
  };
}
