/** Percentiles and the plain-text tables the benchmark prints. */

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of the finite values (NaN = not measured, left out). */
export function percentiles(values: ArrayLike<number>): Percentiles {
  const sorted = Array.from(values)
    .filter((v) => Number.isFinite(v))
    .sort((a, b) => a - b);
  const n = sorted.length;
  const at = (p: number) => (n ? sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))] : NaN);
  return { n, p50: at(50), p95: at(95), p99: at(99), max: n ? sorted[n - 1] : NaN };
}

export function fmtInt(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '-';
  return Math.round(n).toLocaleString('en-US');
}

export function fmtMs(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '-';
  return n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US');
}

export function fmtMb(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '-';
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** Left-aligned first column, right-aligned others unless `align` says otherwise. */
export function table(header: string[], rows: string[][], align?: ('l' | 'r')[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const al = align ?? header.map((_, i) => (i === 0 ? 'l' : 'r'));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (al[i] === 'l' ? (c ?? '').padEnd(widths[i]) : (c ?? '').padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
