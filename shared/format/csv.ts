/**
 * What a spreadsheet may read as the start of a formula: `= + - @` and their full-width forms
 * (Excel and LibreOffice normalise those), after any run of blanks; or a cell that opens with a
 * tab, a carriage return or a line feed (OWASP's "CSV injection" list).
 */
const formulaStart = /^(?:[\t\r\n]|[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/**
 * One CSV cell (RFC 4180). A text that a spreadsheet could run as a formula ("=HYPERLINK(…)",
 * " =1+1", "＝cmd") is kept as text behind a leading apostrophe; numbers are rounded to four decimals.
 */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : typeof value === 'number' ? String(Math.round(value * 10_000) / 10_000) : formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to a CSV document (CRLF line ends, a header row first). */
export function csvDocument(rows: (string | number | null | undefined)[][]): string {
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
