// Content fixtures: every folder in tests/fixtures/diagnostics/<case>/ holds a content/ tree with
// one problem and expected.txt with the exact diagnostics (file:line:col, message, hint), lint
// included (as `check` runs it). A `lint-<rule>` case shows one lint rule: warnings only, so check
// passes and check --strict fails. The valid fixture uses every block type and must compile without
// a diagnostic.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostics.ts';
import { loadContent, type LessonCache } from './pipeline.ts';
import { LINT_RULES } from './lint/index.ts';

const FIXTURES = resolve(import.meta.dirname, '../../tests/fixtures');
const cases = readdirSync(join(FIXTURES, 'diagnostics'));

describe('diagnostics fixtures', () => {
  it('has a fixture for every diagnostic the tutor guide promises, and one for every lint rule', () => {
    expect(cases.length).toBeGreaterThanOrEqual(37);
    for (const rule of LINT_RULES) expect(cases, `no fixture for ${rule.id}`).toContain(`lint-${rule.id.replace('/', '-')}`);
  });

  for (const name of cases) {
    it(name, () => {
      const dir = join(FIXTURES, 'diagnostics', name);
      const expectedFile = join(dir, 'expected.txt');
      // A fixture without its expectation is a failure, never a silent skip.
      expect(existsSync(expectedFile), `${expectedFile} is missing`).toBe(true);
      const result = loadContent('content', { cwd: dir, lint: true });
      const actual = result.diagnostics.map(formatDiagnostic).join('\n');
      expect(actual).toBe(readFileSync(expectedFile, 'utf8').trimEnd());
      // A lint case is warnings only (check passes, --strict fails); any other case has an error.
      const severities = new Set(result.diagnostics.map((d) => d.severity));
      if (name.startsWith('lint-')) expect([...severities]).toEqual(['warning']);
      else expect(severities.has('error')).toBe(true);
    });
  }
});

describe('the valid fixture course', () => {
  const result = loadContent('content', { cwd: join(FIXTURES, 'valid') });
  const course = result.courses[0]!;

  it('compiles without a diagnostic', () => {
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.courses).toHaveLength(1);
  });

  it('describes the course from its frontmatter', () => {
    expect(course.manifest).toMatchObject({
      id: 'every-block',
      title: 'Every block',
      language: 'en-GB',
      estimatedMinutes: 20,
      passMark: 75,
      version: '1.2.0',
      outcomes: ['Tell a customer from a consumer', 'Name three customer touchpoints'],
    });
  });

  it('orders lessons by file name and derives their ids', () => {
    expect(course.manifest.lessons.map((l) => l.id)).toEqual(['customers', 'reflect', 'quiz']);
    expect(course.manifest.lessons[0]).toMatchObject({ title: 'Customers and consumers', minutes: 8, module: 'Who is the customer?' });
  });

  it('lists every block with a stable id, and marks the ones completion waits for', () => {
    const blocks = course.manifest.lessons.flatMap((l) => l.blocks.map((b) => [b.kind, b.id, b.required]));
    expect(blocks).toEqual([
      ['purpose', 'purpose', false],
      ['outcomes', 'outcomes', false],
      ['theory', 'customer-or-consumer', false],
      ['example', 'example-a-coffee-maker-for-a-restaurant', false],
      ['question', 'question-cereal', true],
      ['challenge', 'challenge-spot-three-touchpoints', true],
      ['video', 'video-what-is-the-customer-journey', false],
      ['rating', 'rating-please-rate-your-experience-with-us', false],
      ['reflection', 'reflection-face-to-face-transaction', false],
      ['case-study', 'case-study-a-bakery', false],
      ['quiz', 'check', false],
    ]);
  });

  it('keeps reflection prompts, case-study questions and rating choices in the manifest', () => {
    const [reflection, caseStudy] = course.manifest.lessons[1]!.blocks;
    expect(reflection!.prompts).toEqual([
      { id: 'what-was-the-situation', text: 'What was the situation?' },
      { id: 'what-behaviours-were-displayed-towards-you', text: 'What behaviours were displayed towards you?' },
    ]);
    expect(caseStudy!.prompts!.map((p) => p.text)).toEqual([
      "Who are the bakery's external customers?",
      'Name one way the bakery could improve its service.',
    ]);
    expect(course.manifest.lessons[0]!.blocks.find((b) => b.kind === 'rating')!.choices).toEqual(['Excellent', 'Good', 'Average', 'Poor']);
  });

  it('turns blocks into component tags around the rendered Markdown', () => {
    const source = course.lessons.get('customers')!.source;
    expect(source).toContain('<QuestionBlock id="question-cereal" title="Cereal">');
    expect(source).toMatch(/<Reveal>\s+<p>The mother\. The child is the consumer\.<\/p>\s+<\/Reveal>/);
    expect(source).toContain('<VideoBlock id="video-what-is-the-customer-journey" title="What is the customer journey?" url="https://www.youtube.com/watch?v=dQw4w9WgXcQ" duration="3:32">');
    expect(source).toContain('<RatingBlock id="rating-please-rate-your-experience-with-us" title="Please rate your experience with us" choices="Excellent|Good|Average|Poor">');
    expect(source).toContain('<OutcomesBlock id="outcomes" empty="true">');
    // Components come by name from the player's blocks module, never by a path into src/player.
    expect(source).toMatch(/import \{ [\w, ]*\bQuestionBlock\b[\w, ]* \} from "virtual:coursemark\/blocks";/);
    expect(source).not.toContain('player/blocks');
    const caseSource = course.lessons.get('reflect')!.source;
    expect(caseSource).toContain(`<CaseQuestion id="who-are-the-bakery-s-external" number="1" text="Who are the bakery's external customers?">`);
  });

  it('compiles quizzes to data with the resolved pass mark', () => {
    const quiz = course.quizzes.get('check')!;
    expect(quiz).toMatchObject({ id: 'check', title: 'Check your understanding', lessonId: 'quiz', passMark: 75 });
    expect(quiz.settings.attempts).toBe(3);
    expect(quiz.questions.map((q) => q.type)).toEqual(['single', 'multiple']);
    expect(course.manifest.quizzes).toEqual([{ id: 'check', title: 'Check your understanding', lessonId: 'quiz', questionCount: 2, passMark: 75, attempts: 3 }]);
  });
});

