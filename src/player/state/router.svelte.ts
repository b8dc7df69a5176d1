// Hash routing: the same build works from any static host, from file:// and inside an LMS frame.
// parseRoute/href are pure and round-trip; the Router class turns `hashchange` into reactive state
// and carries the bits of navigation the pages share (focus the new h1, announce the change).
import { getContext, setContext } from 'svelte';

export type Route =
  | { name: 'catalogue' }
  | { name: 'settings' }
  | { name: 'course'; courseId: string }
  | { name: 'review' }
  | { name: CoursePageName; courseId: string }
  /** `block`: a block to scroll to and focus (a search result), from `?block=id`. */
  | { name: 'lesson'; courseId: string; lessonId: string; block?: string }
  /** `only`: the question ids to ask (a retry of the missed ones), from `?only=a,b`. */
  | { name: 'quiz'; courseId: string; quizId: string; only?: string[] }
  | { name: 'quiz-results'; courseId: string; quizId: string }
  | { name: 'not-found'; path: string };

export type RouteName = Route['name'];

/**
 * Words that name pages, so they can never be read as a course or lesson id. ("quiz" can: quiz
 * pages have more segments, so `#/course/quiz` is a lesson called "quiz".)
 */
export const RESERVED_SEGMENTS = { course: ['settings', 'review'], lesson: ['notes', 'progress', 'certificate', 'search', 'plan'] } as const;

/** The pages of a course named by one word after its id (`#/<course>/<page>`). */
export type CoursePageName = (typeof RESERVED_SEGMENTS.lesson)[number];

// Ids are what the build allows (lowercase, digits, hyphens); anything else cannot name a page.
const ID = /^[a-z0-9][a-z0-9-]*$/;

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Reads a route from `location.hash` (with or without the leading `#`). Never throws. */
export function parseRoute(hash: string): Route {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const notFound: Route = { name: 'not-found', path: raw };
  if (raw === '' || raw === '/') return { name: 'catalogue' };
  if (!raw.startsWith('/')) return notFound;

  const queryAt = raw.indexOf('?');
  const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1));

  // One trailing slash is forgiven (`#/course/`); empty segments elsewhere are not.
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(1, -1) : path.slice(1);
  const segments: string[] = [];
  for (const part of trimmed.split('/')) {
    const segment = decode(part);
    if (segment === null) return notFound;
    segments.push(segment);
  }
  const [first, second, third, fourth] = segments;
  if (segments.length === 1 && (first === 'settings' || first === 'review')) return { name: first };
  if (first === undefined || !ID.test(first) || (RESERVED_SEGMENTS.course as readonly string[]).includes(first)) return notFound;
  const courseId = first;

  if (segments.length === 1) return { name: 'course', courseId };
  if (segments.length === 2 && second !== undefined) {
    if ((RESERVED_SEGMENTS.lesson as readonly string[]).includes(second)) return { name: second as CoursePageName, courseId };
    if (ID.test(second)) {
      const block = query.get('block');
      return block && ID.test(block) ? { name: 'lesson', courseId, lessonId: second, block } : { name: 'lesson', courseId, lessonId: second };
    }
    return notFound;
  }
  if (second === 'quiz' && third !== undefined && ID.test(third)) {
    if (segments.length === 3) {
      const only = (query.get('only') ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== '');
      return only.length > 0 ? { name: 'quiz', courseId, quizId: third, only } : { name: 'quiz', courseId, quizId: third };
    }
    if (segments.length === 4 && fourth === 'results') return { name: 'quiz-results', courseId, quizId: third };
  }
  return notFound;
}

const part = (id: string): string => encodeURIComponent(id);

/** The `#/...` link for a route; `parseRoute(href(route))` gives the route back. */
export function href(route: Route): string {
  switch (route.name) {
    case 'catalogue':
      return '#/';
    case 'settings':
    case 'review':
      return `#/${route.name}`;
    case 'course':
      return `#/${part(route.courseId)}`;
    case 'notes':
    case 'progress':
    case 'certificate':
    case 'search':
    case 'plan':
      return `#/${part(route.courseId)}/${route.name}`;
    case 'lesson':
      return `#/${part(route.courseId)}/${part(route.lessonId)}${route.block ? `?block=${part(route.block)}` : ''}`;
    case 'quiz': {
      const only = route.only && route.only.length > 0 ? `?only=${route.only.map(part).join(',')}` : '';
      return `#/${part(route.courseId)}/quiz/${part(route.quizId)}${only}`;
    }
    case 'quiz-results':
      return `#/${part(route.courseId)}/quiz/${part(route.quizId)}/results`;
    case 'not-found':
      return `#${route.path}`;
  }
}

/** Go to a route, as a link would (adds a history entry). */
export function navigate(route: Route): void {
  window.location.hash = href(route);
}

/** The course a route belongs to, if any. */
export function routeCourseId(route: Route): string | undefined {
  return 'courseId' in route ? route.courseId : undefined;
}

export class Router {
  #route = $state<Route>({ name: 'catalogue' });
  #announcement = $state('');
  #lastCourseId = $state<string | undefined>();
  #focusPending = false;
  #window: Window;

  constructor(win: Window = window) {
    this.#window = win;
    this.#route = parseRoute(win.location.hash);
    this.#lastCourseId = routeCourseId(this.#route);
    this.#showBlock();
  }

  get route(): Route {
    return this.#route;
  }

  /**
   * The course of the latest page that had one, so pages outside a course (settings) can still
   * offer its contents and notes.
   */
  get lastCourseId(): string | undefined {
    return this.#lastCourseId;
  }

  /** Text for the polite live region: the page the learner has just arrived on. */
  get announcement(): string {
    return this.#announcement;
  }

  /** Starts following `hashchange`; returns the function that stops it. */
  listen(): () => void {
    const onHashChange = (): void => this.#sync();
    this.#window.addEventListener('hashchange', onHashChange);
    return () => this.#window.removeEventListener('hashchange', onHashChange);
  }

  /**
   * A page heading calls this when it appears: true once after each navigation (not on first
   * load, where the browser's own focus is right), so the new h1 takes focus.
   */
  takeFocus(): boolean {
    const pending = this.#focusPending;
    this.#focusPending = false;
    return pending;
  }

  announce(text: string): void {
    this.#announcement = text;
  }

  /** A link to a block (a search result): show that block once the lesson has rendered it. */
  #showBlock(): void {
    const route = this.#route;
    if (route.name === 'lesson' && route.block) {
      const { block } = route;
      void import('./show-block.ts').then(({ showBlock }) => showBlock(this.#window.document, block));
    }
  }

  #sync(): void {
    const hash = this.#window.location.hash;
    // An in-page anchor (a footnote in a lesson, say) is not a page: stay where we are.
    if (hash.length > 1 && !hash.startsWith('#/') && this.#window.document.getElementById(decode(hash.slice(1)) ?? '')) {
      return;
    }
    const next = parseRoute(hash);
    if (href(next) === href(this.#route) && next.name !== 'not-found') return;
    this.#focusPending = true;
    this.#route = next;
    this.#lastCourseId = routeCourseId(next) ?? this.#lastCourseId;
    const root = this.#window.document.documentElement;
    root.scrollTop = 0;
    this.#window.document.body.scrollTop = 0;
    this.#showBlock();
  }
}

const KEY = Symbol('coursemark.router');

export function setRouter(router: Router): Router {
  return setContext(KEY, router);
}

/** The app's router, or undefined when a page is rendered on its own (tests, previews). */
export function getRouter(): Router | undefined {
  return getContext<Router | undefined>(KEY);
}
