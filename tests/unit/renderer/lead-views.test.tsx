// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryKeyOf } from '../../../renderer/src/data/contract-reads';
import { ReferralsView } from '../../../renderer/src/lead/ReferralsView';
import { LockoutTable } from '../../../renderer/src/lead/LockoutTable';
import { AuditTrailView } from '../../../renderer/src/lead/AuditTrailView';
import { dashboardView, message, referral } from './fixtures';
import { refusal, renderView, startI18n } from './harness';

beforeAll(startI18n);

describe('the lead’s referrals view', () => {
  const waiting = referral({ id: '3e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b', submissionId: 's2', label: 'Submission 0002', createdAt: '2026-12-02T09:00:00.000Z' });
  const answered = referral({ state: 'answered', messages: [message('Which objective?'), message('The stated one.', { id: '4f2a3b4c-5d6e-4f7a-8b9c-0d1e2f3a4b5c', author: { id: 'l1', displayName: 'Lin', role: 'lead' }, mine: false })] });

  it('puts the unanswered first and shows the first one’s thread', async () => {
    renderView(<ReferralsView />, { 'referral.list': { referrals: [answered, waiting] } });
    const list = await screen.findByRole('list', { name: 'Referred submissions' });
    expect([...list.querySelectorAll('button')].map((button) => button.textContent?.split(' · ')[0])).toEqual(['Submission 0002', 'Submission 0001']);
    expect(screen.getByText('1 waiting for an answer')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3 }).textContent).toContain('Submission 0002');
  });

  it('opens a referral beside the evidence: core brings its review batch, and navigation moves to scoring there', async () => {
    const view = renderView(<ReferralsView />, { 'referral.list': { referrals: [waiting] }, 'lead.openReferral': { batchId: 'review-1' } });
    view.navigation.show('referrals');
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Open beside the evidence' }));
    await waitFor(() => expect(view.navigation.get()).toEqual({ view: 'scoring', batchId: 'review-1', reviewCase: 'referral' }));
    expect(view.core.callsOf('lead.openReferral')).toEqual([{ submissionId: 's2' }]);
    await waitFor(() => expect(view.core.callsOf('preferences.set')).toEqual([{ patch: { openSubmissionId: 's2' } }]));
  });

  it('stays put and says why when core cannot bring it', async () => {
    const view = renderView(<ReferralsView />, { 'referral.list': { referrals: [waiting] }, 'lead.openReferral': refusal('unavailable') });
    view.navigation.show('referrals');
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Open beside the evidence' }));
    expect(await screen.findByText('Not reachable right now (the server, or the workstation core): nothing is lost; try again shortly.')).toBeTruthy();
    expect(view.navigation.get().view).toBe('referrals');
  });
});

describe('the lockout table', () => {
  const locked = dashboardView({
    assessors: [{ id: 'a1', displayName: 'Ada' }],
    lockouts: [
      {
        accountId: 'a1',
        credentialId: 'c1',
        since: '2026-12-01T09:00:00.000Z',
        trigger: 'gold',
        figure: 0.5,
        threshold: 0.7,
        window: 10,
        recalibration: { setId: 'set-r', setTitle: 'Recalibration', requiredItems: 5, scoredItems: 0, required: { exactAgreement: 0.8, maxLevelsOff: 1 }, needsLead: false, lastAttempt: null },
        lifted: null,
        liftQueued: false,
      },
    ],
  });

  it('lifts a lockout only with a note, and then every dashboard read shows the lift', async () => {
    const view = renderView(<LockoutTable view={locked} />, { 'lead.liftLockout': locked });
    view.queries.setQueryData(queryKeyOf('lead.dashboard', { credentialId: null }), locked);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Lift…' }));
    await user.click(screen.getByRole('button', { name: 'Lift the lockout' }));
    expect(screen.getByText('Write why before lifting.')).toBeTruthy();
    expect(view.core.callsOf('lead.liftLockout')).toEqual([]);
    await user.type(screen.getByLabelText('Note (why)'), 'Recalibrated with me in person.');
    await user.click(screen.getByRole('button', { name: 'Lift the lockout' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(view.core.callsOf('lead.liftLockout')).toEqual([{ accountId: 'a1', credentialId: 'c1', note: 'Recalibrated with me in person.' }]);
    expect(view.queries.getQueryState(queryKeyOf('lead.dashboard', { credentialId: null }))?.isInvalidated).toBe(true);
  });
});

describe('the audit trail lookup', () => {
  it('says that no submission has the label asked for, not that a change conflicts', async () => {
    const view = renderView(<AuditTrailView />, { 'lead.auditTrail': refusal('not_found', 'Could not read the audit trail: No submission has that id or label.') });
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Submission (label or id)' }), 'Submission 9999');
    await user.click(screen.getByRole('button', { name: 'Show the trail' }));
    expect(await screen.findByText('No submission has the label or id “Submission 9999”. Check it against the appeal.')).toBeTruthy();
    expect(view.core.callsOf('lead.auditTrail')).toEqual([{ submission: 'Submission 9999' }]);
  });

  it('words any other refusal from its code', async () => {
    renderView(<AuditTrailView />, { 'lead.auditTrail': refusal('unavailable') });
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Submission (label or id)' }), 'Submission 0001');
    await user.click(screen.getByRole('button', { name: 'Show the trail' }));
    expect(await screen.findByText('Not reachable right now (the server, or the workstation core): nothing is lost; try again shortly.')).toBeTruthy();
  });
});