describe('the content folder', () => {
  it('names the parent when --content is given a course folder', () => {
    const result = loadContent('content/fixture', { cwd: join(FIXTURES, 'diagnostics', 'duplicate-id') });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'content/fixture/course.md:1:1: error: "content/fixture" is a course folder, not the folder that holds the courses [content/is-course]\n' +
        '  hint: --content takes the folder that holds course folders; did you mean --content content?',
    ]);
  });

  it('follows a symlinked course folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coursemark-symlink-'));
    mkdirSync(join(dir, 'content'));
    symlinkSync(join(FIXTURES, 'valid', 'content', 'every-block'), join(dir, 'content', 'every-block'), 'dir');
    const result = loadContent('content', { cwd: dir });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.courses.map((c) => c.manifest.id)).toEqual(['every-block']);
  });
});

describe('content lint', () => {
  it('runs only when asked (check, build and dev ask), and never turns a clean course into a failing one', () => {
    const dir = join(FIXTURES, 'diagnostics', 'lint-image-no-alt');
    expect(loadContent('content', { cwd: dir }).diagnostics).toEqual([]);
    const linted = loadContent('content', { cwd: dir, lint: true }).diagnostics;
    expect(linted.map((d) => [d.severity, d.rule])).toEqual([['warning', 'image/no-alt']]);
  });

  it('keeps a rule table: every rule has an id and a summary, and the ids are unique', () => {
    const ids = LINT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of LINT_RULES) expect(rule.summary.length).toBeGreaterThan(10);
  });
});

describe('the lesson cache', () => {
  it('reuses a lesson whose text did not change, diagnostics included, and recompiles one that did', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coursemark-cache-'));
    cpSync(join(FIXTURES, 'diagnostics', 'lint-image-no-alt', 'content'), join(dir, 'content'), { recursive: true });
    const cache: LessonCache = new Map();
    const first = loadContent('content', { cwd: dir, lint: true, cache });
    const lessonFile = join(dir, 'content/fixture/01-lesson.md');
    const cached = cache.get(lessonFile)!;
    const second = loadContent('content', { cwd: dir, lint: true, cache });
    expect(cache.get(lessonFile)).toBe(cached);
    expect(second.diagnostics).toEqual(first.diagnostics);
    expect(second.courses[0]!.lessons.get('lesson')!.source).toBe(first.courses[0]!.lessons.get('lesson')!.source);
    writeFileSync(lessonFile, readFileSync(lessonFile, 'utf8').replace('The network of suppliers', 'The wide network of suppliers'));
    const third = loadContent('content', { cwd: dir, lint: true, cache });
    expect(cache.get(lessonFile)).not.toBe(cached);
    expect(third.courses[0]!.lessons.get('lesson')!.source).toContain('The wide network of suppliers');
  });
});
