// Writes a generated course for the build benchmark: lessons in the syntax of docs/authoring.md,
// shaped like the bundled ones (a few paragraphs, a list, a table, an image, a link and five or six
// blocks), with every block kind in each run of ten lessons and a quiz lesson every tenth lesson.
//
//   node --import tsx scripts/bench/generate.ts DIR LESSONS   writes DIR/<course>/ with LESSONS lessons
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GeneratedCourse {
  /** The course folder (inside the content folder). */
  dir: string;
  courseId: string;
  lessons: number;
  quizzes: number;
}

const TOPICS = [
  'greeting customers',
  'listening for needs',
  'handling a complaint',
  'keeping records',
  'service standards',
  'telephone manner',
  'written replies',
  'following up',
  'difficult conversations',
  'quality checks',
  'feedback forms',
  'delivery promises',
];

const SENTENCES = [
  'Customers judge the whole organisation by the one person who serves them.',
  'A promise that is kept builds more trust than a promise that is generous.',
  'Write down what the customer asked for in their own words before you answer.',
  'When a service standard cannot be met, say so early and offer what you can do instead.',
  'Internal customers depend on you as much as external ones do, even when they are harder to see.',
  'A short, clear reply is easier to act on than a long one that hedges every point.',
  'Records that are kept up to date save the next colleague from asking the customer again.',
  'Most complaints are about how a problem was handled rather than the problem itself.',
  'Check that the customer agrees the matter is settled before you close it.',
  'Feedback is most useful when it is collected soon after the service was given.',
];

const DIAGRAM = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 80" role="img"><title>Three stages</title>
<rect x="4" y="20" width="90" height="40" rx="6" fill="#dbeafe"/><text x="49" y="45" text-anchor="middle" font-size="12">Ask</text>
<rect x="115" y="20" width="90" height="40" rx="6" fill="#dcfce7"/><text x="160" y="45" text-anchor="middle" font-size="12">Agree</text>
<rect x="226" y="20" width="90" height="40" rx="6" fill="#fef9c3"/><text x="271" y="45" text-anchor="middle" font-size="12">Deliver</text>
</svg>
`;

/** Deterministic sentence picking, so two runs write the same course. */
function sentences(seed: number, count: number): string {
  const picked: string[] = [];
  for (let i = 0; i < count; i++) picked.push(SENTENCES[(seed * 7 + i * 3) % SENTENCES.length]!);
  return picked.join(' ');
}

function fileName(index: number, width: number, id: string): string {
  return `${String(index).padStart(width, '0')}-${id}.md`;
}

function lessonId(index: number): string {
  if (index % 10 === 0) return `check-your-learning-${index / 10}`;
  return `${TOPICS[(index - 1) % TOPICS.length]!.replaceAll(' ', '-')}-${index}`;
}

function lessonTitle(index: number): string {
  const topic = TOPICS[(index - 1) % TOPICS.length]!;
  return `${topic[0]!.toUpperCase()}${topic.slice(1)} (part ${index})`;
}

/** The block that varies from lesson to lesson, so every kind appears in each run of ten. */
function extraBlock(index: number): string {
  const topic = TOPICS[(index - 1) % TOPICS.length]!;
  switch (index % 5) {
    case 0:
      return `:::video ${lessonTitle(index)} in practice {url="https://www.youtube.com/watch?v=dQw4w9WgXcQ" duration="4:${String(10 + (index % 50)).padStart(2, '0')}"}
A team leader walks through ${topic} with a new colleague. ${sentences(index + 3, 3)}
:::`;
    case 1:
      return `:::case-study A week at a busy counter
A shop that sells garden furniture had twice its usual number of visitors during a spring sale.
${sentences(index + 1, 3)}

? What should the team have done before the sale started?
: Agreed who would answer the telephone, set a realistic delivery promise and briefed everyone on it.

? How could the shop find out whether customers were satisfied?
: - A short feedback card with each delivery.
  - A follow-up call for every order that arrived late.
:::`;
    case 2:
      return `:::reflection Your own experience of ${topic}
Think of a time you were on the customer's side of ${topic}.

? What happened, and who served you?
? What did they do that met your expectations, or fell short of them?
? What would you do differently in their place?
:::`;
    case 3:
      return `:::rating How confident are you about ${topic} now?
- Very confident
- Fairly confident
- Not sure yet
- Not confident
:::`;
    default:
      return `:::outcomes What this lesson covers
- Explain why ${topic} matters to customers
- Apply a simple routine for ${topic} at work
:::`;
  }
}

function lesson(index: number, count: number, width: number): string {
  const topic = TOPICS[(index - 1) % TOPICS.length]!;
  const previous = index > 1 ? `[the previous lesson](${fileName(index - 1, width, lessonId(index - 1))})` : 'the course home';
  const module = index % 10 === 1 ? `module: Module ${Math.ceil(index / 10)}\n` : '';
  return `---
title: ${lessonTitle(index)}
minutes: ${10 + (index % 4) * 5}
${module}---
:::purpose
Good ${topic} is what customers remember. This lesson, ${index} of ${count}, builds on ${previous}.
:::

${sentences(index, 4)}

## Why it matters

${sentences(index + 1, 3)} See the diagram for the three stages every request goes through.

![Ask, agree, deliver](media/stages.svg)

