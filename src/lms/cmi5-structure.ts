// cmi5.xml, the course structure a cmi5 LMS imports: the course and one assignable unit (AU) for the
// whole course. One AU, not one per lesson: the player is one application whose lessons, navigation
// and completion rules belong together; an AU per lesson would make every "Next" a new launch from
// the LMS, each with its own session, and split one quiz result from the lessons it depends on.
import type { CourseManifest } from '../content/schema/manifest.ts';
import { escapeMarkup } from '../content/escape.ts';
import { LAUNCH_FILE } from './manifest.ts';

/** IRIs that name the course and its AU in statements (stable across versions of the course). */
export const courseIri = (courseId: string): string => `urn:coursemark:course:${encodeURIComponent(courseId)}`;
export const auIri = (courseId: string): string => `${courseIri(courseId)}:au`;

const langstring = (text: string, lang: string): string => `<langstring lang="${escapeMarkup(lang)}">${escapeMarkup(text)}</langstring>`;

export function cmi5Structure(course: CourseManifest): string {
  const lang = course.language || 'en';
  const hasQuiz = course.quizzes.length > 0;
  // What the LMS waits for before the AU counts as satisfied: the player's own rule for a finished course.
  const moveOn = hasQuiz ? 'CompletedAndPassed' : 'Completed';
  const mastery = hasQuiz ? ` masteryScore="${Math.min(1, Math.max(0, course.passMark / 100))}"` : '';
  return `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${escapeMarkup(courseIri(course.id))}">
    <title>${langstring(course.title, lang)}</title>
    <description>${langstring(course.description, lang)}</description>
  </course>
  <au id="${escapeMarkup(auIri(course.id))}" moveOn="${moveOn}"${mastery} launchMethod="AnyWindow">
    <title>${langstring(course.title, lang)}</title>
    <description>${langstring(course.description, lang)}</description>
    <url>${LAUNCH_FILE}</url>
  </au>
</courseStructure>
`;
}
