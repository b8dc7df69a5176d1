// Fill-in-the-blanks prompts: the sanitised question HTML with `<cm-blank n="i"></cm-blank>` markers,
// cut into runs of HTML and blanks for answering, or given visible gaps for the review.

export type BlankPiece =
  | { html: string }
  | { blank: number }
  | { tag: string; attributes: Record<string, string>; pieces: BlankPiece[] };

/** A blanks prompt for reading, not answering: each marker becomes a numbered gap. */
export function withGaps(html: string): string {
  return html.replace(/<cm-blank n="(\d+)"><\/cm-blank>/g, (_, n: string) => `<span class="gap">(${Number(n) + 1}) ____</span>`);
}

/**
 * The cut follows the element tree, not the raw string: "<p>The capital is " alone would be closed
 * by the browser before the input, so an element holding a blank becomes a piece of its own whose
 * children are cut again, and the inputs stay inside the sentence the tutor wrote.
 */
export function blankPieces(html: string): BlankPiece[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return cut(template.content);
}

function cut(parent: ParentNode): BlankPiece[] {
  const pieces: BlankPiece[] = [];
  // Neighbouring nodes without blanks are serialised together, escaping and all, by the parser.
  const run = document.createElement('div');
  const flush = () => {
    if (run.firstChild) pieces.push({ html: run.innerHTML });
    run.replaceChildren();
  };
  for (const node of [...parent.childNodes]) {
    if (!(node instanceof Element) || (node.localName !== 'cm-blank' && !node.querySelector('cm-blank'))) {
      run.append(node);
      continue;
    }
    flush();
    if (node.localName === 'cm-blank') pieces.push({ blank: Number(node.getAttribute('n')) });
    else {
      const attributes = Object.fromEntries([...node.attributes].map((a) => [a.name, a.value]));
      pieces.push({ tag: node.localName, attributes, pieces: cut(node) });
    }
  }
  flush();
  return pieces;
}
