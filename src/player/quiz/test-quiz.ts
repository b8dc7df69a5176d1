// Quizzes for the component tests, built the way the compiler would emit them (checked against
// QuizSchema so a test cannot hand the player a shape the build never makes).
import { QuizSchema, type Question, type Quiz, type QuizSettings } from '../../content/schema/quiz.ts';

const base = { points: 1 } as const;

export const QUESTIONS = {
  single: {
    ...base,
    id: 'who-buys',
    type: 'single',
    promptHtml: '<p>Which of these is an external customer?</p>',
    options: [
      { id: 'a', html: 'A colleague in Human Resources', correct: false, weight: 0, feedbackHtml: '<p>Colleagues are internal customers.</p>' },
      { id: 'b', html: 'A restaurant that buys a coffee maker', correct: true, weight: 1, feedbackHtml: '<p>Right: it buys for its own guests.</p>' },
      { id: 'c', html: 'The company’s own warehouse', correct: false, weight: 0 },
    ],
    explanationHtml: '<p>External customers are outside the organisation.</p>',
  },
  multiple: {
    ...base,
    id: 'touchpoints',
    type: 'multiple',
    points: 2,
    promptHtml: '<p>Which are customer touchpoints?</p>',
    options: [
      { id: 'a', html: 'Call centres', correct: true, weight: 0.5 },
      { id: 'b', html: 'Mobile apps', correct: true, weight: 0.5 },
      { id: 'c', html: 'Pricing strategy', correct: false, weight: -0.5, feedbackHtml: '<p>Pricing is a decision, not a contact point.</p>' },
    ],
  },
  truefalse: {
    ...base,
    id: 'consumer-pays',
    type: 'truefalse',
    promptHtml: '<p>The consumer is always the person who pays.</p>',
    answer: false,
    falseFeedbackHtml: '<p>Yes: the child eats the cereal the mother buys.</p>',
  },
  short: {
    ...base,
    id: 'who-eats',
    type: 'short',
    promptHtml: '<p>A mother buys cereal that her child eats. Who is the consumer?</p>',
    accepted: [
      { text: 'the child', weight: 1 },
      { text: 'child', weight: 1 },
    ],
    caseSensitive: false,
    hintHtml: '<p>Think about who uses the product.</p>',
  },
  numeric: {
    ...base,
    id: 'standards-count',
    type: 'numeric',
    promptHtml: '<p>How many example quality standards does the module list?</p>',
    answers: [{ min: 6, max: 6, value: 6, weight: 1 }],
  },
  blanks: {
    ...base,
    id: 'customer-consumer',
    type: 'blanks',
    points: 2,
    promptHtml: '<p>The <cm-blank n="0"></cm-blank> buys the product; the <cm-blank n="1"></cm-blank> uses it.</p>',
    blanks: [
      { id: 'customer', accepted: ['customer'], caseSensitive: false },
      { id: 'consumer', accepted: ['consumer'], caseSensitive: false, choices: ['customer', 'consumer', 'supplier'] },
    ],
  },
  matching: {
    ...base,
    id: 'match-customers',
    type: 'matching',
    promptHtml: '<p>Match each person to the kind of customer they are.</p>',
    pairs: [
      { id: 'p1', promptHtml: 'A colleague in payroll', answer: 'Internal' },
      { id: 'p2', promptHtml: 'A shopper online', answer: 'External' },
    ],
    distractors: ['Supplier'],
  },
  ordering: {
    ...base,
    id: 'journey',
    type: 'ordering',
    promptHtml: '<p>Put the stages of the customer journey in order.</p>',
    items: [
      { id: 'i1', html: 'Awareness' },
      { id: 'i2', html: 'Consideration' },
      { id: 'i3', html: 'Purchase' },
      { id: 'i4', html: 'Loyalty' },
    ],
  },
  essay: {
    ...base,
    id: 'why-standards',
    type: 'essay',
    promptHtml: '<p>Why do organisations set quality standards?</p>',
    modelAnswerHtml: '<p>To make service consistent and measurable.</p>',
  },
  description: {
    ...base,
    points: 0,
    id: 'case-intro',
    type: 'description',
    promptHtml: '<p>The next questions are about the John Lewis case study.</p>',
  },
} satisfies Record<Question['type'], Question>;

export function makeQuiz(questions: Question[], settings: Partial<QuizSettings> = {}, passMark = 80): Quiz {
  return QuizSchema.parse({
    id: 'final',
    title: 'End-of-module quiz',
    lessonId: 'quiz',
    settings: { shuffleQuestions: false, shuffleOptions: true, feedback: 'immediate', ...settings },
    passMark,
    questions,
  });
}
