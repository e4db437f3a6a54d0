// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DecisionBar } from '../../../renderer/src/decision/DecisionBar';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import { comment, submission } from './fixtures';
import { startI18n } from './harness';

beforeAll(startI18n);

function bar(detail: SubmissionDetail, busy = false) {
  const onSubmit = vi.fn();
  const onShowChecklist = vi.fn();
  render(<DecisionBar submission={detail} busy={busy} flagOpen={false} onFlagOpenChange={() => undefined} onSubmit={onSubmit} onShowChecklist={onShowChecklist} />);
  return { onSubmit, onShowChecklist, user: userEvent.setup() };
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
});
