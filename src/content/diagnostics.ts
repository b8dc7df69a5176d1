// One diagnostic shape for every stage (CLI, Vite overlay, tests):
//   content/x/03-quiz.md:14:3: error: a single-choice question needs exactly one correct option [quiz/one-correct]
//     hint: mark the right option with (x), e.g. "- (x) Someone who buys from the company"
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path as the tutor knows it, relative to the working directory. */
  file: string;
  /** 1-based line and column. */
  line: number;
  column: number;
  severity: Severity;
  /** What is wrong: expected X, received Y. */
  message: string;
  /** A stable rule id such as "block/unknown" (used by tests and docs). */
  rule: string;
  /** How to fix it. */
  hint?: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.rule}]`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

/** `check --strict`: every warning counts as an error (the rule and the text stay the same). */
export function strictly(list: Diagnostic[]): Diagnostic[] {
  return list.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d));
}

export function summarise(list: Diagnostic[]): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** Collects diagnostics for one file; positions are 1-based. */
export class DiagnosticSink {
  readonly list: Diagnostic[] = [];
  constructor(readonly file: string) {}
  error(line: number, column: number, rule: string, message: string, hint?: string): void {
    this.list.push({ file: this.file, line, column, severity: 'error', rule, message, ...(hint ? { hint } : {}) });
  }
  warning(line: number, column: number, rule: string, message: string, hint?: string): void {
    this.list.push({ file: this.file, line, column, severity: 'warning', rule, message, ...(hint ? { hint } : {}) });
  }
  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }
}

/** "did you mean ...?" for a mistyped name: the closest candidate within a small edit distance. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
