// The one escaper for text put into HTML or XML that we write ourselves: the lesson HTML mdsvex
// serialises, the proof copy, GIFT plain text, the SCORM and cmi5 manifests. HTML and XML need the
// same five characters escaped, and "&#39;" (not "&apos;", which HTML 4 lacks) is valid in both, so
// one table serves.
//
// The other escapers differ on purpose, each for a language of its own:
// - escapeForSvelte and svelteAttribute (src/content/markdown/sanitise.ts) also turn `{` and `}` into
//   entities, because Svelte reads them as code; escapeForSvelte touches nothing else, as its input
//   has been sanitised already.
// - escapeText and escapeLineStarts (src/content/quiz/to-markdown.ts) write backslashes before what
//   Markdown and the quiz syntax would read as markup: Markdown, not entities.
// - escapeText in src/engine/study-calendar.ts escapes iCalendar TEXT (backslash, ";", "," and
//   newlines), which has no entities at all.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML or XML content and in a quoted attribute value. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
