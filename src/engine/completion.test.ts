import { describe, expect, it } from 'vitest';
import type { CourseManifest, LessonEntry } from '../content/schema/manifest.ts';
import { courseCompletion, isLessonComplete, lessonHolds, lessonState, resumeLesson } from './completion.ts';
import { addAttempt, assess, emptyProgress, rate, reachEnd, reveal, setDone, setNote, settleLesson, visit } from './progress.ts';
import type { CourseProgress, QuizAttempt } from './progress-types.ts';

const lessons: LessonEntry[] = [
  {
    id: 'intro',
    title: 'Introduction',
    minutes: 5,
    blocks: [
      { id: 'purpose', kind: 'purpose', required: false },
      { id: 'video', kind: 'video', required: true },
    ],
  },
  {
    id: 'customers',
    title: 'Customer or consumer?',
    minutes: 10,
    blocks: [
      { id: 'cereal', kind: 'question', required: true },
      { id: 'coffee', kind: 'example', required: false },
      { id: 'map', kind: 'challenge', required: true },
    ],
  },
  {
    id: 'john-lewis',
    title: 'Case study',
    minutes: 20,
    blocks: [
      {
        id: 'case',
        kind: 'case-study',
        required: true,
        prompts: [
          { id: 'q1', text: 'Aims?' },
          { id: 'q2', text: 'Standards?' },
        ],
      },
      { id: 'reflect', kind: 'reflection', required: true, prompts: [{ id: 'p1', text: 'Situation?' }] },
      { id: 'rate', kind: 'rating', required: true, choices: ['Good', 'Poor'] },
    ],
  },
  {
    id: 'quiz',
    title: 'End of module quiz',
    minutes: 15,
    // As the compiler writes it: a quiz block is not marked required, yet it holds its lesson.
    blocks: [{ id: 'final', kind: 'quiz', required: false }],
  },
];

const course: CourseManifest = {
  id: 'external-customers',
  title: 'External customers',
  description: 'A module.',
  language: 'en-GB',
  estimatedMinutes: 360,
  outcomes: ['Tell customers from consumers'],
  passMark: 80,
  version: '1',
  lessons,
  quizzes: [{ id: 'final', title: 'Quiz', lessonId: 'quiz', questionCount: 10, passMark: 80 }],
};

const lesson = (id: string): LessonEntry => lessons.find((entry) => entry.id === id)!;
const start = (): CourseProgress => emptyProgress(course.id, 0);
const ended = (progress: CourseProgress, lessonId: string, at = 10): CourseProgress =>
  reachEnd(visit(progress, lessonId, at), lessonId, at + 1);

function attempt(id: string, passed: boolean, finishedAt = 100): QuizAttempt {
  return {
    id,
    quizId: 'final',
    startedAt: finishedAt - 10,
    finishedAt,
    questionIds: [],
    results: [],
    score: passed ? 9 : 3,
    maxScore: 10,
    percent: passed ? 90 : 30,
    passMark: 80,
    passed,
  };
}

describe('isLessonComplete', () => {
  it('needs the end reached, even with nothing required', () => {
    expect(isLessonComplete(lesson('intro'), visit(start(), 'intro', 1))).toBe(false);
    // The video is marked required but asks for no interaction beyond reaching the end.
    expect(isLessonComplete(lesson('intro'), ended(start(), 'intro'))).toBe(true);
  });

  it('needs every required question revealed and challenge done, but not optional blocks', () => {
    let progress = ended(start(), 'customers');
    expect(isLessonComplete(lesson('customers'), progress)).toBe(false);
    progress = reveal(progress, 'customers', 'cereal', 20);
    expect(isLessonComplete(lesson('customers'), progress)).toBe(false);
    progress = setDone(progress, 'customers', 'map', true, 21);
    expect(isLessonComplete(lesson('customers'), progress)).toBe(true);
    expect(isLessonComplete(lesson('customers'), setDone(progress, 'customers', 'map', false, 22))).toBe(false);
  });

  it('counts a case study revealed as a whole or question by question, a reflection answered in every prompt, and a rating given', () => {
    const base = rate(setNote(ended(start(), 'john-lewis'), 'john-lewis', 'reflect', 'p1', 'A shop', 30), 'john-lewis', 'rate', 'Good', 31);
    expect(isLessonComplete(lesson('john-lewis'), base)).toBe(false);
    expect(isLessonComplete(lesson('john-lewis'), reveal(base, 'john-lewis', 'case', 32))).toBe(true);
    const oneQuestion = reveal(base, 'john-lewis', 'case/q1', 32);
    expect(isLessonComplete(lesson('john-lewis'), oneQuestion)).toBe(false);
    expect(isLessonComplete(lesson('john-lewis'), reveal(oneQuestion, 'john-lewis', 'case/q2', 33))).toBe(true);

    const blankReflection = setNote(reveal(base, 'john-lewis', 'case', 32), 'john-lewis', 'reflect', 'p1', '   ', 34);
    expect(isLessonComplete(lesson('john-lewis'), blankReflection)).toBe(false);
    // A judgement alone is not an answer.
    const judgedOnly = assess(reveal(ended(start(), 'john-lewis'), 'john-lewis', 'case', 32), 'john-lewis', 'reflect', 'p1', 'got', 35);
    expect(isLessonComplete(lesson('john-lewis'), rate(judgedOnly, 'john-lewis', 'rate', 'Poor', 36))).toBe(false);
  });

  it('counts a quiz lesson done only once its quiz is passed, not before an attempt nor after a failed one', () => {
    const progress = ended(start(), 'quiz');
    expect(isLessonComplete(lesson('quiz'), progress)).toBe(false);
    const failed = addAttempt(progress, attempt('a', false), 50);
    expect(isLessonComplete(lesson('quiz'), failed)).toBe(false);
    expect(lessonState(lesson('quiz'), failed)).toBe('in-progress');
    expect(isLessonComplete(lesson('quiz'), addAttempt(failed, attempt('b', true, 60), 60))).toBe(true);
  });

  it('stays complete once stamped, even when the tutor adds a required block later', () => {
    const done = settleLesson(ended(start(), 'intro'), lesson('intro'), 20);
    const changed: LessonEntry = { ...lesson('intro'), blocks: [...lesson('intro').blocks, { id: 'new', kind: 'challenge', required: true }] };
    expect(isLessonComplete(changed, done)).toBe(true);
    expect(isLessonComplete(changed, ended(start(), 'intro'))).toBe(false);
  });
});

