// @vitest-environment jsdom
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useContractQuery } from '../../../renderer/src/data/contract-query';
import { refusal, renderInApp, setup } from './harness';

describe('a read from core', () => {
  it('keeps what it showed when reading it again fails, and shows why when the first read fails', async () => {
    let answer: ReturnType<typeof refusal> | { referrals: [] } = { referrals: [] };
    const context = setup({ 'referral.list': () => answer });
    const view = renderInApp(() => useContractQuery('referral.list', { submissionId: null }), context);
    await waitFor(() => expect(view.result.current).toEqual({ state: 'ready', value: { referrals: [] } }));

    answer = refusal('unavailable');
    await act(() => context.queries.invalidateQueries({ queryKey: ['referral.list'] }));
    await waitFor(() => expect(context.core.callsOf('referral.list')).toHaveLength(2));
    expect(view.result.current).toEqual({ state: 'ready', value: { referrals: [] } }); // still on screen

    const first = renderInApp(() => useContractQuery('referral.list', { submissionId: null }), setup({ 'referral.list': refusal('unavailable') }));
    await waitFor(() => expect(first.result.current).toMatchObject({ state: 'error', error: { code: 'unavailable' } }));
  });
});
