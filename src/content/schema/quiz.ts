// The compiled quiz: what the Markdown quiz syntax and GIFT files both turn into, what the grading
// engine scores and what the quiz player renders. Text fields ending in `Html` hold sanitised HTML
// rendered at build time; the browser never parses Markdown.
import { z } from 'zod';

/** Feedback shown for one choice, as sanitised HTML. */
const FeedbackHtml = z.string();

/** One option of a single- or multiple-choice question. */
export const ChoiceOptionSchema = z.strictObject({
  /** Stable id within the question: the tutor's `{#id}` or made from the option's text (src/content/quiz/answer-ids.ts). */
  id: z.string().min(1),
  /** The option's text as HTML. */
  html: z.string(),
  /** Whether the option counts as correct (weight > 0). */
  correct: z.boolean(),
  /**
   * Share of the question's points this option is worth, from -1 to 1. Single choice: 1 for the
   * right option, 0 otherwise (GIFT may give partial weights). Multiple choice: correct options
   * split +1 between them, wrong options take away (see the grading rules in docs/authoring.md).
   */
  weight: z.number().min(-1).max(1),
  /** Feedback shown when the learner picks this option. */
  feedbackHtml: FeedbackHtml.optional(),
});
export type ChoiceOption = z.infer<typeof ChoiceOptionSchema>;

/** One accepted answer of a short-answer question. */
export const AcceptedTextSchema = z.strictObject({
  text: z.string().min(1),
  /** Share of the points, 0..1 (GIFT `=%50%Cat`). */
  weight: z.number().min(0).max(1),
  feedbackHtml: FeedbackHtml.optional(),
});
export type AcceptedText = z.infer<typeof AcceptedTextSchema>;

/** One accepted numeric answer: a value with a tolerance, or a closed range. */
export const NumericAnswerSchema = z.strictObject({
  min: z.number(),
  max: z.number(),
  /** The value shown to the learner as the right answer. */
  value: z.number(),
  weight: z.number().min(0).max(1),
  feedbackHtml: FeedbackHtml.optional(),
});
export type NumericAnswer = z.infer<typeof NumericAnswerSchema>;

const QuestionBase = {
  /** Stable id: explicit `{#id}` or derived from the quiz id and position. Progress is keyed by it. */
  id: z.string().min(1),
  /** Short title (GIFT `::title::`), shown in review lists; optional. */
  title: z.string().optional(),
  /** The question text as HTML. For fill-in-the-blanks it holds `<cm-blank n="0"></cm-blank>` markers. */
  promptHtml: z.string(),
  /** Points the question is worth (default 1). */
  points: z.number().nonnegative(),
  /** A hint the learner may open before answering. */
  hintHtml: z.string().optional(),
  /** Shown after answering, whatever the answer (GIFT general feedback `####`). */
  explanationHtml: z.string().optional(),
  /** Shown when the whole answer is right. */
  correctFeedbackHtml: z.string().optional(),
  /** Shown when the answer is wrong or only partly right. */
  incorrectFeedbackHtml: z.string().optional(),
  /** Where the question came from, for diagnostics: `file:line:col`. */
  source: z.string().optional(),
  /**
   * The lesson the results page sends a learner back to when the question is missed: the first
   * lesson its explanation or feedback links to (set at build, with the link's text as the title).
   * Absent: the lesson holding the quiz.
   */
  revisit: z.strictObject({ lessonId: z.string().min(1), title: z.string() }).optional(),
};

