// The benchmark's figures: each a value beside its bar, judged within or over, with the spread of the
// runs behind it; printed as a table and written as JSON.
import { median } from './measure.ts';

export type Status = 'within' | 'over' | 'info' | 'not measured';

export interface Figure {
  /** What was measured, in words. */
  figure: string;
  /** The headline value (a median for timings); null when not measured. */
  value: number | null;
  unit: 'bytes' | 'ms' | 's' | 'ratio' | 'MB';
  /** The bar as written in PRODUCT.md section 8, or "" for a figure reported without one. */
  bar: string;
  /** The limit the value is held to (same unit as value), when there is one. */
  limit?: number;
  /** Whether the limit is strict ("under 50 ms") or inclusive ("at most 30 KB"). */
  strict?: boolean;
  status: Status;
  /** The runs' spread ("min–max", "p10–p90"), or what the figure is made of. */
  spread: string;
  /** Why a figure was not measured, or what is over and why. */
  note?: string;
  /** Raw samples (timings) or the files behind a byte figure. */
  samples?: number[];
  files?: { file: string; gzip: number; bytes: number }[];
  /** For a byte figure over its bar: the sources behind its files, largest first (each minified and gzipped alone). */
  sources?: { source: string; gzip: number }[];
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export function format(value: number | null, unit: Figure['unit']): string {
  if (value === null || Number.isNaN(value)) return '—';
  switch (unit) {
    case 'bytes':
      return `${(value / 1024).toFixed(1)} KB`;
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
    case 's':
      return `${value.toFixed(1)} s`;
    case 'MB':
      return `${value.toFixed(0)} MB`;
    case 'ratio':
      return `${value.toFixed(2)}×`;
  }
}

/** A figure judged against its limit. */
export function judged(
  base: Omit<Figure, 'status' | 'spread'> & { spread?: string },
): Figure {
  const { value, limit, strict } = base;
  let status: Status = 'info';
  if (value === null) status = 'not measured';
  else if (limit !== undefined) status = (strict ? value < limit : value <= limit) ? 'within' : 'over';
  return { spread: '', ...base, status };
}

/** A timing figure from samples: the median, with min–max and p10–p90. */
export function timing(
  figure: string,
  samples: number[],
  options: { unit?: 'ms' | 's'; bar?: string; limit?: number; strict?: boolean; note?: string } = {},
): Figure {
  const unit = options.unit ?? 'ms';
  const spread =
    samples.length === 0
      ? ''
      : samples.length < 5
        ? `${format(Math.min(...samples), unit)}–${format(Math.max(...samples), unit)} (n=${samples.length}, min–max)`
        : `p10–p90 ${format(percentile(samples, 10), unit)}–${format(percentile(samples, 90), unit)}, ` +
          `min–max ${format(Math.min(...samples), unit)}–${format(Math.max(...samples), unit)} (n=${samples.length})`;
  return judged({
    figure,
    value: samples.length ? median(samples) : null,
    unit,
    bar: options.bar ?? '',
    ...(options.limit === undefined ? {} : { limit: options.limit }),
    ...(options.strict === undefined ? {} : { strict: options.strict }),
    spread,
    samples,
    ...(options.note === undefined ? {} : { note: options.note }),
  });
}

export function notMeasured(figure: string, bar: string, unit: Figure['unit'], reason: string): Figure {
  return { figure, value: null, unit, bar, status: 'not measured', spread: '', note: reason };
}

/** The table, as printed by `npm run bench` and pasted into docs/performance.md. */
export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.figure, format(f.value, f.unit), f.bar || '—', f.status, f.spread || '—']);
  const header = ['figure', 'value', 'bar', 'within/over', 'spread'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Notes under the table: what was not measured and what is over, with the reason and the files. */
export function notes(figures: readonly Figure[]): string[] {
  const out: string[] = [];
  for (const f of figures) {
    if (f.status === 'not measured') out.push(`not measured: ${f.figure}: ${f.note ?? 'no reason recorded'}`);
    if (f.status === 'over') {
      const files = (f.files ?? [])
        .slice()
        .sort((a, b) => b.gzip - a.gzip)
        .slice(0, 8)
        .map((file) => `${file.file} ${format(file.gzip, 'bytes')}`)
        .join(', ');
      out.push(`OVER: ${f.figure}: ${format(f.value, f.unit)} against ${f.bar}${f.note ? `; ${f.note}` : ''}${files ? `; largest files: ${files}` : ''}`);
    }
  }
  return out;
}
