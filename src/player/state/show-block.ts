// Scrolls to and focuses one block of a lesson once it has rendered: the target of a link to a block
// (a search result, `#/<course>/<lesson>?block=<id>`). The lesson loads after the route changes, so
// this waits for the block to appear. Loaded only when such a link is followed.

/** Blocks render as `id="block-<id>"` (BlockFrame.svelte). */
export function showBlock(doc: Document, id: string, waitMs = 10_000): void {
  const show = (): boolean => {
    const block = doc.getElementById(`block-${id}`);
    if (!block) return false;
    if (!block.hasAttribute('tabindex')) block.tabIndex = -1;
    block.scrollIntoView({ block: 'start' });
    block.focus({ preventScroll: true });
    return true;
  };
  if (show() || typeof MutationObserver !== 'function') return;
  const observer = new MutationObserver(() => show() && observer.disconnect());
  observer.observe(doc.body, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), waitMs);
}
