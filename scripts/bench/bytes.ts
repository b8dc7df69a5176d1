// The byte part of the benchmark on its own: the first load to a course home (JS and CSS, gzip, from
// the built files: tests/budgets.test.ts counts the same way) for a generated course of 10 lessons, one
// of 1,000 lessons and a site of 20 courses, so that a first load that grows with the content shows.
//
//   node --import tsx scripts/bench/bytes.ts [SHAPES]   e.g. "10,1000,20x10" (the default)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.ts';
import { generateCourse, generateSite } from './generate.ts';
import { builtContent, kb, measureSite, totalGzip, type SizedFile } from './measure.ts';

/** "10": one course of 10 lessons; "20x10": 20 courses of 10 lessons. */
export interface SiteShape {
  courses: number;
  lessons: number;
}

export const DEFAULT_SHAPES: SiteShape[] = [
  { courses: 1, lessons: 10 },
  { courses: 1, lessons: 1000 },
  { courses: 20, lessons: 10 },
];

export const shapeName = ({ courses, lessons }: SiteShape): string =>
  courses === 1 ? `a ${lessons.toLocaleString('en')}-lesson course` : `a site of ${courses} courses of ${lessons.toLocaleString('en')} lessons`;

export interface HomeLoads {
  shape: SiteShape;
  /** What every page loads (index.html and its static imports). */
  entry: SizedFile[];
  /** The largest first load to a course home, and whose. */
  largest: { courseId: string; files: SizedFile[] };
  /** The smallest, to show the spread across courses. */
  smallest: { courseId: string; files: SizedFile[] };
}

/** The first load to every course home of a built site, reduced to the largest and smallest. */
export async function homeLoads(dist: string, contentDir: string, shape: SiteShape): Promise<HomeLoads> {
  const sizes = measureSite(dist, await builtContent(contentDir));
  const homes = [...sizes.homes].map(([courseId, files]) => ({ courseId, files })).sort((a, b) => totalGzip(a.files) - totalGzip(b.files));
  if (homes.length === 0) throw new Error(`${dist} has no course homes`);
  return { shape, entry: sizes.firstLoad, largest: homes.at(-1)!, smallest: homes[0]! };
}

/** Generates and builds a site of the given shape in a folder of its own, and measures it. */
export async function measureShape(shape: SiteShape, work: string): Promise<HomeLoads> {
  const cwd = join(work, `${shape.courses}x${shape.lessons}`);
  try {
    if (shape.courses === 1) generateCourse(join(cwd, 'content'), shape.lessons);
    else generateSite(join(cwd, 'content'), shape.courses, shape.lessons);
    const log: string[] = [];
    const code = await run(['build', '--content', 'content', '--out', 'dist'], { out: (l) => log.push(l), err: (l) => log.push(l), cwd });
    if (code !== 0) throw new Error(`coursemark build exited ${code}: ${log.slice(-5).join('\n')}`);
    return await homeLoads(join(cwd, 'dist'), join(cwd, 'content'), shape);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

export function describeHomeLoads(loads: HomeLoads): string {
  const { largest, smallest, entry } = loads;
  const chunk = largest.files.filter((file) => !entry.some((shared) => shared.file === file.file));
  return (
    `${shapeName(loads.shape)}: first load to a course home ${kb(totalGzip(largest.files))} (${largest.courseId}; smallest ${kb(totalGzip(smallest.files))}), ` +
    `of which every page's ${kb(totalGzip(entry))} and the course's own ${kb(totalGzip(chunk))}`
  );
}

function parseShapes(text: string): SiteShape[] {
  return text.split(',').map((part) => {
    const match = /^(?:(\d+)x)?(\d+)$/.exec(part.trim());
    if (!match) throw new Error(`"${part}" is not a site shape: write LESSONS or COURSESxLESSONS, e.g. 1000 or 20x10`);
    return { courses: Number(match[1] ?? 1), lessons: Number(match[2]) };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // The budgets are about the production build (Vitest and some shells set NODE_ENV otherwise).
  process.env.NODE_ENV = 'production';
  const shapes = process.argv[2] ? parseShapes(process.argv[2]) : DEFAULT_SHAPES;
  const work = mkdtempSync(join(tmpdir(), 'coursemark-bytes-'));
  try {
    for (const shape of shapes) {
      const loads = await measureShape(shape, work);
      process.stdout.write(`${describeHomeLoads(loads)}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
