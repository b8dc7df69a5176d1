import { describe, expect, it } from 'vitest';
import { mergeProgress } from './progress-merge.ts';
import { emptyProgress, resolveNote, setNote } from './progress.ts';
import type { CourseProgress } from './progress-types.ts';

const KEY = 'l/r/p';
const base = emptyProgress('c', 0);
const type = (progress: CourseProgress, text: string, at: number, tab: string) => setNote(progress, 'l', 'r', 'p', text, at, tab);
const view = (progress: CourseProgress) => ({
  text: progress.notes[KEY]?.text,
  others: (progress.notes[KEY]?.versions ?? []).map((version) => version.text),
});

describe('note versions', () => {
  it('keeps a word typed in another tab while this tab kept typing, whatever the times', () => {
    let a = type(base, 'Typing', 1000, 'A');
    let b = a;
    // Tab B adds one word in the middle of tab A's long stretch of typing.
    b = type(b, 'Typing, B was here', 1500, 'B');
    for (let at = 1001; at < 3000; at += 100) a = type(a, `Typing on ${at}`, at, 'A');
    const merged = mergeProgress(a, b);
    expect(view(merged)).toEqual({ text: 'Typing on 2901', others: ['Typing, B was here'] });
    expect(mergeProgress(b, a)).toEqual(merged);
  });

  it('is no conflict when one text grew from the other', () => {
    const a = type(base, 'Start', 1000, 'A');
    const b = type(a, 'Start and more', 1100, 'B');
    expect(view(mergeProgress(a, b))).toEqual({ text: 'Start and more', others: [] });
    const c = type(mergeProgress(a, b), 'Start and more, from A', 1200, 'A');
    expect(view(mergeProgress(b, c))).toEqual({ text: 'Start and more, from A', others: [] });
  });

  it('keeps a rival through further typing until the learner settles it', () => {
    const a = type(base, 'A text', 1000, 'A');
    const b = type(base, 'B text', 1100, 'B');
    let merged = mergeProgress(a, b);
    merged = type(merged, 'B text, edited in A', 1200, 'A');
    // A's own earlier text is still there: the learner has not chosen between them.
    expect(view(mergeProgress(merged, a))).toEqual({ text: 'B text, edited in A', others: ['A text'] });
    const restored = resolveNote(merged, 'l', 'r', 'p', 'A text', 1300, 'A');
    expect(view(restored)).toEqual({ text: 'A text', others: ['B text, edited in A'] });
    const settled = resolveNote(restored, 'l', 'r', 'p', 'A text', 1400, 'A');
    expect(view(settled)).toEqual({ text: 'A text', others: [] });
    // Whatever copy it meets later, the settled note stays settled.
    expect(view(mergeProgress(mergeProgress(settled, a), mergeProgress(b, merged)))).toEqual({ text: 'A text', others: [] });
  });

  it('merges in any order to the same note', () => {
    const a = type(base, 'one', 10, 'A');
    const b = type(base, 'two', 20, 'B');
    const c = type(a, 'one plus', 30, 'C');
    const orders = [
      mergeProgress(mergeProgress(a, b), c),
      mergeProgress(a, mergeProgress(b, c)),
      mergeProgress(mergeProgress(c, a), b),
    ];
    for (const merged of orders) expect(merged.notes[KEY]).toEqual(orders[0]!.notes[KEY]);
    expect(view(orders[0]!)).toEqual({ text: 'one plus', others: ['two'] });
  });
});
