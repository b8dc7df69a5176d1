// A course's estimated time is what its lessons add up to: the course home says "About 6 hours"
// and the contents list each lesson's minutes, so the two must agree.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/content/pipeline.ts';

const { courses } = loadContent('content', { cwd: resolve(import.meta.dirname, '..') });

describe('the bundled courses\' times', () => {
  it.each(courses.map((course) => [course.manifest.id, course.manifest] as const))('%s: the lessons add up to the estimate', (_id, manifest) => {
    expect(manifest.lessons.reduce((sum, lesson) => sum + lesson.minutes, 0)).toBe(manifest.estimatedMinutes);
  });

  it('keeps the seed\'s "about 6 hours" for external customers', () => {
    expect(courses.find((course) => course.manifest.id === 'external-customers')!.manifest.estimatedMinutes).toBe(360);
  });
});
