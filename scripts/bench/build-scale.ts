// How the build grows with the course: peak memory (RSS) and time of generated courses of 1,000,
// 3,000 and (with --with-10k, about a quarter of an hour on 2 cores) 10,000 lessons, judged against
// PRODUCT.md's bars: a 3,000-lesson build in at most 1 GB and at most 3× the 1,000-lesson time.
import { judged, notMeasured, type Figure } from './report.ts';

/** One measured build: its size, wall time and the build process's peak RSS. */
export interface BuildSample {
  lessons: number;
  seconds: number;
  peakRssBytes: number;
}

export const MEMORY_BAR_MB = 1024;
export const TIME_GROWTH_BAR = 3;

const mb = (bytes: number) => bytes / 2 ** 20;

/** Peak RSS of every size (the largest of its runs), the 3,000-lesson one against the 1 GB bar. */
export function memoryFigures(samples: readonly BuildSample[], sizes: readonly number[]): Figure[] {
  return sizes.map((lessons) => {
    const label = `peak memory, ${lessons.toLocaleString('en')}-lesson build (RSS)`;
    const runs = samples.filter((s) => s.lessons === lessons);
    const bar = lessons === 3000 ? '≤ 1 GB' : '';
    if (runs.length === 0) return notMeasured(label, bar, 'MB', `the ${lessons.toLocaleString('en')}-lesson build was not measured`);
    const peak = Math.max(...runs.map((s) => s.peakRssBytes));
    return judged({
      figure: label,
      value: mb(peak),
      unit: 'MB',
      bar,
      ...(lessons === 3000 ? { limit: MEMORY_BAR_MB } : {}),
      spread: `${lessons === 3000 ? `${(mb(peak) / MEMORY_BAR_MB).toFixed(2)}× the bar; ` : ''}process.resourceUsage().maxRSS of the build process`,
    });
  });
}

/** Time of a larger build against a smaller one: ≤ 3× for 3,000 / 1,000 lessons (linear), reported for 10,000 / 3,000. */
export function growthFigure(medians: ReadonlyMap<number, number>, larger: number, smaller: number): Figure {
  const label = `build time growth, ${larger.toLocaleString('en')} / ${smaller.toLocaleString('en')} lessons`;
  const linear = larger / smaller;
  const bar = larger === 3000 && smaller === 1000 ? `≤ ${TIME_GROWTH_BAR} (linear)` : '';
  const big = medians.get(larger);
  const small = medians.get(smaller);
  if (big === undefined || small === undefined) return notMeasured(label, bar, 'ratio', 'a build above was not measured');
  return judged({
    figure: label,
    value: big / small,
    unit: 'ratio',
    bar,
    ...(bar ? { limit: TIME_GROWTH_BAR } : {}),
    spread: `${big.toFixed(1)} s / ${small.toFixed(1)} s; linear would be ${linear.toFixed(1)}×; ${(((big - small) / (larger - smaller)) * 1000).toFixed(0)} ms per extra lesson`,
  });
}