describe('lessonHolds', () => {
  it('says what holds a lesson read to the end, in the learner\'s words', () => {
    expect(lessonHolds(lesson('customers'), visit(start(), 'customers', 1))).toEqual([]);
    const read = ended(start(), 'customers');
    expect(lessonHolds(lesson('customers'), read)).toEqual(['1 question to answer', '1 challenge to mark as done']);
    expect(lessonHolds(lesson('customers'), reveal(read, 'customers', 'cereal', 20))).toEqual(['1 challenge to mark as done']);
    expect(lessonHolds(lesson('quiz'), ended(start(), 'quiz'))).toEqual(['1 quiz to pass']);
    const twoChallenges: LessonEntry = { ...lesson('customers'), blocks: [{ id: 'a', kind: 'challenge', required: true }, { id: 'b', kind: 'challenge', required: true }] };
    expect(lessonHolds(twoChallenges, ended(start(), 'customers'))).toEqual(['2 challenges to mark as done']);
    expect(lessonHolds(lesson('intro'), ended(start(), 'intro'))).toEqual([]);
  });
});

describe('lessonState', () => {
  it('moves from not started to in progress to done', () => {
    expect(lessonState(lesson('intro'), start())).toBe('not-started');
    expect(lessonState(lesson('intro'), visit(start(), 'intro', 1))).toBe('in-progress');
    expect(lessonState(lesson('intro'), ended(start(), 'intro'))).toBe('done');
  });
});

describe('courseCompletion', () => {
  it('counts lessons and quizzes, and is complete only when every quiz is passed too', () => {
    expect(courseCompletion(course, start())).toEqual({
      lessonsDone: 0,
      lessonsTotal: 4,
      percent: 0,
      quizzesPassed: 0,
      quizzesTotal: 1,
      complete: false,
    });
    let progress = start();
    progress = ended(progress, 'intro');
    progress = setDone(reveal(ended(progress, 'customers'), 'customers', 'cereal', 20), 'customers', 'map', true, 21);
    progress = reveal(ended(progress, 'john-lewis'), 'john-lewis', 'case', 30);
    progress = rate(setNote(progress, 'john-lewis', 'reflect', 'p1', 'Yes', 31), 'john-lewis', 'rate', 'Good', 32);
    progress = addAttempt(ended(progress, 'quiz'), attempt('fail', false, 40), 40);
    // The failed attempt leaves the quiz's lesson open as well as the quiz.
    expect(courseCompletion(course, progress)).toEqual({
      lessonsDone: 3,
      lessonsTotal: 4,
      percent: 60,
      quizzesPassed: 0,
      quizzesTotal: 1,
      complete: false,
    });
    const passed = addAttempt(progress, attempt('pass', true, 50), 50);
    expect(courseCompletion(course, passed)).toMatchObject({ quizzesPassed: 1, percent: 100, complete: true });
  });

  it('never rounds up to 100% before the course is complete', () => {
    const many: CourseManifest = {
      ...course,
      quizzes: [],
      lessons: Array.from({ length: 200 }, (_, i) => ({ id: `l${i}`, title: `L${i}`, minutes: 1, blocks: [] })),
    };
    let progress = start();
    for (let i = 0; i < 199; i++) progress = ended(progress, `l${i}`);
    expect(courseCompletion(many, progress)).toMatchObject({ lessonsDone: 199, percent: 99, complete: false });
  });

  it('an empty course is not complete', () => {
    expect(courseCompletion({ ...course, lessons: [], quizzes: [] }, start())).toMatchObject({ percent: 0, complete: false });
  });
});

describe('resumeLesson', () => {
  it('returns the saved position while the course still has that lesson', () => {
    const progress = visit(ended(start(), 'intro'), 'john-lewis', 50);
    expect(resumeLesson(course, progress)?.id).toBe('john-lewis');
  });

  it('otherwise the first lesson not done, or the first lesson when all are done', () => {
    const gone = { ...ended(start(), 'intro'), position: { lessonId: 'removed', at: 60 } };
    expect(resumeLesson(course, gone)?.id).toBe('customers');
    const shortCourse = { ...course, lessons: [lesson('intro')] };
    expect(resumeLesson(shortCourse, { ...ended(start(), 'intro'), position: null })?.id).toBe('intro');
    expect(resumeLesson({ ...course, lessons: [] }, start())).toBeUndefined();
  });
});
