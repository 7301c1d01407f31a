/** A spreadsheet program reads text starting with one of these as a formula (CSV/formula injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** …unless it is a plain number, which no program runs: "-12" stays "-12". */
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)*%?$/;

/**
 * Text for a cell of an export (XLSX or CSV): formula-like text gets a leading quote, so that
 * a plan a clerk typed as `=HYPERLINK(...)` is shown, never run (OWASP "CSV injection").
 * Shared by the reporting service's exports and the dashboard's (one rule for both).
 */
export function spreadsheetText(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** Every text of a row through spreadsheetText; numbers, dates and empty cells as they are. */
export function spreadsheetRow(values: readonly unknown[]): unknown[] {
  return values.map((value) => (typeof value === 'string' ? spreadsheetText(value) : value));
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; empty for null; never a formula. */
export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? spreadsheetText(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV file: UTF-8 with BOM (spreadsheet programs then read Vietnamese right), CRLF lines. */
export function csvFile(lines: readonly (readonly unknown[])[]): string {
  return `\ufeff${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
