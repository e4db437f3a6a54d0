// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AdjudicationQueue, BackreadQueue } from '../../../shared/contract/methods';
import { ReviewPane } from '../../../renderer/src/lead/ReviewPane';
import { rubric } from './fixtures';
import { renderView, startI18n } from './harness';

beforeAll(startI18n);

const reading = (assessor: string, level: number) => ({
  assessor: { id: assessor, displayName: assessor },
  outcome: 'award' as const,
  scores: [
    { criterionId: 'a', level, rationale: '' },
    { criterionId: 'b', level: 3, rationale: '' },
  ],
  comments: [],
  overallFeedback: '',
  decidedAt: '2026-12-01T09:00:00.000Z',
});
// Submission 0001 is in both: sampled for backreading, and in adjudication (its two readings differ).
const adjudications: AdjudicationQueue = {
  fetchedAt: null,
  adjudications: [{ submissionId: 's1', label: 'Submission 0001', credentialId: 'c1', rubricVersionId: 'r1', reasons: ['scores_differ'], decisions: [reading('Ada', 3), reading('Bo', 1)], createdAt: '2026-12-01T11:00:00.000Z', resolution: null, resolutionQueued: false, evidence: [] }],
  rubrics: [rubric],
};
const backreads: BackreadQueue = {
  fetchedAt: null,
  backreads: [{ submissionId: 's1', label: 'Submission 0001', credentialId: 'c1', rubricVersionId: 'r1', reason: 'sampled', decision: reading('Ada', 3), sampledAt: '2026-12-01T10:00:00.000Z', review: null, reviewQueued: false, evidence: [] }],
  rubrics: [rubric],
};

describe('ReviewPane', () => {
  it('shows the case the lead opened the submission for, when it is in adjudication and backreading both', async () => {
    const view = renderView(<ReviewPane submissionId="s1" onSelectComment={() => undefined} />, { 'lead.adjudications': adjudications, 'lead.backreads': backreads });
    // Opened from the queue: the adjudication, which decides the candidate's outcome.
    await screen.findByText(/Your resolution/);

    act(() => view.navigation.review('backread')); // "Open beside the evidence" in backreading
    await screen.findByRole('button', { name: 'Send the review' });
    expect(screen.queryByText(/Your resolution/)).toBeNull();

    act(() => view.navigation.review('adjudication'));
    await screen.findByText(/Your resolution/);
  });

  it('takes the lead back to the queue the case came from once it is answered beside the evidence (not to an emptied review batch)', async () => {
    const reviewed: BackreadQueue = { ...backreads, backreads: [{ ...backreads.backreads[0]!, reviewQueued: true }] };
    const view = renderView(<ReviewPane submissionId="s1" onSelectComment={() => undefined} />, { 'lead.adjudications': adjudications, 'lead.backreads': backreads, 'lead.reviewBackread': reviewed });
    act(() => view.navigation.review('backread'));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Agree with every criterion' }));
    await user.click(screen.getByRole('button', { name: 'Send the review' }));
    await waitFor(() => expect(view.navigation.get().view).toBe('backreading'));
  });
});
