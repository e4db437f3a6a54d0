// @vitest-environment jsdom
import { act, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useDecision } from '../../../renderer/src/decision/use-decision';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import { submission } from './fixtures';
import { renderInApp, setup, startI18n } from './harness';

beforeAll(startI18n);

const decided = { decision: { outcome: 'award' as const, conditionCode: null, note: '', decidedAt: '2026-12-07T10:00:00.000Z', undoable: true, leavesAt: '2026-12-07T10:00:10.000Z' }, status: 'queued' as const, nextSubmissionId: null };

function deciding(detail: SubmissionDetail) {
  const context = setup({ 'decision.submit': decided });
  const callbacks = { onDecided: vi.fn(), onProblem: vi.fn(), onBlocked: vi.fn(), onShowChecklist: vi.fn(), onWriteOverallFeedback: vi.fn() };
  const { result } = renderInApp(() => useDecision({ submission: detail, ...callbacks }), context);
  return { result, callbacks, sent: () => context.core.callsOf('decision.submit') };
}

describe('a decision with no overall feedback', () => {
  it('asks once, bringing the field into focus, and the same choice again sends it', async () => {
    const { result, callbacks, sent } = deciding(submission({ a: 3, b: 3 }));
    await act(() => result.current.send('award', null, ''));
    expect(sent()).toEqual([]);
    expect(callbacks.onWriteOverallFeedback).toHaveBeenCalledTimes(1);
    expect([result.current.feedbackQuestion, callbacks.onProblem.mock.calls.length]).toEqual(['award', 0]); // asked in the decision bar

    expect(result.current.decideByKey('award')).toBe(true); // by key, the second time: it goes
    await waitFor(() => expect(sent()).toHaveLength(1));
    expect(callbacks.onWriteOverallFeedback).toHaveBeenCalledTimes(1);
  });

  it('does not ask when the feedback is written, for a flag, or for a master’s scoring', async () => {
    const written = submission({ a: 3, b: 3 });
    written.draft.overallFeedback = 'Clear objectives, named at the start.';
    const withFeedback = deciding(written);
    await act(() => withFeedback.result.current.send('award', null, ''));
    expect(withFeedback.sent()).toHaveLength(1);

    const flagged = deciding(submission({ a: 3 }));
    await act(() => flagged.result.current.send('flag', 'video_unplayable', 'The video stops at 2 min.'));
    expect(flagged.sent()).toHaveLength(1);

    const master = deciding(submission({ a: 3, b: 3 }, { mode: 'master' }));
    await act(() => master.result.current.send('award', null, ''));
    expect(master.sent()).toHaveLength(1);
    expect([withFeedback, flagged, master].every(({ callbacks }) => callbacks.onWriteOverallFeedback.mock.calls.length === 0)).toBe(true);
  });

  it('takes blanks and zero-width characters for no feedback, and stops asking once something is written', async () => {
    const blank = submission({ a: 3, b: 3 });
    blank.draft.overallFeedback = '\u2800\u200b \u3164';
    const context = setup({ 'decision.submit': decided });
    let detail = blank;
    const { result, rerender } = renderInApp(() => useDecision({ submission: detail, onDecided: vi.fn(), onProblem: vi.fn(), onBlocked: vi.fn(), onShowChecklist: vi.fn(), onWriteOverallFeedback: vi.fn() }), context);
    await act(() => result.current.send('award', null, ''));
    expect([context.core.callsOf('decision.submit'), result.current.feedbackQuestion]).toEqual([[], 'award']);
    detail = { ...blank, draft: { ...blank.draft, overallFeedback: 'Named at the start.' } };
    rerender();
    expect(result.current.feedbackQuestion).toBeNull();
  });

  it('sends one decision for two presses while the first is on its way', async () => {
    const written = submission({ a: 3, b: 3 });
    written.draft.overallFeedback = 'Clear objectives, named at the start.';
    const { result, sent } = deciding(written);
    await act(async () => {
      result.current.decideByKey('award');
      result.current.decideByKey('award');
      await Promise.resolve();
    });
    await waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()).toHaveLength(1);
  });

  it('asks again after the decision was made and undone (the question is per decision, not per submission forever)', async () => {
    const { result, callbacks, sent } = deciding(submission({ a: 3, b: 3 }));
    await act(() => result.current.send('award', null, ''));
    await act(() => result.current.send('award', null, '')); // the same choice again: it goes
    expect(sent()).toHaveLength(1);
    await act(() => result.current.send('award', null, '')); // undone meanwhile, decided again with the feedback still empty
    expect([sent().length, callbacks.onWriteOverallFeedback.mock.calls.length, result.current.feedbackQuestion]).toEqual([1, 2, 'award']);
  });
});
