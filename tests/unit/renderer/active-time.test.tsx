// @vitest-environment jsdom
import { fireEvent } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useActiveTime } from '../../../renderer/src/workspace/use-active-time';
import { renderInApp, setup } from './harness';

// Time on task, with the clock in the test's hands: performance.now and the report interval are
// faked, and each step lets core's answers settle (no real waiting).

beforeEach(() => void vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  Reflect.deleteProperty(document, 'visibilityState');
});

const seconds = async (count: number): Promise<void> => {
  await vi.advanceTimersByTimeAsync(count * 1000);
};

function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

interface Props {
  submissionId: string;
  playing: boolean;
  enabled: boolean;
}

function timed(initial: Partial<Props> = {}) {
  const context = setup({ 'draft.addActiveTime': { activeMs: 0 } });
  let props: Props = { submissionId: 's1', playing: false, enabled: true, ...initial };
  const rendered = renderInApp(() => useActiveTime(props.submissionId, props.playing, props.enabled), context);
  return {
    ...rendered,
    change: (next: Partial<Props>) => {
      props = { ...props, ...next };
      rendered.rerender();
    },
    /** The slices core was sent, in ms. */
    slices: () => context.core.callsOf('draft.addActiveTime').map(({ ms }) => ms),
  };
}

describe('useActiveTime', () => {
  it('reports time on task to core in ten-second slices while the assessor is active', async () => {
    const { core, slices } = timed();
    await seconds(9);
    expect(slices()).toEqual([]);
    await seconds(1);
    expect(core.callsOf('draft.addActiveTime')).toEqual([{ submissionId: 's1', ms: 10_000 }]);
    await seconds(20);
    expect(slices()).toEqual([10_000, 10_000, 10_000]);
  });

  it('stops counting a minute after the last input, and starts again with the next key or pointer input', async () => {
    const { slices } = timed();
    await seconds(120);
    expect(slices()).toEqual([10_000, 10_000, 10_000, 10_000, 10_000]);
    await seconds(600);
    expect(slices()).toHaveLength(5);
    await seconds(5);
    fireEvent.keyDown(document.body, { key: 'a' });
    await seconds(5);
    expect(slices().slice(5)).toEqual([5_000]);
    await seconds(120);
    const whileIdle = slices().length;
    fireEvent.pointerDown(document.body);
    await seconds(10);
    expect(slices().slice(whileIdle)).toEqual([10_000]);
  });

  it('counts while evidence plays, with no input at all', async () => {
    const { change, slices } = timed({ playing: true });
    await seconds(120);
    expect(slices()).toEqual(Array<number>(12).fill(10_000));
    change({ playing: false });
    await seconds(60);
    expect(slices()).toHaveLength(12);
  });

  it('counts nothing while the page is hidden, and sends what it has counted as soon as it is hidden', async () => {
    const { slices } = timed();
    await seconds(14);
    setVisibility('hidden'); // the 4 s up to this moment count, though the document already says hidden
    await seconds(0);
    expect(slices()).toEqual([10_000, 4_000]);
    await seconds(300);
    expect(slices()).toHaveLength(2);
    setVisibility('visible');
    fireEvent.keyDown(document.body, { key: 'a' });
    await seconds(6);
    // The next slice holds only the 6 s since the page was shown again.
    expect(slices()).toEqual([10_000, 4_000, 6_000]);
  });

  it('sends the rest of its count when the page goes away', async () => {
    const { slices } = timed();
    await seconds(3);
    window.dispatchEvent(new Event('pagehide'));
    await seconds(0);
    expect(slices()).toEqual([3_000]);
  });

  it('sends the rest to the submission left, and counts the next one afresh', async () => {
    const { change, core, unmount } = timed();
    await seconds(13);
    change({ submissionId: 's2' });
    await seconds(12);
    unmount();
    await seconds(0);
    expect(core.callsOf('draft.addActiveTime')).toEqual([
      { submissionId: 's1', ms: 10_000 },
      { submissionId: 's1', ms: 3_000 },
      { submissionId: 's2', ms: 10_000 },
      { submissionId: 's2', ms: 2_000 },
    ]);
  });

  it('counts nothing where there is nothing to score (read only), even with input and playing evidence', async () => {
    const { slices, unmount } = timed({ enabled: false, playing: true });
    fireEvent.keyDown(document.body, { key: 'a' });
    await seconds(60);
    unmount();
    await seconds(0);
    expect(slices()).toEqual([]);
  });
});
