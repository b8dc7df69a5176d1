// The two bundled courses are the product's showcase: this pins what PRODUCT.md section 2 says they
// must hold, read through the real pipeline from content/.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/content/diagnostics.ts';
import { loadContent } from '../src/content/pipeline.ts';

const ROOT = resolve(import.meta.dirname, '..');
const result = loadContent('content', { cwd: ROOT });
const course = (id: string) => {
  const found = result.courses.find((c) => c.manifest.id === id);
  if (!found) throw new Error(`no course ${id} in content/`);
  return found;
};
const blocksOf = (id: string) => course(id).manifest.lessons.flatMap((l) => l.blocks.map((b) => ({ ...b, lesson: l.id })));
/** The course's Markdown with line breaks, quote markers and runs of spaces folded to single spaces. */
const sourceOf = (id: string) =>
  [...course(id).lessons.values()]
    .map((l) => readFileSync(l.file, 'utf8'))
    .join('\n')
    .replace(/\n\s*>\s?/g, ' ')
    .replace(/\s+/g, ' ');

const REFLECTION_PROMPTS = [
  'What was the situation?',
  'What behaviours were displayed towards you?',
  'Did the behaviours meet your own expectations of customer excellence?',
  'If not, why not?',
  'What could have been done differently?',
];

describe('the seed courses', () => {
  it('check without a single diagnostic', () => {
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.courses.map((c) => c.manifest.id).sort()).toEqual(['customer-service', 'external-customers']);
  });

  it('every block kind appears in the bundled courses', () => {
    const kinds = new Set([...blocksOf('customer-service'), ...blocksOf('external-customers')].map((b) => b.kind));
    expect([...kinds].sort()).toEqual(['case-study', 'challenge', 'example', 'outcomes', 'purpose', 'question', 'quiz', 'rating', 'reflection', 'theory', 'video']);
  });
});

describe('Analysing customer needs and expectations (seed 000)', () => {
  const c = course('customer-service');

  it('has 16 lessons covering every section of the seed contents, ending with a quiz', () => {
    expect(c.manifest.lessons).toHaveLength(16);
    const titles = c.manifest.lessons.map((l) => l.title.toLowerCase()).join(' | ');
    for (const section of ['introduction', 'how to study', 'purpose of customer service', 'types of customers', 'customer journey', 'service level agreements', 'high standards', 'competition', 'top tips', 'identifying customer needs', 'managing customer expectations', 'customer profiles', 'recording customer information', 'complaints', 'strategic plan', 'quality assurance and quality control', 'feedback']) {
      expect(titles).toContain(section);
    }
    expect(c.manifest.lessons.at(-1)!.blocks.some((b) => b.kind === 'quiz')).toBe(true);
  });

  it('keeps the Johnson et al. (2009) strategy quote and the business dictionary definition', () => {
    const text = sourceOf('customer-service');
    expect(text).toContain('Strategy is the direction and scope of an organisation over the long term');
    expect(text).toContain('Johnson et al');
    expect(text).toContain('All interactions between a customer and a product provider at the time of sale, and thereafter');
  });

  it('turns "Please rate your experience" into a real rating block', () => {
    const rating = blocksOf('customer-service').find((b) => b.kind === 'rating')!;
    expect(rating.title).toMatch(/rate your experience/i);
    expect(rating.choices).toEqual(['Excellent', 'Good', 'Average', 'Poor']);
  });

  it('explains all six study structures of the guidance', () => {
    const guidance = c.manifest.lessons.find((l) => l.id === 'how-to-study')!;
    const kinds = new Set(guidance.blocks.map((b) => b.kind));
    for (const kind of ['purpose', 'theory', 'example', 'question', 'challenge', 'video'] as const) expect(kinds).toContain(kind);
  });

  it('ends with a quiz of at least 10 questions over several types', () => {
    const [quiz] = [...c.quizzes.values()];
    expect(quiz!.questions.length).toBeGreaterThanOrEqual(10);
    expect(new Set(quiz!.questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(4);
  });
});

describe('External customers (seed 004)', () => {
  const c = course('external-customers');

  it('has 10 lessons, the seven outcomes, about 6 hours and a pass mark of 80%', () => {
    expect(c.manifest.lessons).toHaveLength(10);
    expect(c.manifest.outcomes).toHaveLength(7);
    expect(c.manifest.outcomes[0]).toBe('Understand the meaning of external customers');
    expect(c.manifest.estimatedMinutes).toBe(360);
    expect(c.manifest.passMark).toBe(80);
  });

  it('has the John Lewis case study with its five questions', () => {
    const caseStudy = blocksOf('external-customers').find((b) => b.kind === 'case-study')!;
    expect(caseStudy.title).toBe('The John Lewis Partnership');
    expect(caseStudy.prompts!.map((p) => p.text)).toEqual([
      'What nutritional aims does John Lewis have for its own brands in 2016?',
      'What will be tested as an online version in 2017?',
      'What practical health advice was offered online and in-store?',
      'List two roles of the Product Safety Working Group.',
      'Which two organisations did John Lewis work with to improve the safety of products?',
    ]);
    const source = c.lessons.get(caseStudy.lesson)!.source;
    for (const answer of ['Sugar reduction in own-brand cereal', 'Living Well Slimming Club', 'coeliac disease', 'fit for purpose', 'Royal Society for the Prevention of Accidents']) {
      expect(source).toContain(answer);
    }
  });

  it('has both reflection exercises with the seed\'s five prompts each', () => {
    const reflections = blocksOf('external-customers').filter((b) => b.kind === 'reflection');
    expect(reflections.map((r) => r.title)).toEqual(['Face-to-face transaction', 'Phone transaction']);
    for (const reflection of reflections) expect(reflection.prompts!.map((p) => p.text)).toEqual(REFLECTION_PROMPTS);
  });

  it('lists the six example quality standards', () => {
    const text = sourceOf('external-customers');
    for (const standard of [
      'We will greet our customers in a courteous and professional manner.',
      'We will listen effectively to our customers',
      'We will inform our customers of normal process time',
      'We will touch base with our customers',
      'We will respond to website questions/requests within 24 hours',
      'We will finish our encounters with our customers in a courteous and professional way.',
    ]) {
      expect(text).toContain(standard);
    }
  });

  it('ends with a quiz of at least 10 questions over several types with a pass mark of 80%', () => {
    const [quiz] = [...c.quizzes.values()];
    expect(quiz!.passMark).toBe(80);
    expect(quiz!.questions.length).toBeGreaterThanOrEqual(10);
    expect(new Set(quiz!.questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(5);
  });
});
