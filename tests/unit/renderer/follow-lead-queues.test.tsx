// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { leadQueuesEveryMs, useFollowLeadQueues } from '../../../renderer/src/lead/use-follow-lead-queues';
import { refusal, renderInApp, setup } from './harness';

// A lead looking at a queue: core is asked to fetch the queues at once and every few seconds, on a
// faked clock (no real waiting).

beforeEach(() => void vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  Reflect.deleteProperty(document, 'visibilityState');
});

function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

function following(answer: Parameters<ReturnType<typeof setup>['core']['answer']>[1] = { fetchedAt: '2026-12-07T10:00:00.000Z' }) {
  const context = setup();
  context.core.answer('lead.refreshQueues', answer);
  let watching = true;
  const rendered = renderInApp(() => useFollowLeadQueues(watching), context);
  return {
    ...rendered,
    fetches: () => context.core.callsOf('lead.refreshQueues').length,
    watch: (next: boolean) => {
      watching = next;
      rendered.rerender();
    },
  };
}

describe('useFollowLeadQueues', () => {
  it('fetches the queues on opening a queue view, then often enough that a new case shows within 10 s', async () => {
    const { fetches } = following();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches()).toBe(1);
    expect(leadQueuesEveryMs).toBeLessThan(10_000);
    await vi.advanceTimersByTimeAsync(leadQueuesEveryMs);
    expect(fetches()).toBe(2);
    await vi.advanceTimersByTimeAsync(leadQueuesEveryMs * 3);
    expect(fetches()).toBe(5);
  });

  it('stops when the lead leaves the view, and asks nothing while the page is hidden; shown again, it fetches at once', async () => {
    const { fetches, watch } = following();
    await vi.advanceTimersByTimeAsync(0);
    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(leadQueuesEveryMs * 3);
    expect(fetches()).toBe(1);
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches()).toBe(2);
    watch(false);
    await vi.advanceTimersByTimeAsync(leadQueuesEveryMs * 3);
    expect(fetches()).toBe(2);
  });

  it('asks one fetch at a time, and goes on after a refusal (offline, signed out)', async () => {
    let answers = 0;
    let release!: () => void;
    const { fetches } = following(() => {
      answers += 1;
      if (answers === 1) return refusal('unavailable', 'The hosted API cannot be reached.');
      return new Promise((resolve) => (release = () => resolve({ fetchedAt: '2026-12-07T10:00:00.000Z' })));
    });
    await vi.advanceTimersByTimeAsync(leadQueuesEveryMs); // the first refused, the second asked
    expect(fetches()).toBe(2);
    await vi.advanceTimersByTimeAsync(leadQueuesEveryMs * 2); // the second still running: none more
    expect(fetches()).toBe(2);
    release();
    await vi.advanceTimersByTimeAsync(leadQueuesEveryMs);
    expect(fetches()).toBe(3);
  });
});
