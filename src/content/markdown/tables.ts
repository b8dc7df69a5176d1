// A rehype plugin for lesson HTML: every table sits in its own scrolling region, so a wide table
// scrolls inside its card on a phone instead of pushing the page sideways (WCAG 1.4.10 reflow).
// The region is focusable (keyboard users can scroll it) and named after the table's headings.

interface HastNode {
  type: string;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function firstRow(table: HastNode): HastNode | undefined {
  for (const child of table.children ?? []) {
    if (child.tagName === 'tr') return child;
    const row = child.tagName === 'thead' || child.tagName === 'tbody' ? firstRow(child) : undefined;
    if (row) return row;
  }
  return undefined;
}

/** "Table: Service, Target, Measured by", from the header row; "Table" when it has none. */
export function tableLabel(table: HastNode): string {
  const cells = (firstRow(table)?.children ?? []).filter((cell) => cell.tagName === 'th').map((cell) => textOf(cell).trim().replace(/\s+/g, ' '));
  const names = cells.filter(Boolean).join(', ');
  if (!names) return 'Table';
  return `Table: ${names.length > 100 ? `${names.slice(0, 99)}…` : names}`;
}

export function scrollableTables() {
  return (tree: HastNode) => {
    const walk = (node: HastNode) => {
      node.children = node.children?.map((child) => {
        if (child.type !== 'element' || child.tagName !== 'table') {
          walk(child);
          return child;
        }
        return {
          type: 'element',
          tagName: 'div',
          properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: tableLabel(child) },
          children: [child],
        };
      });
    };
    walk(tree);
  };
}
