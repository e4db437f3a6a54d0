// @vitest-environment jsdom
import { act } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import type { EvidenceSummary } from '../../../shared/domain/submission';
import { useEvidencePlace } from '../../../renderer/src/workspace/use-evidence-place';
import { submission } from './fixtures';
import { renderInApp, setup } from './harness';

afterEach(() => void vi.useRealTimers());

function evidence(id: string, overrides: Partial<EvidenceSummary> = {}): EvidenceSummary {
  return { id, kind: 'video', title: `Recording ${id}`, mimeType: 'video/mp4', bytes: 1000, sha256: 'a'.repeat(64), durationMs: 600_000, availability: 'available', text: null, hasCaptions: false, ...overrides };
}

const items = [evidence('e1'), evidence('e2', { kind: 'document', mimeType: 'application/pdf', durationMs: null }), evidence('e3')];
const withEvidence = (playback: SubmissionDetail['draft']['playback'] = null): SubmissionDetail => {
  const detail = submission({}, { evidence: items });
  return { ...detail, draft: { ...detail.draft, playback } };
};

function place(detail: SubmissionDetail | null, submissionId = 's1') {
  const context = setup({ 'draft.setPlayback': { savedAt: '2026-12-01T09:00:00.000Z' } });
  let shown = detail;
  const rendered = renderInApp(() => useEvidencePlace(submissionId, shown), context);
  return {
    ...rendered,
    now: () => rendered.result.current,
    load: (next: SubmissionDetail | null) => {
      shown = next;
      rendered.rerender();
    },
  };
}

describe('useEvidencePlace', () => {
  it('shows where the draft left playback, else the first item, and nothing without evidence', () => {
    expect(place(withEvidence({ evidenceId: 'e3', positionMs: 42_000 })).now().selected?.id).toBe('e3');
    expect(place(withEvidence()).now().selected?.id).toBe('e1');
    const empty = place(submission()).now();
    expect([empty.evidenceId, empty.selected, empty.page]).toEqual([null, null, 1]);
    expect(place(null).now().evidenceId).toBeNull();
  });

  it('follows the submission once it has loaded', () => {
    const { load, now } = place(null);
    load(withEvidence({ evidenceId: 'e2', positionMs: 0 }));
    expect(now().selected?.id).toBe('e2');
  });

  it('keeps the item the assessor chose over the draft’s, and drops a range being marked', () => {
    const { now } = place(withEvidence({ evidenceId: 'e3', positionMs: 42_000 }));
    act(() => now().setMarkInMs(5_000));
    act(() => now().select('e2'));
    expect(now().selected?.id).toBe('e2');
    expect(now().markInMs).toBeNull();
  });

  it('steps to the next and previous item, wrapping around, and says when there is nothing to step to', () => {
    const { now } = place(withEvidence());
    act(() => now().setMarkInMs(5_000));
    let stepped = false;
    act(() => {
      stepped = now().step(-1);
    });
    expect([stepped, now().selected?.id, now().markInMs]).toEqual([true, 'e3', null]);
    act(() => void now().step(1));
    act(() => void now().step(1));
    expect(now().selected?.id).toBe('e2');
    const none = place(submission()).now();
    expect(none.step(1)).toBe(false);
    expect(place(null).now().step(-1)).toBe(false);
  });

  it('keeps each item’s page: a document reopens at the page it was left on', () => {
    const { now } = place(withEvidence());
    act(() => now().select('e2'));
    expect(now().page).toBe(1);
    act(() => now().setPage('e2', 4));
    act(() => now().select('e1'));
    expect(now().page).toBe(1);
    act(() => now().select('e2'));
    expect(now().page).toBe(4);
    expect(now().pages).toEqual({ e2: 4 });
  });

  it('shows a picked comment’s item at the comment’s page, and leaves the page alone for a timed comment', () => {
    const { now } = place(withEvidence());
    act(() => now().showComment('e2', 7));
    expect([now().selected?.id, now().page]).toEqual(['e2', 7]);
    act(() => now().setPage('e2', 9));
    act(() => now().showComment('e1', null));
    act(() => now().showComment('e2', null));
    expect([now().selected?.id, now().page]).toEqual(['e2', 9]);
  });

  it('drops a range being marked when a comment on another item is picked, and keeps it for a comment on this one', () => {
    const { now } = place(withEvidence());
    act(() => now().setMarkInMs(5_000));
    act(() => now().showComment('e1', null));
    expect(now().markInMs).toBe(5_000);
    act(() => now().showComment('e3', null));
    expect([now().selected?.id, now().markInMs]).toEqual(['e3', null]);
  });

  it('starts a recording where it was left this session, else where the draft says, else at the start', () => {
    const { now } = place(withEvidence({ evidenceId: 'e3', positionMs: 42_000 }));
    expect([now().positionOf('e1'), now().positionOf('e3')]).toEqual([0, 42_000]);
    act(() => now().savePosition('e1', 12_000));
    act(() => now().savePosition('e3', 3_000));
    expect([now().positionOf('e1'), now().positionOf('e3')]).toEqual([12_000, 3_000]);
  });

  it('moves the playhead with every position, and saves the place to core at most every two seconds', async () => {
    vi.useFakeTimers();
    const { core, now } = place(withEvidence());
    // The page has been open a while (saves are spaced from the page's start).
    await vi.advanceTimersByTimeAsync(10_000);
    act(() => now().savePosition('e1', 1_000));
    await vi.advanceTimersByTimeAsync(500);
    act(() => now().savePosition('e1', 1_500));
    expect(now().playhead).toEqual({ evidenceId: 'e1', ms: 1_500 });
    await vi.advanceTimersByTimeAsync(1_500);
    act(() => now().savePosition('e1', 3_000));
    await vi.advanceTimersByTimeAsync(0);
    expect(core.callsOf('draft.setPlayback')).toEqual([
      { submissionId: 's1', evidenceId: 'e1', positionMs: 1_000 },
      { submissionId: 's1', evidenceId: 'e1', positionMs: 3_000 },
    ]);
  });

  it('saves the place for its own submission', async () => {
    vi.useFakeTimers();
    const { core, now } = place(withEvidence(), 's7');
    await vi.advanceTimersByTimeAsync(10_000);
    act(() => now().savePosition('e3', 8_000));
    await vi.advanceTimersByTimeAsync(0);
    expect(core.callsOf('draft.setPlayback')).toEqual([{ submissionId: 's7', evidenceId: 'e3', positionMs: 8_000 }]);
  });
});
