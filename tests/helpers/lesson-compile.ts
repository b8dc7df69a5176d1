// Compiles one lesson body in memory (a course folder with a few media files) and reads the Svelte
// source it becomes the way the compiler will: which expressions, elements, attributes and text.
// Shared by the compiler's unit tests and its fuzz test.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'svelte/compiler';
import { DiagnosticSink, type Diagnostic } from '../../src/content/diagnostics.ts';
import { compileLesson } from '../../src/content/markdown/lesson.ts';

let courseDir: string | undefined;

/** A course folder with media/a.png, media/d.svg (with a script) and a second lesson, made once. */
export function hostileCourseDir(): string {
  if (!courseDir) {
    courseDir = join(mkdtempSync(join(tmpdir(), 'coursemark-lesson-')), 'c');
    mkdirSync(join(courseDir, 'media'), { recursive: true });
    writeFileSync(join(courseDir, 'media', 'a.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    writeFileSync(join(courseDir, 'media', 'd.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="window.x=1"><script>window.x=1</script></svg>');
    writeFileSync(join(courseDir, 'media', 'page.html'), '<script>window.x=1</script>');
    writeFileSync(join(courseDir, 'media', 'notes.pdf'), '%PDF-1.4');
    writeFileSync(join(courseDir, '02-next.md'), '---\ntitle: Next\n---\nNext.\n');
  }
  return courseDir;
}

export interface CompiledBody {
  diagnostics: Diagnostic[];
  errors: Diagnostic[];
  source: string;
}

/** Compiles Markdown as the body of lesson 01-lesson.md (its first line is line 4 of the file). */
export function compileBody(body: string): CompiledBody {
  const dir = hostileCourseDir();
  const file = join(dir, '01-lesson.md');
  const sink = new DiagnosticSink('content/c/01-lesson.md');
  const lines = body.split('\n').map((text, i) => ({ text, line: i + 4 }));
  const index = { courseId: 'c', courseDir: dir, lessonIdsByFile: new Map([[file, 'lesson'], [join(dir, '02-next.md'), 'next']]), coursePassMark: 80 };
  const { source } = compileLesson(file, 'content/c/01-lesson.md', 'lesson', 'Lesson', lines, index, sink, {});
  return { diagnostics: sink.list, errors: sink.list.filter((d) => d.severity === 'error'), source };
}

export interface Element {
  name: string;
  /** Attribute values as the browser gets them (entities decoded); true for a bare attribute. */
  attributes: Record<string, string | true>;
}

export interface Reading {
  /** The source text of every Svelte expression ({...}) in the markup. */
  expressions: string[];
  elements: Element[];
  /** All text, entities decoded, as learners read it. */
  text: string;
}

interface Node {
  type: string;
  name?: string;
  data?: string;
  start?: number;
  end?: number;
  attributes?: Node[];
  value?: true | Node | Node[];
  fragment?: { nodes: Node[] };
  [key: string]: unknown;
}

/** Reads a lesson's Svelte source with Svelte's own parser. */
export function readSource(source: string): Reading {
  const ast = parse(source, { modern: true }) as unknown as { fragment: { nodes: Node[] } };
  const reading: Reading = { expressions: [], elements: [], text: '' };
  const expression = (node: Node) => reading.expressions.push(source.slice(node.start, node.end));
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.type === 'Text') reading.text += node.data ?? '';
      // Our own note to the compiler before a table's scroll region (see tables.ts) runs nothing; any other comment is read as code.
      else if (node.type === 'Comment' && /^ svelte-ignore a11y_no_noninteractive_tabindex $/.test(node.data ?? '')) continue;
      else if (node.type === 'RegularElement' || node.type === 'Component') {
        const attributes: Record<string, string | true> = {};
        for (const attribute of node.attributes ?? []) {
          if (attribute.type !== 'Attribute') {
            expression(attribute);
            continue;
          }
          const value = attribute.value;
          if (value === true) attributes[attribute.name!] = true;
          else {
            const parts = Array.isArray(value) ? value : [value!];
            attributes[attribute.name!] = parts.map((p) => (p.type === 'Text' ? (p.data ?? '') : '{}')).join('');
            parts.filter((p) => p.type !== 'Text').forEach(expression);
          }
        }
        reading.elements.push({ name: node.name!, attributes });
        walk(node.fragment?.nodes ?? []);
      } else if (node.fragment) {
        expression(node);
        walk(node.fragment.nodes);
      } else expression(node);
    }
  };
  walk(ast.fragment.nodes);
  return reading;
}