export const SingleChoiceSchema = z.strictObject({
  ...QuestionBase,
  type: z.literal('single'),
  options: z.array(ChoiceOptionSchema).min(2),
});
export const MultipleChoiceSchema = z.strictObject({
  ...QuestionBase,
  type: z.literal('multiple'),
  options: z.array(ChoiceOptionSchema).min(2),
});
export const TrueFalseSchema = z.strictObject({
  ...QuestionBase,
  type: z.literal('truefalse'),
  answer: z.boolean(),
  /** Feedback when the learner answers "true" / "false". */
  trueFeedbackHtml: z.string().optional(),
  falseFeedbackHtml: z.string().optional(),
});
export const ShortAnswerSchema = z.strictObject({
  ...QuestionBase,
  type: z.literal('short'),
  accepted: z.array(AcceptedTextSchema).min(1),
  /** Compare case-sensitively (default false). Whitespace is always trimmed and collapsed. */
  caseSensitive: z.boolean(),
  /** Feedback for any answer that matches none (GIFT `=%0%*#...`). */
  otherwiseFeedbackHtml: z.string().optional(),
});
export const NumericSchema = z.strictObject({
  ...QuestionBase,
  type: z.literal('numeric'),
  answers: z.array(NumericAnswerSchema).min(1),
  otherwiseFeedbackHtml: z.string().optional(),
});
/** One blank in a fill-in-the-blanks question. */
export const BlankSchema = z.strictObject({
  /** Stable id: the tutor's `{#id}` or made from the first accepted answer. Answers are stored by it. */
  id: z.string().min(1),
  accepted: z.array(z.string().min(1)).min(1),
  caseSensitive: z.boolean(),
  /** Options offered in a drop-down; absent means a free-text box. */
  choices: z.array(z.string()).optional(),
});
export const BlanksSchema = z.strictObject({
  ...QuestionBase,
  type: z.literal('blanks'),
  blanks: z.array(BlankSchema).min(1),
});
export const MatchingSchema = z.strictObject({
  ...QuestionBase,
  type: z.literal('matching'),
  /** Left-hand items, each with its right answer; the id is `{#id}` or made from the left text. */
  pairs: z
    .array(z.strictObject({ id: z.string().min(1), promptHtml: z.string(), answer: z.string().min(1) }))
    .min(1),
  /** Extra right-hand answers that match nothing. */
  distractors: z.array(z.string()),
});
export const OrderingSchema = z.strictObject({
  ...QuestionBase,
  type: z.literal('ordering'),
  /** Items in their correct order; each id is `{#id}` or made from the item's text. */
  items: z.array(z.strictObject({ id: z.string().min(1), html: z.string() })).min(2),
});
/** Free text, self-assessed against a model answer (GIFT essay). */
export const EssaySchema = z.strictObject({
  ...QuestionBase,
  type: z.literal('essay'),
  modelAnswerHtml: z.string().optional(),
});
/** Text between questions (GIFT description); worth no points. */
export const DescriptionSchema = z.strictObject({
  ...QuestionBase,
  type: z.literal('description'),
});

export const QuestionSchema = z.discriminatedUnion('type', [
  SingleChoiceSchema,
  MultipleChoiceSchema,
  TrueFalseSchema,
  ShortAnswerSchema,
  NumericSchema,
  BlanksSchema,
  MatchingSchema,
  OrderingSchema,
  EssaySchema,
  DescriptionSchema,
]);
export type Question = z.infer<typeof QuestionSchema>;
export type QuestionType = Question['type'];
export type SingleChoiceQuestion = z.infer<typeof SingleChoiceSchema>;
export type MultipleChoiceQuestion = z.infer<typeof MultipleChoiceSchema>;
export type TrueFalseQuestion = z.infer<typeof TrueFalseSchema>;
export type ShortAnswerQuestion = z.infer<typeof ShortAnswerSchema>;
export type NumericQuestion = z.infer<typeof NumericSchema>;
export type BlanksQuestion = z.infer<typeof BlanksSchema>;
export type MatchingQuestion = z.infer<typeof MatchingSchema>;
export type OrderingQuestion = z.infer<typeof OrderingSchema>;
export type EssayQuestion = z.infer<typeof EssaySchema>;
export type DescriptionItem = z.infer<typeof DescriptionSchema>;

/** Settings a tutor writes on the quiz fence: `:::quiz Title {#id pass=80 attempts=3 ...}`. */
export const QuizSettingsSchema = z.strictObject({
  /** Pass mark in percent; defaults to the course's pass mark. */
  passMark: z.number().min(0).max(100).optional(),
  /** Attempts allowed; absent means unlimited. */
  attempts: z.number().int().positive().optional(),
  /** Shuffle question order per attempt (stable within the attempt). */
  shuffleQuestions: z.boolean(),
  /** Shuffle the options of choice questions per attempt. */
  shuffleOptions: z.boolean(),
  /** Draw this many questions from the quiz's pool on each attempt. */
  draw: z.number().int().positive().optional(),
  /** "immediate": feedback per question on "Check answer"; "end": feedback after "Submit quiz". */
  feedback: z.enum(['immediate', 'end']),
  /** Time limit in minutes. */
  timeLimit: z.number().positive().optional(),
});
export type QuizSettings = z.infer<typeof QuizSettingsSchema>;

export const QuizSchema = z.strictObject({
  /** Stable id, unique within the course. */
  id: z.string().min(1),
  title: z.string().min(1),
  /** The lesson the quiz block sits in. */
  lessonId: z.string().min(1),
  settings: QuizSettingsSchema,
  /** Resolved pass mark (quiz setting, else the course's). */
  passMark: z.number().min(0).max(100),
  /** Text before the first question, as HTML. */
  introHtml: z.string().optional(),
  questions: z.array(QuestionSchema).min(1),
});
export type Quiz = z.infer<typeof QuizSchema>;
