// Every table in a lesson sits in its own scrolling region, so a wide table scrolls inside its card
// on a phone instead of pushing the page sideways (WCAG 1.4.10 reflow). The region is focusable (the
// keyboard can scroll it) and named after the table's header row. Runs on sanitised HTML, adding
// only our own markup; the one piece of tutor text it copies (the header) is escaped again.

const TAG = /<(\/?)table\b[^>]*>/gi;

function headerText(table: string): string {
  const row = /<tr\b[^>]*>([\s\S]*?)<\/tr>/i.exec(table)?.[1] ?? '';
  const cells = [...row.matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/gi)].map((cell) =>
    cell[1]!.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim(),
  );
  return cells.filter(Boolean).join(', ');
}

/** "Table: Service, Target, Measured by", from the header row; "Table" when it has none. */
export function tableLabel(table: string): string {
  const names = headerText(table);
  if (!names) return 'Table';
  const text = `Table: ${names.length > 100 ? `${names.slice(0, 99)}…` : names}`;
  // The cells' text is already escaped for HTML text; inside an attribute quotes need escaping too.
  return text.replace(/"/g, '&quot;');
}

/** Wraps each outermost <table> of sanitised lesson HTML in a focusable, named scroll region. */
export function scrollableTables(html: string): string {
  let depth = 0;
  let start = -1;
  let out = '';
  let last = 0;
  for (const match of html.matchAll(TAG)) {
    const closing = match[1] === '/';
    if (!closing && depth++ === 0) start = match.index;
    if (closing && depth > 0 && --depth === 0) {
      const end = match.index + match[0].length;
      const table = html.slice(start, end);
      // A scrollable region must be focusable so keyboards can scroll it (axe scrollable-region-focusable);
      // Svelte's generic rule against a tabindex on a div does not know that.
      out += `${html.slice(last, start)}<!-- svelte-ignore a11y_no_noninteractive_tabindex -->\n<div class="table-scroll" role="region" tabindex="0" aria-label="${tableLabel(table)}">${table}</div>`;
      last = end;
    }
  }
  return out + html.slice(last);
}
