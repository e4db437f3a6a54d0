// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { QualitySummary } from '../../../shared/contract/methods';
import type { QualificationStatus } from '../../../shared/hosted-api/quality';
import { LockoutNotice } from '../../../renderer/src/quality/LockoutNotice';
import { useAnsweredReferrals } from '../../../renderer/src/referrals/queries';
import { HintProvider } from '../../../renderer/src/ui/Hint';
import { message, referral } from './fixtures';
import { renderInApp, renderView, setup, startI18n } from './harness';

// What an assessor must see without opening the drawer: a lockout in the header, and a lead's answer
// to a referral marked on the submission's queue row (the row itself: queue.test.tsx).

beforeAll(startI18n);

const qualification = (status: QualificationStatus['status'], credentialTitle: string): QualificationStatus => ({
  credentialId: credentialTitle.toLowerCase().replace(/\W+/g, '-'),
  credentialTitle,
  status,
  setId: null,
  scoredItems: 0,
  requiredItems: 0,
  exactAgreement: null,
  maxLevelsOff: null,
  reason: null,
  required: null,
  lockout: null,
});
const summary = (qualifications: QualificationStatus[]): QualitySummary => ({ fetchedAt: '2026-12-07T09:00:00.000Z', qualifications, accuracy: null, sets: [], backreadFeedback: [] });

describe('a lockout in the header', () => {
  it('says so where the eye finds it, names the micro-credential in its hint, and opens the account drawer', async () => {
    const onShow = vi.fn();
    renderView(
      <HintProvider>
        <LockoutNotice onShow={onShow} />
      </HintProvider>,
      { 'quality.status': summary([qualification('qualified', 'Questioning'), qualification('locked_out', 'Checks for understanding')]) },
    );
    const notice = await screen.findByRole('button', { name: /Locked out: recalibrate/ });
    await userEvent.setup().click(notice);
    expect(onShow).toHaveBeenCalledTimes(1);
  });

  it('shows nothing while no lockout holds', async () => {
    const view = renderView(<LockoutNotice onShow={() => undefined} />, { 'quality.status': summary([qualification('qualified', 'Questioning')]) });
    await waitFor(() => expect(view.queries.getQueryState(['quality.status', {}])?.status).toBe('success'));
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('answered referrals for the queue', () => {
  it('are those this assessor referred whose thread a lead answered last', async () => {
    const lead = { id: 'l1', displayName: 'Lee', role: 'lead' as const };
    const context = setup({
      'referral.list': {
        referrals: [
          referral({ submissionId: 's1', state: 'answered', messages: [message('Which level?'), message('Level 2: see 4:10.', { author: lead, mine: false })] }),
          referral({ submissionId: 's2', state: 'open' }),
          // A lead reading everyone's: another assessor's thread, answered by someone else.
          referral({ submissionId: 's3', state: 'answered', messages: [message('Is this allowed?', { mine: false }), message('Yes.', { author: lead, mine: false })] }),
        ],
      },
    });
    const { result } = renderInApp(() => useAnsweredReferrals(), context);
    await waitFor(() => expect([...result.current]).toEqual(['s1']));
  });
});
