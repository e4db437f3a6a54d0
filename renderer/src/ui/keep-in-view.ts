import { useEffect } from 'react';

/** The element's nearest ancestor that scrolls vertically (its own pane), if any. */
function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) return node;
  }
  return null;
}

/** The height of what the pane keeps stuck at its top (marked `data-sticky-header`, the rubric's header): nothing shows under it. */
function stuckHeaderHeight(pane: HTMLElement): number {
  return pane.querySelector<HTMLElement>('[data-sticky-header]')?.getBoundingClientRect().height ?? 0;
}

/**
 * Scrolls only the pane that holds `item` so that all of it shows (a comment editor with its chips and
 * Done button, not just the field the cursor is in) below the pane's sticky header, or its top when it
 * is taller than the room.
 */
export function revealInPane(item: HTMLElement, gap = 8): void {
  // Each pane that holds it, innermost first: a feed that scrolls inside a column that scrolls too.
  for (let pane = scrollingAncestor(item); pane; pane = scrollingAncestor(pane)) {
    const box = pane.getBoundingClientRect();
    const top = box.top + stuckHeaderHeight(pane);
    const place = item.getBoundingClientRect();
    if (place.top < top || place.height + gap > box.bottom - top) pane.scrollTop += place.top - top - gap;
    else if (place.bottom > box.bottom) pane.scrollTop += place.bottom - box.bottom + gap;
  }
}

/**
 * Keeps the item marked `aria-current="true"` inside `container` in view whenever `current` changes,
 * by scrolling only the pane that holds it (never the player or the page above it).
 */
export function useKeepCurrentInView(container: React.RefObject<HTMLElement | null>, current: unknown): void {
  useEffect(() => {
    const item = container.current?.querySelector<HTMLElement>('[aria-current="true"]');
    const pane = item && scrollingAncestor(item);
    if (!item || !pane) return;
    const box = pane.getBoundingClientRect();
    const place = item.getBoundingClientRect();
    if (place.top < box.top || place.bottom > box.bottom) pane.scrollTop += place.top - box.top - 8;
  }, [container, current]);
}
