// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryKeyOf } from '../../../renderer/src/data/contract-reads';
import { ReferralStrip } from '../../../renderer/src/referrals/ReferralStrip';
import { message, referral } from './fixtures';
import { refusal, renderView, startI18n } from './harness';

beforeAll(startI18n);

describe('ReferralStrip', () => {
  it('shows nothing for a submission never referred', async () => {
    const view = renderView(<ReferralStrip submissionId="s1" />, { 'referral.list': { referrals: [] } });
    await waitFor(() => expect(view.core.callsOf('referral.list')).toEqual([{ submissionId: 's1' }]));
    expect(view.container.textContent).toBe('');
  });

  it('says in one line whether a lead has answered, and opens to the thread', async () => {
    const answered = referral({ state: 'answered', messages: [message('Which objective?'), message('Score what the lesson shows.', { id: '1c9d2f3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f', author: { id: 'l1', displayName: 'Lin', role: 'lead' }, mine: false })] });
    renderView(<ReferralStrip submissionId="s1" />, { 'referral.list': { referrals: [answered] } });
    const summary = await screen.findByRole('button', { name: /Referred to a lead: answered/ });
    expect(screen.queryByText('Score what the lesson shows.')).toBeNull();
    await userEvent.setup().click(summary);
    expect(screen.getByText('Score what the lesson shows.')).toBeTruthy();
    expect(screen.getByText('Lin')).toBeTruthy();
  });

  it('sends a reply and shows the thread core answers with, marked waiting to sync, without reading it again', async () => {
    const open = referral();
    const withReply = referral({ messages: [...open.messages, message('Thanks, scoring it as shown.', { id: '2d0e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6', pending: true })] });
    const view = renderView(<ReferralStrip submissionId="s1" />, { 'referral.list': { referrals: [open] }, 'referral.reply': { referrals: [withReply] } });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /waiting for an answer/ }));
    await user.type(screen.getByLabelText('Reply'), 'Thanks, scoring it as shown.');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Thanks, scoring it as shown.')).toBeTruthy();
    expect(screen.getByText('waiting to sync')).toBeTruthy();
    expect(screen.getByLabelText<HTMLTextAreaElement>('Reply').value).toBe('');
    expect(view.core.callsOf('referral.reply')).toEqual([{ referralId: open.id, body: 'Thanks, scoring it as shown.' }]);
    expect(view.core.callsOf('referral.list')).toHaveLength(1);
    expect(view.queries.getQueryState(queryKeyOf('referral.list', { submissionId: 's1' }))?.isInvalidated).toBe(false);
  });

  it('keeps the reply and says why when core refuses it', async () => {
    renderView(<ReferralStrip submissionId="s1" />, { 'referral.list': { referrals: [referral()] }, 'referral.reply': refusal('invalid_input') });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /waiting for an answer/ }));
    await user.type(screen.getByLabelText('Reply'), 'A reply');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('The workstation refused that request as malformed.')).toBeTruthy();
    expect(screen.getByLabelText<HTMLTextAreaElement>('Reply').value).toBe('A reply');
  });
});
