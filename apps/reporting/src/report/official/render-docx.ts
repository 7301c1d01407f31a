import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type IRunOptions,
} from 'docx';
import type { OfficialDocument } from './official-document';

const FONT = 'Times New Roman';
/** Millimetres in twips, rounded up: a margin is never narrower than the decree's (A4 is 11906 × 16838). */
const mm = (millimetres: number): number => Math.ceil((millimetres * 1440) / 25.4);
/** docx sizes are half-points. */
const pt = (points: number): number => points * 2;
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

const run = (text: string, options: Omit<IRunOptions, 'text'> = {}): TextRun => new TextRun({ text, font: FONT, size: pt(14), ...options });
const centred = (text: string, options: Omit<IRunOptions, 'text'> = {}, spacingAfter = 0): Paragraph => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter }, children: [run(text, options)] });
/** A centred paragraph with a rule under it (the short line under the issuer and the motto). */
const ruled = (text: string, options: Omit<IRunOptions, 'text'>): Paragraph => new Paragraph({ alignment: AlignmentType.CENTER, border: { bottom: LINE }, spacing: { after: 120 }, children: [run(text, options)] });

function cell(children: Paragraph[], width: number, borders = true): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, ...(borders ? {} : { borders: { top: NONE, bottom: NONE, left: NONE, right: NONE } }) });
}

/** The first page's two blocks side by side: issuer (left), national title and motto, place and date (right). */
function headingBlock(document: OfficialDocument): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell([centred(document.parentBody, { size: pt(13) }), ruled(document.issuingBody, { size: pt(13), bold: true }), centred(document.numberLine, { size: pt(13) })], 40, false),
          cell(
            [
              centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: pt(12.5), bold: true }),
              ruled('Độc lập - Tự do - Hạnh phúc', { size: pt(13.5), bold: true }),
              centred(document.placeAndDate, { size: pt(14), italics: true }),
            ],
            60,
            false,
          ),
        ],
      }),
    ],
  });
}

function figuresTable(columns: string[], rows: string[][], numericFrom: number): Table {
  const header = new TableRow({ tableHeader: true, children: columns.map((column) => cell([centred(column, { size: pt(12), bold: true })], Math.floor(100 / columns.length))) });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      header,
      ...rows.map(
        (cells) =>
          new TableRow({
            cantSplit: true,
            children: cells.map((text, i) => cell([new Paragraph({ alignment: i >= numericFrom ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [run(text, { size: pt(12) })] })], Math.floor(100 / cells.length))),
          }),
      ),
    ],
  });
}

const bodyParagraph = (text: string): Paragraph => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: mm(12.7) }, spacing: { after: 120, line: 312 }, children: [run(text)] });
const partHeading = (text: string): Paragraph => new Paragraph({ spacing: { before: 240, after: 120 }, children: [run(text, { bold: true })] });

/** The same document as Word (Office Open XML), built with the `docx` library. */
export async function renderDocx(document: OfficialDocument): Promise<Buffer> {
  let part = 0;
  const partTitle = (title: string): Paragraph => partHeading(`${['I', 'II', 'III'][part++]}. ${title}`);
  const body = [
    headingBlock(document),
    ...(document.draft ? [centred('DỰ THẢO', { bold: true, size: pt(13) })] : []),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360 }, children: [run(document.type, { bold: true })] }),
    ruled(document.summary, { bold: true }),
    ...(document.narrative.length > 0 ? [partTitle('TÌNH HÌNH, KẾT QUẢ'), ...document.narrative.map(bodyParagraph)] : []),
    partTitle('SỐ LIỆU CÁC MẶT CÔNG TÁC'),
    ...document.tables.flatMap((table, index) => [
      new Paragraph({ spacing: { before: 200, after: 120 }, keepNext: true, children: [run(table.title, { bold: true })] }),
      figuresTable(table.columns, table.rows.map((row) => row.cells), 2),
      ...(index === 0 ? [new Paragraph({ spacing: { before: 60, after: 120 }, children: [run(document.asOfNote, { italics: true, size: pt(12) })] })] : []),
      ...table.details.flatMap((detail) => [new Paragraph({ spacing: { before: 120, after: 60 }, children: [run(detail.heading, { italics: true })] }), figuresTable(detail.columns, detail.rows, detail.columns.length)]),
    ]),
    new Paragraph({ spacing: { after: 240 }, children: [] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          cantSplit: true,
          children: [
            cell(
              [
                new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: pt(12) })] }),
                ...document.recipients.map((line) => new Paragraph({ children: [run(line, { size: pt(11) })] })),
              ],
              45,
              false,
            ),
            cell(
              [
                ...(document.authorityLine ? [centred(document.authorityLine, { bold: true })] : []),
                centred(document.position, { bold: true }, 1600),
                centred(document.signatoryName, { bold: true }),
              ],
              55,
              false,
            ),
          ],
        }),
      ],
    }),
  ];
  const file = new Document({
    creator: 'Bình Yên',
    title: `${document.type} ${document.summary}`,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          // A4 portrait; margins top/bottom 20 mm, left 30 mm, right 15 mm; the first page has its own (empty) header.
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
          },
          titlePage: true,
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })] })] }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(file);
}
