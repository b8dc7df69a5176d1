// Estimated times learners plan by: a course's `estimatedMinutes` far from what its lessons add
// up to (more than a quarter and half an hour off), and a lesson's `minutes:` far from its reading
// time (over three times or under a third, and ten minutes or more off).
import { countActivities, countQuizQuestions, countWords, studyMinutes } from '../reading-time.ts';
import type { LintRule } from './types.ts';

/** A course is "far" off by more than a quarter and more than half an hour. */
const courseFar = (written: number, sum: number) => Math.abs(written - sum) > Math.max(30, sum * 0.25);
/** A lesson is "far" off by more than three times or a third, and by ten minutes or more. */
const lessonFar = (written: number, reading: number) => Math.abs(written - reading) >= 10 && (written > reading * 3 || written < reading / 3);

export const courseTime: LintRule = {
  id: 'course/time-mismatch',
  summary: "a course's estimatedMinutes far from the sum of its lessons' minutes",
  check({ course, file, keys, lessons }, warn) {
    const written = course.manifest.estimatedMinutes;
    if (written === 0 || lessons.length !== course.manifest.lessons.length) return;
    const sum = lessons.reduce((n, l) => n + l.entry.minutes, 0);
    if (!courseFar(written, sum)) return;
    warn({
      file,
      at: keys.get('estimatedMinutes') ?? { line: 1, column: 1 },
      message: `estimatedMinutes is ${written}, but the lessons add up to ${sum} minute${sum === 1 ? '' : 's'}`,
      hint: `write "estimatedMinutes: ${sum}", or set "minutes:" on the lessons whose estimate is off`,
    });
  },
};

export const lessonTime: LintRule = {
  id: 'lesson/time-mismatch',
  summary: "a lesson's minutes far from its reading time (200 words a minute, 1.5 per activity, 1 per quiz question)",
  check({ lessons }, warn) {
    for (const lesson of lessons) {
      if (lesson.minutes === undefined) continue;
      const words = countWords(lesson.text);
      const activities = countActivities(lesson.entry);
      const questions = countQuizQuestions(lesson.quizzes);
      const reading = studyMinutes(words, activities, questions);
      if (!lessonFar(lesson.minutes, reading)) continue;
      warn({
        file: lesson.display,
        at: lesson.keys.get('minutes') ?? { line: 1, column: 1 },
        message: `"minutes: ${lesson.minutes}" is far from the lesson's reading time, about ${reading} minute${reading === 1 ? '' : 's'} (${words} words, ${activities} ${activities === 1 ? 'activity' : 'activities'}${questions ? `, ${questions} quiz questions` : ''})`,
        hint: `write "minutes: ${reading}", or remove the line to use the estimate; if the lesson asks for work away from the page, keep it`,
      });
    }
  },
};
