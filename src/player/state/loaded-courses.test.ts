// A course's lesson list is loaded once per visit, a failed load is retried when asked again, and a
// source that has the course at hand gives it at once (the catalogue and course home render at once).
import { describe, expect, it, vi } from 'vitest';
import { salesCourse, serviceCourse } from '../routes/fixtures/courses.ts';
import { LoadedCourses } from './loaded-courses.svelte.ts';

describe('LoadedCourses', () => {
  it('loads each course once, however often it is asked for, and tells onload once', async () => {
    const load = vi.fn(async (id: string) => (id === serviceCourse.id ? serviceCourse : salesCourse));
    const onload = vi.fn();
    const courses = new LoadedCourses(load, onload);
    expect(courses.get(serviceCourse.id)).toBeUndefined();
    const [a, b] = await Promise.all([courses.request(serviceCourse.id), courses.request(serviceCourse.id)]);
    expect(a).toBe(serviceCourse);
    expect(b).toBe(serviceCourse);
    expect(courses.get(serviceCourse.id)).toBe(serviceCourse);
    expect(await courses.requestAll([salesCourse.id, serviceCourse.id])).toEqual([salesCourse, serviceCourse]);
    expect(load).toHaveBeenCalledTimes(2);
    expect(onload.mock.calls.map(([course]) => course.id)).toEqual([serviceCourse.id, salesCourse.id]);
  });

  it('does not keep a failed load: asking again tries again', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(salesCourse);
    const courses = new LoadedCourses(load);
    await expect(courses.request(salesCourse.id)).rejects.toThrow('offline');
    expect(courses.get(salesCourse.id)).toBeUndefined();
    await vi.waitFor(() => expect(courses.get(salesCourse.id)).toBe(salesCourse));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('takes a course the source has at hand at once, and tells onload after the current task', async () => {
    const onload = vi.fn();
    const courses = new LoadedCourses(() => salesCourse, onload);
    expect(courses.get(salesCourse.id)).toBe(salesCourse);
    expect(onload).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(onload).toHaveBeenCalledWith(salesCourse);
  });
});
