// Turns one lesson file into (a) its manifest entry, (b) the Svelte source of the lesson's component
// (our block components around the tutor's Markdown, rendered to sanitised and escaped HTML by
// lesson-markdown.ts), and (c) its quizzes as data. Everything a tutor can get wrong, including what
// the Svelte compiler would refuse, is a diagnostic at file:line:col (see docs/architecture.md).
import { existsSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ATTRIBUTE_HINTS, BLOCK_LABELS, BlockAttributeSchemas, type BlockKind } from '../schema/block.ts';
import type { BlockEntry, LessonEntry } from '../schema/manifest.ts';
import type { Question, Quiz } from '../schema/quiz.ts';
import { didYouMean, type DiagnosticSink } from '../diagnostics.ts';
import { IdAllocator, parseAttributeList, slugify } from './attributes.ts';
import { CodeFenceTracker, isBlank, modelAnswerLines, scanBlocks, splitAt, type ScannedBlock, type SourceLine } from './blocks.ts';
import { isOutside, linkDefinitions, renderLessonMarkdown, type LessonContext } from './lesson-markdown.ts';
import { isActiveFile, svelteAttribute } from './sanitise.ts';
import { assetPlaceholder as placeholder, bindAssets, checkCompiles, type SourceChunk } from '../compile.ts';
import { parseQuizBody } from '../quiz/compile.ts';
import { parseGiftFile } from '../gift/parse.ts';
import { linkQuizLessons } from '../quiz/links.ts';

const BLOCKS_DIR = fileURLToPath(new URL('../../player/blocks/', import.meta.url));

const COMPONENT: Record<BlockKind, string> = {
  purpose: 'PurposeBlock',
  theory: 'TheoryBlock',
  example: 'ExampleBlock',
  question: 'QuestionBlock',
  challenge: 'ChallengeBlock',
  video: 'VideoBlock',
  'case-study': 'CaseStudyBlock',
  reflection: 'ReflectionBlock',
  rating: 'RatingBlock',
  outcomes: 'OutcomesBlock',
  quiz: 'QuizBlock',
};

/** What the course loader knows about every lesson of the course before compiling any. */
export interface LessonIndex {
  courseId: string;
  courseDir: string;
  /** Absolute lesson file path → lesson id. */
  lessonIdsByFile: Map<string, string>;
  coursePassMark: number;
}

export interface CompiledLesson {
  entry: LessonEntry;
  /** The lesson's Svelte component: block components around sanitised, escaped HTML. */
  source: string;
  quizzes: Quiz[];
  /** Plain text of the lesson, for search and reading-time estimates. */
  text: string;
}

interface Emitter {
  out: SourceChunk[];
  imports: Set<string>;
  /** Absolute path of a course file → the import name its URL is bound to. */
  assets: Map<string, string>;
}

const SEPARATOR = (text: string) => text.trim() === '???';
const PROMPT = /^\s{0,3}\?\s+(.*)$/;
const MODEL_ANSWER = /^\s{0,3}:\s?(.*)$/;

/** Escapes a string for a double-quoted attribute of our own components (see sanitise.ts). */
export const attr = svelteAttribute;