:::theory The three stages of ${topic}
**Ask** what the customer needs, **agree** what will be done and by when, then **deliver** it and
check. ${sentences(index + 2, 2)}

| stage | what you do | what the customer sees |
|---|---|---|
| Ask | listen and write it down | someone who takes them seriously |
| Agree | state what and when | a clear promise |
| Deliver | do it, then check | a promise kept |
:::

:::example ${topic[0]!.toUpperCase()}${topic.slice(1)} at a help desk
A customer calls to say an order has not arrived. What should the adviser do first?
???
Find the order, tell the customer where it is and when it will arrive, and agree what happens if it
does not. ${sentences(index + 4, 1)}
:::

:::question Who decides whether the service was good?
Is it the organisation's standards or the customer's expectations that decide whether ${topic} went well?
???
Both matter, but the customer's expectations decide whether they come back. Standards exist to meet
them reliably.
:::

:::challenge Try it at work {#challenge-${index}}
Next time you deal with ${topic}, use the three stages and note what the customer said at each one.
:::

${extraBlock(index)}
`;
}

function quizLesson(index: number, count: number): string {
  const n = index / 10;
  return `---
title: Check your learning ${n}
minutes: 15
---
:::purpose
This quiz checks lessons ${index - 9} to ${index - 1} of ${count}. You need 80% to pass.
:::

:::quiz Module ${n} quiz {#quiz-${n} pass=80 shuffle=options}
Answer each question, then check your answer.

### In module ${n}, when does customer service take place? {#when-${n}}
- ( ) Only at the moment of sale
  > Not quite: service goes beyond the sale itself.
- (x) At the time of sale, and thereafter
  > Right: it covers every interaction, before and after.
- ( ) Only when a customer complains
- ( ) Only before the customer buys

> hint: Think about what happens after the sale.
> explanation: Customer service covers all interactions at the time of sale, and thereafter.

### Which of these are internal customers (module ${n})? {#internal-${n}}
- [x] The payroll team
- [x] The team manager
- [ ] A school that buys the software
  > No: the school is outside the company, so it is an external customer.

### An internal customer is usually bound to the company by a contract (module ${n}). {#contract-${n}}
= true

### What is the name for someone who uses a product but did not buy it (module ${n})? {#consumer-${n}}
= consumer
= a consumer

### How many stages are in the ask, agree, deliver routine (module ${n})? {#stages-${n}}
= 3

### Complete the routine for module ${n}. {#blanks-${n}}
First [[ask]], then [[agree|confirm]], then [[~wait =deliver ~forget]].

### Match each person to their role (module ${n}). {#match-${n}}
- A colleague in payroll -> Internal customer
- A restaurant buying a coffee maker -> External customer
- A guest drinking the coffee -> Consumer
- -> Supplier

### Put the stages in order (module ${n}). {#order-${n}}
1. Ask
2. Agree
3. Deliver

### Describe one way poor internal service can harm external customers (module ${n}). {#essay-${n} type=essay}
???
An unhappy colleague can pass their mood on to customers through poor service.
:::
`;
}

/** Writes `<contentDir>/<courseId>/` holding a course of `lessons` lessons (every tenth a quiz). */
export function generateCourse(contentDir: string, lessons: number, courseId = `bench-${lessons}`): GeneratedCourse {
  if (!Number.isInteger(lessons) || lessons < 1) throw new Error(`generateCourse: lessons must be a positive whole number, received ${lessons}`);
  const dir = join(contentDir, courseId);
  mkdirSync(join(dir, 'media'), { recursive: true });
  writeFileSync(join(dir, 'media', 'stages.svg'), DIAGRAM);
  writeFileSync(
    join(dir, 'course.md'),
    `---
id: ${courseId}
title: Customer service in practice (${lessons} lessons)
description: A generated course for the build benchmark, written like the bundled courses.
language: en-GB
estimatedMinutes: ${lessons * 15}
outcomes:
  - Understand what customers expect from a service
  - Be able to apply the ask, agree, deliver routine
passMark: 80
version: "1.0.0"
---
A generated course of ${lessons} lessons with a quiz after every nine.
`,
  );
  const width = String(lessons).length;
  let quizzes = 0;
  for (let index = 1; index <= lessons; index++) {
    const isQuiz = index % 10 === 0;
    if (isQuiz) quizzes++;
    writeFileSync(join(dir, fileName(index, width, lessonId(index))), isQuiz ? quizLesson(index, lessons) : lesson(index, lessons, width));
  }
  return { dir, courseId, lessons, quizzes };
}

/** Writes a site of `courses` generated courses of `lessons` lessons each (`site-<n>-of-<lessons>`). */
export function generateSite(contentDir: string, courses: number, lessons: number): GeneratedCourse[] {
  return Array.from({ length: courses }, (_, i) => generateCourse(contentDir, lessons, `site-${i + 1}-of-${lessons}`));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [target, count] = process.argv.slice(2);
  if (!target || !count || !/^\d+$/.test(count)) {
    process.stderr.write('Usage: node --import tsx scripts/bench/generate.ts DIR LESSONS\n');
    process.exit(2);
  }
  const course = generateCourse(target, Number(count));
  process.stdout.write(`Wrote ${course.lessons} lessons (${course.quizzes} quizzes) into ${course.dir}\n`);
}
