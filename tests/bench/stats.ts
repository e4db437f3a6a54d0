export interface Summary {
  n: number;
  median: number;
  p95: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, median: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

export interface Row {
  name: string;
  summary: Summary;
  unit: string;
  target: string;
  /** Median of this row divided by the median of its baseline row, if any. */
  baseline?: { name: string; summary: Summary };
}

export function printTable(rows: Row[]): void {
  const format = (value: number): string => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
  const header = ['measure', 'n', 'median', 'p95', 'p99', 'unit', 'target', 'vs baseline (median)'];
  const lines = rows.map((row) => [
    row.name,
    String(row.summary.n),
    format(row.summary.median),
    format(row.summary.p95),
    format(row.summary.p99),
    row.unit,
    row.target,
    row.baseline ? `${(row.summary.median / row.baseline.summary.median).toFixed(2)}× ${row.baseline.name}` : '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const render = (cells: string[]): string => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  console.log(render(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const line of lines) console.log(render(line));
}
