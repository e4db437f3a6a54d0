// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { revealInPane } from '../../../renderer/src/ui/keep-in-view';

/** A scrolling pane 200 px tall at the top of the window holding an item at `top` (in the pane's content) `height` tall. */
function paneWith(top: number, height: number): { pane: HTMLElement; item: HTMLElement } {
  const pane = document.createElement('section');
  pane.style.overflowY = 'auto';
  const item = document.createElement('form');
  pane.append(item);
  document.body.append(pane);
  Object.defineProperties(pane, { scrollHeight: { value: 1000 }, clientHeight: { value: 200 } });
  const rect = (y: number, h: number) => ({ top: y, bottom: y + h, height: h, left: 0, right: 100, width: 100, x: 0, y, toJSON: () => ({}) }) as DOMRect;
  pane.getBoundingClientRect = () => rect(0, 200);
  item.getBoundingClientRect = () => rect(top - pane.scrollTop, height);
  return { pane, item };
}

describe('revealing an item in its pane', () => {
  afterEach(() => document.body.replaceChildren());

  it('scrolls until the whole item shows when its lower part is under the pane’s edge', () => {
    const { pane, item } = paneWith(150, 120); // 70 px of it hidden
    revealInPane(item);
    expect(pane.scrollTop).toBe(78); // its bottom 8 px above the pane's edge
  });

  it('shows the top of an item taller than the pane, and leaves one already in view where it is', () => {
    const tall = paneWith(150, 260);
    revealInPane(tall.item);
    expect(tall.pane.scrollTop).toBe(142);
    document.body.replaceChildren();
    const shown = paneWith(20, 100);
    revealInPane(shown.item);
    expect(shown.pane.scrollTop).toBe(0);
  });

  it('counts the pane’s sticky header as hidden: an item under it is brought below it', () => {
    const { pane, item } = paneWith(60, 40);
    pane.scrollTop = 50; // the item's top now 10 px from the pane's top, under a 48 px header
    const header = document.createElement('header');
    header.dataset.stickyHeader = '';
    header.getBoundingClientRect = () => ({ top: 0, bottom: 48, height: 48, left: 0, right: 100, width: 100, x: 0, y: 0, toJSON: () => ({}) });
    pane.prepend(header);
    revealInPane(item);
    expect(pane.scrollTop).toBe(50 + 10 - 48 - 8); // its top 8 px below the header
  });

  it('reveals it in every pane that holds it, innermost first (a feed inside a column that scrolls too)', () => {
    const { pane: inner, item } = paneWith(150, 120);
    const outer = document.createElement('div');
    outer.style.overflowY = 'auto';
    document.body.append(outer);
    outer.append(inner);
    Object.defineProperties(outer, { scrollHeight: { value: 2000 }, clientHeight: { value: 100 } });
    outer.getBoundingClientRect = () => ({ top: 0, bottom: 100, height: 100, left: 0, right: 100, width: 100, x: 0, y: 0, toJSON: () => ({}) });
    revealInPane(item);
    expect([inner.scrollTop > 0, outer.scrollTop > 0]).toEqual([true, true]);
  });
});
