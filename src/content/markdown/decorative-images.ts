// A decorative image says so: `![](media/divider.svg){decorative}`. The marker is plain text to
// mdsvex's Markdown parser, so this rehype plugin removes it and gives the image an empty alt, which
// tells screen readers to skip it. Without the marker, an image with no alt text is a lint warning.
interface HastNode {
  type: string;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

export const DECORATIVE = '{decorative}';

export function decorativeImages() {
  return (tree: HastNode) => {
    const walk = (node: HastNode) => {
      const children = node.children ?? [];
      children.forEach((child, i) => {
        const next = children[i + 1];
        if (child.type === 'element' && child.tagName === 'img' && next?.type === 'text' && next.value?.startsWith(DECORATIVE)) {
          next.value = next.value.slice(DECORATIVE.length);
          child.properties = { ...child.properties, alt: '' };
        }
        walk(child);
      });
    };
    walk(tree);
  };
}
