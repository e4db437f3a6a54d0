// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DecisionBar } from '../../../renderer/src/decision/DecisionBar';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import { comment, submission } from './fixtures';
import { renderView, startI18n } from './harness';

beforeAll(startI18n);

function bar(detail: SubmissionDetail, busy = false, feedbackQuestion: 'award' | 'not_yet' | null = null) {
  const onSubmit = vi.fn();
  const onShowChecklist = vi.fn();
  const onWriteOverallFeedback = vi.fn();
  renderView(<DecisionBar submission={detail} busy={busy} flagOpen={false} onFlagOpenChange={() => undefined} onSubmit={onSubmit} onShowChecklist={onShowChecklist} onWriteOverallFeedback={onWriteOverallFeedback} feedbackQuestion={feedbackQuestion} />);
  return { onSubmit, onShowChecklist, onWriteOverallFeedback, user: userEvent.setup() };
}

describe('DecisionBar', () => {
  it('says once why neither outcome can go while criteria are unscored, and sends nothing', async () => {
    const { onSubmit, user } = bar(submission({ a: 3 }));
    expect(screen.getByText('1 criterion is not scored yet.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Award' }).getAttribute('aria-disabled')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Award' }));
    await user.click(screen.getByRole('button', { name: 'Not yet' }));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends the outcome the pass rule gives, and refuses the other with the rule’s reason', async () => {
    const { onSubmit, user } = bar(submission({ a: 3, b: 4 }));
    expect(screen.getByRole('button', { name: 'Not yet', description: 'Not yet is not available: The pass rule says award.' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Not yet' }));
    expect(onSubmit).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Award' }));
    expect(onSubmit).toHaveBeenCalledWith('award', null, '');
  });

  it('asks for the checklist when a “not yet” lacks cited evidence, and lets it go once every criterion below passing is cited', async () => {
    const uncited = bar(submission({ a: 2, b: 4 }));
    expect(screen.getByText('Checklist: 0 of 1 cited.')).toBeTruthy();
    await uncited.user.click(screen.getByRole('button', { name: 'Not yet' }));
    expect(uncited.onSubmit).not.toHaveBeenCalled();
    expect(uncited.onShowChecklist).toHaveBeenCalledTimes(1);
    await uncited.user.click(screen.getByRole('button', { name: 'Show' }));
    expect(uncited.onShowChecklist).toHaveBeenCalledTimes(2);
  });

  it('sends a cited “not yet”, but not while an earlier decision is on its way', async () => {
    const cited = submission({ a: 2, b: 4 }, { comments: [comment({ criterionIds: ['a'] })] });
    const sending = bar(cited, true);
    await sending.user.click(screen.getByRole('button', { name: 'Not yet' }));
    expect(sending.onSubmit).not.toHaveBeenCalled();
    cleanup();
    const ready = bar(cited);
    expect(screen.getByText('Checklist: 1 of 1 cited.')).toBeTruthy();
    await ready.user.click(screen.getByRole('button', { name: 'Not yet' }));
    expect(ready.onSubmit).toHaveBeenCalledWith('not_yet', null, '');
  });

  it('names an empty overall feedback in the checklist line with its key, even while the pass rule blocks one outcome, and asks about it once chosen', async () => {
    const { onWriteOverallFeedback, user } = bar(submission({ a: 3, b: 4 }));
    expect(screen.getByRole('button', { name: 'Not yet', description: 'Not yet is not available: The pass rule says award.' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'No overall feedback yet (Shift+F)' }));
    expect(onWriteOverallFeedback).toHaveBeenCalledTimes(1);
    cleanup();
    bar(submission({ a: 3, b: 4 }), false, 'award');
    expect(screen.getByRole('alert').textContent).toBe('The overall feedback is empty: write it above, or choose Award again to send the decision without it.');
    cleanup();
    const written = submission({ a: 3, b: 4 });
    written.draft.overallFeedback = 'Clear objectives.';
    bar(written);
    expect(screen.queryByRole('button', { name: /No overall feedback/ })).toBeNull();
  });
});
