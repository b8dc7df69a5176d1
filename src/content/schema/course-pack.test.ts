// The catalogue's cards carry nothing per lesson, and a course's packed lesson list unpacks to the
// manifest it was made from (the player's completion and contents read the unpacked one).
import { describe, expect, it } from 'vitest';
import { serviceCourse, salesCourse } from '../../player/routes/fixtures/courses.ts';
import { cardCatalogue, packCourse, unpackCourse } from './course-pack.ts';
import type { CourseManifest } from './manifest.ts';

/** What the build packs: only the blocks completion waits for, with id, kind and required. */
const light = (course: CourseManifest): CourseManifest => ({
  ...course,
  lessons: course.lessons.map((lesson) => ({
    ...lesson,
    blocks: lesson.blocks.filter((b) => b.required || b.kind === 'quiz').map((b) => ({ id: b.id, kind: b.kind, required: b.required })),
  })),
});

describe('course cards and packed courses', () => {
  it('gives each course a card with its counts and no lessons, whatever the course size', () => {
    const many = { ...salesCourse, lessons: Array.from({ length: 1000 }, (_, i) => ({ id: `l${i}`, title: `Lesson ${i}`, minutes: 5, blocks: [] })) };
    const { courses } = cardCatalogue({ courses: [serviceCourse, many] });
    expect(courses[0]).toEqual({
      id: 'customer-service',
      title: 'Customer service',
      description: 'Who customers are and what they expect.',
      language: 'en-GB',
      estimatedMinutes: 360,
      version: '1.0.0',
      lessonCount: 3,
      quizCount: 1,
    });
    expect(courses[1]!.lessonCount).toBe(1000);
    expect(JSON.stringify(courses[1]).length).toBeLessThan(300);
  });

  it('unpacks a packed course to the same manifest: modules, required blocks, quizzes with and without an attempts limit', () => {
    const course: CourseManifest = {
      ...light(serviceCourse),
      lessons: [
        ...light(serviceCourse).lessons,
        { id: 'wrap-up', title: 'Wrap: up', module: 'Getting started', minutes: 3, blocks: [{ id: 'done:now', kind: 'challenge', required: true }] },
      ],
      quizzes: [...serviceCourse.quizzes, { id: 'extra', title: 'Extra', lessonId: 'wrap-up', questionCount: 2, passMark: 50, attempts: 3 }],
    };
    const packed = packCourse(course);
    expect(unpackCourse(JSON.parse(JSON.stringify(packed)))).toEqual(course);
    expect(packed.modules).toEqual(['Getting started', 'Customers']);
  });

  it('writes each lesson field once per lesson, not once per key, so 1,000 lessons stay small', () => {
    const lessons = Array.from({ length: 1000 }, (_, i) => ({ id: `lesson-${i}`, title: `Lesson ${i}`, minutes: 5, blocks: [{ id: `challenge-${i}`, kind: 'challenge' as const, required: true }] }));
    const course = { ...salesCourse, lessons };
    expect(JSON.stringify(packCourse(course)).length).toBeLessThan(JSON.stringify(course).length * 0.6);
  });
});
