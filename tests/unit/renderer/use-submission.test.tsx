// @vitest-environment jsdom
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { submissionKey } from '../../../renderer/src/submission/submission-cache';
import { useSubmission } from '../../../renderer/src/submission/use-submission';
import { comment, submission } from './fixtures';
import { renderInApp, setup } from './harness';

describe('useSubmission', () => {
  it('never shows a detail kept from other work in this batch: reads it again and shows core’s answer', async () => {
    // A lead scored s1 as the master (its detail still cached); now it is an assessor's calibration item.
    const context = setup({ 'submission.open': submission({}, { batchId: 'calibration-set-1', mode: 'calibration' }) });
    context.queries.setQueryData(submissionKey('s1'), submission({}, { batchId: 'master-1', mode: 'master' }));
    const { result } = renderInApp(() => useSubmission('s1', 'calibration-set-1')[0], context);
    expect(result.current.state).toBe('loading');
    await waitFor(() => expect(result.current).toMatchObject({ state: 'ready', value: { batchId: 'calibration-set-1', mode: 'calibration' } }));
    expect(context.core.callsOf('submission.open')).toEqual([{ submissionId: 's1' }]);
  });

  it('shows a cached detail of this batch at once, without asking core', () => {
    const context = setup({ 'submission.open': submission() });
    context.queries.setQueryData(submissionKey('s1'), submission({}, { batchId: 'b1' }));
    const { result } = renderInApp(() => useSubmission('s1', 'b1')[0], context);
    expect(result.current).toMatchObject({ state: 'ready', value: { batchId: 'b1' } });
    expect(context.core.callsOf('submission.open')).toEqual([]);
  });

  it('asks once: if core still places it in another batch, that answer is shown rather than waiting forever', async () => {
    const context = setup({ 'submission.open': submission({}, { batchId: 'review-s1' }) });
    context.queries.setQueryData(submissionKey('s1'), submission({}, { batchId: 'master-1' }));
    const { result } = renderInApp(() => useSubmission('s1', 'b1')[0], context);
    await waitFor(() => expect(result.current).toMatchObject({ state: 'ready', value: { batchId: 'review-s1' } }));
    expect(context.core.callsOf('submission.open').length).toBeLessThanOrEqual(2);
  });

  it('reads the submission again when its window comes back: another tab may have scored, commented or decided meanwhile', async () => {
    // Another tab scored and commented meanwhile (core's answer); this tab has a rationale not yet saved.
    const context = setup({ 'submission.open': submission() });
    const { result } = renderInApp(() => useSubmission('s1', 'b1'), context);
    await waitFor(() => expect(result.current[0].state).toBe('ready'));
    const elsewhere = submission({}, { comments: [comment({ id: 'from-the-other-tab' })] });
    context.core.answer('submission.open', elsewhere);
    window.dispatchEvent(new Event('blur')); // the assessor turned to the other tab…
    window.dispatchEvent(new Event('focus')); // …and back
    await waitFor(() => expect(context.core.callsOf('submission.open')).toHaveLength(2));
    await waitFor(() => expect(result.current[0].state === 'ready' && result.current[0].value.comments.map((item) => item.id)).toEqual(['from-the-other-tab']));
  });
});