function plain(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[*_`#>|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function compileLesson(
  file: string,
  displayPath: string,
  lessonId: string,
  title: string,
  body: SourceLine[],
  index: LessonIndex,
  sink: DiagnosticSink,
  options: { minutes?: number; module?: string },
): CompiledLesson {
  const emit: Emitter = { out: [], imports: new Set(), assets: new Map() };
  const blocks: BlockEntry[] = [];
  const quizzes: Quiz[] = [];
  const ids = new IdAllocator();
  const textParts: string[] = [];
  let interactions = 0;

  const context: LessonContext = {
    file,
    displayPath,
    courseId: index.courseId,
    courseDir: index.courseDir,
    lessonIdsByFile: index.lessonIdsByFile,
    sink,
    asset: (path) => assetPlaceholder(emit, path),
    links: linkDefinitions(body),
  };
  const md = (lines: SourceLine[]) => emit.out.push({ code: renderLessonMarkdown(lines, context), lines });
  const markup = (line: number, ...code: string[]) => emit.out.push({ code: code.join('\n'), line });

  if (isBlank(body)) {
    sink.error(
      body[0]?.line ?? 1,
      1,
      'lesson/empty',
      `the lesson "${title}" has no content`,
      'write some Markdown or a block below the frontmatter, e.g. ":::purpose" ... ":::", or delete the file',
    );
  }

  // Explicit ids first, so derived ids never take a name a tutor chose further down.
  const segments = scanBlocks(body, sink);
  for (const segment of segments) {
    if (segment.type !== 'block' || segment.block.unknown) continue;
    const id = segment.block.attrs.id;
    if (!id) continue;
    if (ids.has(id)) {
      sink.error(
        segment.block.line,
        segment.block.attrColumns.id ?? segment.block.column,
        'block/duplicate-id',
        `the block id "${id}" is used twice in this lesson`,
        'give each block its own id, or remove {#...} to let Coursemark derive one',
      );
    }
    ids.claim(id);
  }

  for (const segment of segments) {
    if (segment.type === 'markdown') {
      const markdown = segment.lines.map((l) => l.text).join('\n');
      md(segment.lines);
      textParts.push(plain(markdown));
      continue;
    }
    const block = segment.block;
    if (block.unknown) continue;
    const attrs = validateAttributes(block, sink);
    const attributesValid = attrs !== null;
    const id = block.attrs.id ?? ids.unique(block.title ? `${block.kind}-${slugify(block.title)}` : block.kind);
    const entry: BlockEntry = { id, kind: block.kind, required: false, ...(block.title ? { title: block.title } : {}) };
    textParts.push(block.title, plain(block.body.map((l) => l.text).join('\n')));
    const open = (extra: Record<string, string | undefined> = {}) => {
      emit.imports.add(COMPONENT[block.kind]);
      const props = { id, title: block.title, ...extra };
      const rendered = Object.entries(props)
        .filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== '')
        .map(([k, v]) => `${k}="${attr(v)}"`)
        .join(' ');
      markup(block.line, `<${COMPONENT[block.kind]} ${rendered}>`);
    };
    const close = () => markup(block.line, `</${COMPONENT[block.kind]}>`);
    const reveal = (lines: SourceLine[]) => {
      emit.imports.add('Reveal');
      markup(block.line, '<Reveal>');
      md(lines);
      markup(block.line, '</Reveal>');
    };

    switch (block.kind) {
      case 'purpose':
      case 'theory':
      case 'challenge':
        if (isBlank(block.body)) emptyBlock(block, sink);
        if (block.kind === 'challenge') {
          entry.required = true;
          interactions++;
        }
        open();
        md(block.body);
        close();
        break;
      case 'example': {
        const { parts, separators } = splitAt(block.body, SEPARATOR);
        if (separators.length > 1) {
          sink.error(separators[1]!.line, 1, 'example/many-separators', 'an example can have only one "???" line', 'keep one "???" between the task and the worked solution');
        }
        if (isBlank(block.body)) emptyBlock(block, sink);
        open({ open: (attrs as { open?: string } | null)?.open === 'true' ? 'true' : undefined });
        md(parts[0]!);
        if (parts.length > 1) {
          if (isBlank(parts[1]!)) {
            sink.error(separators[0]!.line, 1, 'example/no-solution', 'nothing follows "???" in this example', 'write the worked solution below "???", or delete the "???" line');
          }
          reveal(parts.slice(1).flat());
        }
        close();
        break;
      }
      case 'question': {
        const { parts, separators } = splitAt(block.body, SEPARATOR);
        entry.required = true;
        interactions++;
        if (separators.length === 0 || isBlank(parts.slice(1).flat())) {
          sink.error(
            block.line,
            block.column,
            'question/no-answer',
            separators.length === 0 ? 'this question has no answer' : 'nothing follows "???" in this question',
            'add a line with just "???" after the question, then the answer, e.g.\n  :::question\n  Who is the customer?\n  ???\n  The mother.\n  :::',
          );
        }
        if (isBlank(parts[0]!)) {
          sink.error(block.line, block.column, 'question/no-text', 'this question has no question text above "???"', 'write the question first, then "???", then the answer');
        }
        open();
        md(parts[0]!);
        if (parts.length > 1) reveal(parts.slice(1).flat());
        close();
        break;
      }
      case 'video': {
        const video = (attrs ?? {}) as z.infer<(typeof BlockAttributeSchemas)['video']>;
        const extra: Record<string, string | undefined> = { url: video.url, duration: video.duration, transcript: video.transcript === 'true' ? 'true' : undefined };
        if (attributesValid && !video.url && !video.src) {
          sink.error(
            block.line,
            block.column,
            'video/no-source',
            'this video has neither url nor src',
            'add {url="https://www.youtube.com/watch?v=..."} for an online video or {src="media/clip.mp4" captions="media/clip.vtt"} for a file in the course folder',
          );
        }
        for (const key of ['src', 'captions'] as const) {
          const value = video[key];
          if (!value) continue;
          const target = resolve(dirname(file), value);
          if (isOutside(index.courseDir, target)) {
            sink.error(block.line, block.attrColumns[key] ?? block.column, 'asset/outside-course', `the file "${value}" is outside the course folder`, 'put it in the course folder (e.g. media/): only its files are published with the course');
          } else if (isActiveFile(value)) {
            sink.error(block.line, block.attrColumns[key] ?? block.column, 'link/active-file', `the ${key} "${value}" is a file that can run code on the course's site`, key === 'src' ? 'use a video file (MP4 or WebM)' : 'use WebVTT captions (a .vtt file)');
          } else if (!existsSync(target)) {
            sink.error(block.line, block.attrColumns[key] ?? block.column, 'asset/missing', `the file "${value}" does not exist`, `put it at ${normalize(join(dirname(displayPath), value))} or correct the path (it is relative to the lesson file)`);
          } else {
            extra[key] = assetPlaceholder(emit, target);
          }
        }
        if (video.src && !video.captions) {
          sink.warning(block.line, block.column, 'video/no-captions', 'this local video has no captions', 'add captions="media/clip.vtt" (WebVTT) so every learner can follow it');
        }
        if (isBlank(block.body)) {
          sink.warning(block.line, block.column, 'video/no-transcript', 'this video has no transcript', 'write a transcript or summary in the block: it is what learners read offline');
        }
        open(extra);
        md(block.body);
        close();
        break;
      }
      case 'case-study':
      case 'reflection': {
        const isCase = block.kind === 'case-study';
        const { intro, prompts } = splitPrompts(block.body);
        if (prompts.length === 0) {
          sink.error(
            block.line,
            block.column,
            isCase ? 'case-study/no-questions' : 'reflection/no-prompts',
            isCase ? 'this case study has no questions' : 'this reflection has no prompts',
            isCase
              ? 'add questions as lines starting with "? ", each followed by a model answer line starting with ": "'
              : 'add prompts as lines starting with "? ", e.g. "? What was the situation?"',
          );
        }
        entry.prompts = [];
        const promptIds = new IdAllocator();
        open();
        md(intro);
        prompts.forEach((prompt, n) => {
          const parsed = parseAttributeList(prompt.text);
          const promptId = parsed.values.id ?? promptIds.unique(slugify(parsed.text) || `prompt-${n + 1}`);
          promptIds.claim(promptId);
          const text = plain(parsed.text);
          entry.prompts!.push({ id: promptId, text });
          interactions++;
          if (isCase) {
            const answer = prompt.answer;
            if (answer.length === 0 || isBlank(answer)) {
              sink.error(
                prompt.line,
                1,
                'case-study/no-answer',
                'this case-study question has no model answer',
                'write the model answer on the next line, starting with ": ", e.g.\n  ? Which two organisations did John Lewis work with?\n  : The British Retail Consortium and RoSPA.',
              );
            } else if (!MODEL_ANSWER.test(answer.find((l) => l.text.trim() !== '')!.text)) {
              const first = answer.find((l) => l.text.trim() !== '')!;
              sink.error(first.line, 1, 'case-study/no-answer', 'the model answer must start with ": "', `write ": ${first.text.trim()}"`);
            }
            emit.imports.add('CaseQuestion');
            markup(prompt.line, `<CaseQuestion id="${attr(promptId)}" number="${n + 1}" text="${attr(text)}">`);
            md([{ text: parsed.text, line: prompt.line }]);
            reveal(modelAnswerLines(answer));
            markup(prompt.line, '</CaseQuestion>');
          } else {
            emit.imports.add('ReflectionPrompt');
            markup(prompt.line, `<ReflectionPrompt id="${attr(promptId)}" text="${attr(text)}">`);
            md([{ text: parsed.text, line: prompt.line }]);
            md(prompt.answer);
            markup(prompt.line, '</ReflectionPrompt>');
          }
        });
        close();
        break;
      }
      case 'rating': {
        const choices: string[] = [];
        const rest: SourceLine[] = [];
        for (const line of block.body) {
          const item = /^\s{0,3}[-*+]\s+(.*\S)\s*$/.exec(line.text);
          if (item) choices.push(item[1]!);
          else rest.push(line);
        }
        if (choices.length < 2) {
          sink.error(block.line, block.column, 'rating/no-choices', `a rating needs at least two choices, found ${choices.length}`, 'list the choices as "- " items, e.g. "- Excellent", "- Good", "- Average", "- Poor"');
        }
        if (choices.some((c) => c.includes('|'))) {
          sink.error(block.line, block.column, 'rating/bad-choice', 'a rating choice cannot contain "|"', 'reword the choice without "|"');
        }
        entry.choices = choices;
        open({ choices: choices.join('|') });
        md(rest);
        close();
        break;
      }
      case 'outcomes':
        open(isBlank(block.body) ? { empty: 'true' } : {});
        md(block.body);
        close();
        break;
      case 'quiz': {
        const quizAttrs = (attrs ?? {}) as z.infer<(typeof BlockAttributeSchemas)['quiz']>;
        const quizId = block.attrs.id ?? (block.title ? slugify(block.title) : `${lessonId}-quiz`);
        const extraQuestions: Question[] = [];
        if (quizAttrs.gift) {
          const giftPath = resolve(dirname(file), quizAttrs.gift);
          if (!existsSync(giftPath)) {
            sink.error(block.line, block.attrColumns.gift ?? block.column, 'asset/missing', `the GIFT file "${quizAttrs.gift}" does not exist`, 'put the .gift file in the course folder and give its path relative to the lesson file');
          } else {
            const gift = parseGiftFile(giftPath, normalize(join(dirname(displayPath), quizAttrs.gift)), { idPrefix: quizId });
            sink.list.push(...gift.diagnostics);
            extraQuestions.push(...gift.questions.map((q) => q.question));
          }
        }
        const firstBodyLine = block.body[0]?.line ?? block.line + 1;
        const { quiz, introHtml, diagnostics } = parseQuizBody({
          body: block.body.map((l) => l.text).join('\n'),
          file: displayPath,
          startLine: firstBodyLine,
          quizId,
          title: block.title || 'Quiz',
          lessonId,
          attrs: quizAttrs,
          coursePassMark: index.coursePassMark,
          extraQuestions,
        });
        sink.list.push(...diagnostics);
        entry.id = quizId;
        if (quiz) {
          if (introHtml) quiz.introHtml = introHtml;
          // Lesson links in the quiz's feedback become routes, as in the lesson body (quiz-links.ts).
          quizzes.push(linkQuizLessons(quiz, index.courseId, (url) => index.lessonIdsByFile.get(resolve(dirname(file), decodeURIComponent(url)))));
          const questions = quiz.settings.draw ?? quiz.questions.filter((q) => q.type !== 'description').length;
          emit.imports.add(COMPONENT.quiz);
          markup(block.line, `<QuizBlock id="${attr(quizId)}" title="${attr(quiz.title)}" questions="${questions}" pass="${quiz.passMark}" />`);
        }
        break;
      }
    }
    blocks.push(entry);
  }

  const words = textParts.join(' ').split(/\s+/).filter(Boolean).length;
  const minutes = options.minutes ?? Math.max(1, Math.round(words / 200 + interactions * 1.5));
  const prefix = [
    '<script>',
    ...[...emit.imports].sort().map((name) => `  import ${name} from ${JSON.stringify(join(BLOCKS_DIR, `${name}.svelte`))};`),
    // An SVG is only ever an image, inlined as a data: URL: never a page on the site's origin.
    ...[...emit.assets].map(([path, name]) => `  import ${name} from ${JSON.stringify(path.toLowerCase().endsWith('.svg') ? `${path}?inline` : path)};`),
    '</script>',
    '',
    '',
  ].join('\n');
  const source = bindAssets(prefix + emit.out.map((chunk) => chunk.code).join('\n'));
  checkCompiles(emit.out, prefix, file, sink);
  return {
    entry: { id: lessonId, title, minutes, blocks, ...(options.module ? { module: options.module } : {}) },
    source,
    quizzes,
    text: textParts.filter(Boolean).join(' '),
  };
}

