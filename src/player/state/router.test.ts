import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { href, parseRoute, Router, type Route } from './router.svelte.ts';

describe('parseRoute', () => {
  it.each<[string, Route]>([
    ['', { name: 'catalogue' }],
    ['#', { name: 'catalogue' }],
    ['#/', { name: 'catalogue' }],
    ['#/settings', { name: 'settings' }],
    ['#/review', { name: 'review' }],
    ['#/customer-service', { name: 'course', courseId: 'customer-service' }],
    ['#/customer-service/', { name: 'course', courseId: 'customer-service' }],
    ['#/customer-service/notes', { name: 'notes', courseId: 'customer-service' }],
    ['#/customer-service/progress', { name: 'progress', courseId: 'customer-service' }],
    ['#/customer-service/certificate', { name: 'certificate', courseId: 'customer-service' }],
    ['#/customer-service/search', { name: 'search', courseId: 'customer-service' }],
    ['#/customer-service/plan', { name: 'plan', courseId: 'customer-service' }],
    ['#/cs/intro?block=theory-one', { name: 'lesson', courseId: 'cs', lessonId: 'intro', block: 'theory-one' }],
    ['#/cs/intro?block=Not%20An%20Id', { name: 'lesson', courseId: 'cs', lessonId: 'intro' }],
    ['#/customer-service/02-how-to-study', { name: 'lesson', courseId: 'customer-service', lessonId: '02-how-to-study' }],
    ['#/customer-service/quiz/final', { name: 'quiz', courseId: 'customer-service', quizId: 'final' }],
    ['#/cs/quiz/final?only=q1,q3', { name: 'quiz', courseId: 'cs', quizId: 'final', only: ['q1', 'q3'] }],
    ['#/cs/quiz/final?only=', { name: 'quiz', courseId: 'cs', quizId: 'final' }],
    ['#/customer-service/quiz/final/results', { name: 'quiz-results', courseId: 'customer-service', quizId: 'final' }],
    ['/cs/intro', { name: 'lesson', courseId: 'cs', lessonId: 'intro' }],
    ['#/cs/%69ntro', { name: 'lesson', courseId: 'cs', lessonId: 'intro' }],
    // Only pages with more segments are quizzes: a lesson may be called "quiz".
    ['#/cs/quiz', { name: 'lesson', courseId: 'cs', lessonId: 'quiz' }],
    ['#/cs/quiz/', { name: 'lesson', courseId: 'cs', lessonId: 'quiz' }],
  ])('reads %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each([
    'main',
    '#main',
    '#/settings/more',
    '#/review/more',
    '#/Customer-Service',
    '#/-course',
    '#/cs//intro',
    '#//',
    '#/cs/quiz//',
    '#/cs/quiz/final/review',
    '#/cs/quiz/final/results/again',
    '#/cs/intro/extra',
    '#/cs/%E0%A4%A',
    '#/cs/lesson with spaces',
    '#/cs/../settings',
  ])('sends %j to not found, keeping the path', (hash) => {
    const route = parseRoute(hash);
    expect(route.name).toBe('not-found');
    expect(route).toEqual({ name: 'not-found', path: hash.replace(/^#/, '') });
  });
});

describe('href', () => {
  const routes: Route[] = [
    { name: 'catalogue' },
    { name: 'settings' },
    { name: 'review' },
    { name: 'course', courseId: 'cs' },
    { name: 'notes', courseId: 'cs' },
    { name: 'progress', courseId: 'cs' },
    { name: 'certificate', courseId: 'cs' },
    { name: 'search', courseId: 'cs' },
    { name: 'lesson', courseId: 'cs', lessonId: '01-intro', block: 'theory' },
    { name: 'lesson', courseId: 'cs', lessonId: '01-intro' },
    { name: 'quiz', courseId: 'cs', quizId: 'final' },
    { name: 'quiz', courseId: 'cs', quizId: 'final', only: ['a', 'b'] },
    { name: 'quiz-results', courseId: 'cs', quizId: 'final' },
  ];

  it('builds the documented links', () => {
    expect(routes.map(href)).toEqual([
      '#/',
      '#/settings',
      '#/review',
      '#/cs',
      '#/cs/notes',
      '#/cs/progress',
      '#/cs/certificate',
      '#/cs/search',
      '#/cs/01-intro?block=theory',
      '#/cs/01-intro',
      '#/cs/quiz/final',
      '#/cs/quiz/final?only=a,b',
      '#/cs/quiz/final/results',
    ]);
  });

  it.each(routes)('round-trips %j through parseRoute', (route) => {
    expect(parseRoute(href(route))).toEqual(route);
  });
});

describe('Router', () => {
  afterEach(() => {
    window.location.hash = '';
    document.body.innerHTML = '';
  });

  const hashChange = (hash: string): void => {
    window.location.hash = hash;
    // jsdom fires hashchange asynchronously; dispatching keeps the test deterministic.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    flushSync();
  };

  it('starts from the current hash and follows hashchange until stopped', () => {
    window.location.hash = '#/cs';
    const router = new Router();
    expect(router.route).toEqual({ name: 'course', courseId: 'cs' });

    const stop = router.listen();
    hashChange('#/cs/intro');
    expect(router.route).toEqual({ name: 'lesson', courseId: 'cs', lessonId: 'intro' });

    stop();
    hashChange('#/settings');
    expect(router.route).toEqual({ name: 'lesson', courseId: 'cs', lessonId: 'intro' });
  });

  it('asks for the new heading to take focus once per navigation, not on first load', () => {
    window.location.hash = '#/cs';
    const router = new Router();
    const stop = router.listen();
    expect(router.takeFocus()).toBe(false);
    hashChange('#/cs/notes');
    expect(router.takeFocus()).toBe(true);
    expect(router.takeFocus()).toBe(false);
    stop();
  });

  it('ignores an in-page anchor that names an element on the page', () => {
    window.location.hash = '#/cs/intro';
    const router = new Router();
    const stop = router.listen();
    const target = document.createElement('h2');
    target.id = 'footnote-1';
    document.body.append(target);
    hashChange('#footnote-1');
    expect(router.route).toEqual({ name: 'lesson', courseId: 'cs', lessonId: 'intro' });
    hashChange('#nothing-here');
    expect(router.route).toEqual({ name: 'not-found', path: 'nothing-here' });
    stop();
  });
});
