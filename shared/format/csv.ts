/**
 * One CSV cell (RFC 4180). A text that a spreadsheet would run as a formula ("=HYPERLINK(…)") is
 * kept as text; numbers are rounded to four decimals.
 */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : typeof value === 'number' ? String(Math.round(value * 10_000) / 10_000) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to a CSV document (CRLF line ends, a header row first). */
export function csvDocument(rows: (string | number | null | undefined)[][]): string {
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