/** Marks a course file for import; the generated code refers to it through a placeholder (see bindAssets). */
function assetPlaceholder(emit: Emitter, absolutePath: string): string {
  let name = emit.assets.get(absolutePath);
  if (!name) {
    name = `__cm_asset_${emit.assets.size}`;
    emit.assets.set(absolutePath, name);
  }
  return placeholder(Number(name.slice('__cm_asset_'.length)));
}

function emptyBlock(block: ScannedBlock, sink: DiagnosticSink): void {
  sink.error(block.line, block.column, 'block/empty', `this ${BLOCK_LABELS[block.kind].toLowerCase()} block is empty`, 'write its content between the opening line and the closing ":::", or delete the block');
}

/** The block's attributes, validated; null (after reporting) when any is wrong. */
function validateAttributes(block: ScannedBlock, sink: DiagnosticSink): Record<string, unknown> | null {
  const schema = BlockAttributeSchemas[block.kind];
  const result = (schema as z.ZodObject).safeParse(block.attrs);
  if (result.success) return result.data as Record<string, unknown>;
  const known = Object.keys((schema as z.ZodObject).shape);
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const guess = didYouMean(key, known);
        sink.error(
          block.line,
          block.attrColumns[key] ?? block.column,
          'block/unknown-attribute',
          `the ${block.kind} block has no attribute "${key}"`,
          guess ? `did you mean "${guess}"?` : known.length > 1 ? `its attributes are: ${known.map((k) => (k === 'id' ? '#id' : k)).join(', ')}` : 'this block takes only an id: {#my-id}',
        );
      }
      continue;
    }
    const key = String(issue.path[0] ?? '');
    sink.error(
      block.line,
      block.attrColumns[key] ?? block.column,
      'block/invalid-attribute',
      `the attribute "${key}" of the ${block.kind} block is invalid: ${issue.message} (received "${block.attrs[key] ?? ''}")`,
      key === 'id' ? 'use lowercase letters, digits and hyphens, e.g. {#coffee-maker}' : (ATTRIBUTE_HINTS[key] ?? issue.message),
    );
  }
  return null;
}

interface Prompt {
  text: string;
  line: number;
  answer: SourceLine[];
}

/** Splits a case study or reflection body into its introduction and its "? " prompts. */
function splitPrompts(body: SourceLine[]): { intro: SourceLine[]; prompts: Prompt[] } {
  const intro: SourceLine[] = [];
  const prompts: Prompt[] = [];
  const code = new CodeFenceTracker();
  for (const line of body) {
    const inCode = code.step(line.text);
    const match = inCode ? null : PROMPT.exec(line.text);
    if (match) prompts.push({ text: match[1]!.trim(), line: line.line, answer: [] });
    else if (prompts.length) prompts[prompts.length - 1]!.answer.push(line);
    else intro.push(line);
  }
  return { intro, prompts };
}
