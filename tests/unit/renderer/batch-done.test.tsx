// @vitest-environment jsdom
import { cleanup, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useQueueShortcuts } from '../../../renderer/src/app/use-queue-shortcuts';
import type { Navigation } from '../../../renderer/src/navigation/use-navigation';
import type { Words } from '../../../renderer/src/words';
import type { BatchSummary, SessionInfo } from '../../../shared/contract/methods';
import { batch, queueItem } from './fixtures';
import { renderView, startI18n } from './harness';

beforeAll(startI18n);

const session = (signedIn: boolean): SessionInfo => ({ signedIn, serverUrl: 'https://assess.example.org', email: signedIn ? 'ada@example.org' : null, displayName: null, roles: ['assessor'], storage: 'os', lastEmail: null, ended: null });
const decided = { not_started: 0, in_progress: 0, scored: 0, queued: 2, synced: 0, conflict: 0, handed_back: 0, kept_here: 0 };

function Queue({ navigation, inform }: { navigation: Pick<Navigation, 'queue' | 'openSubmissionId' | 'open' | 'batches' | 'batch'>; inform: (message: Words) => void }): null {
  useQueueShortcuts({ navigation, inform, railCollapsed: false, setRailCollapsed: () => undefined, focusQueue: () => undefined, showShortcuts: () => undefined });
  return null;
}

/** N pressed in a batch whose every submission is decided, beside these other batches. */
async function pressN(others: BatchSummary[], signedIn = true): Promise<{ open: ReturnType<typeof vi.fn>; said: string }> {
  const shown = batch('b1', { counts: decided, total: 2 });
  const open = vi.fn();
  const inform = vi.fn();
  const navigation = { queue: { state: 'ready' as const, value: [queueItem('s1', { outcome: 'award' }), queueItem('s2', { outcome: 'not_yet' })] }, openSubmissionId: 's2', open, batches: [shown, ...others], batch: shown };
  const view = renderView(<Queue navigation={navigation} inform={inform} />, { 'session.get': session(signedIn) });
  await waitFor(() => expect(view.queries.getQueryState(['preferences.get', {}])?.status).toBe('success'));
  await waitFor(() => expect(view.queries.getQueryState(['session.get', {}])?.status).toBe('success'));
  await userEvent.setup().keyboard('n');
  await waitFor(() => expect(inform).toHaveBeenCalledTimes(1));
  return { open, said: (inform.mock.calls[0]![0] as Words)(i18next.t) };
}

describe('N when the batch is done', () => {
  it('says so, and names the other batches with undecided work and how many', async () => {
    const { open, said } = await pressN([batch('b2', { total: 5, counts: { ...decided, not_started: 2, in_progress: 1 } }), batch('b3', { counts: decided }), batch('r1', { kind: 'review', label: 'Review' })]);
    expect(open).not.toHaveBeenCalled();
    // Named as the queue names it (when claimed, in the machine's time zone, and its size); the review batch is not the assessor's.
    expect(said).toMatch(/^Every submission in this batch has a decision\. Still to decide: Claimed [^;]+ · 5 submissions: 3 undecided\. Choose one in the Batch picker\.$/);
  });

  it('with nothing undecided anywhere, points to claiming more', async () => {
    const { said } = await pressN([batch('b3', { counts: decided })]);
    expect(said).toBe('Every submission in this batch has a decision. Nothing else waits for a decision here: claim a new batch from Account and sync.');
  });

  it('never sends a signed-in assessor to the demo for undecided work, and asks one signed out to sign in to claim', async () => {
    const demo = batch('demo', { isDemo: true, label: 'Demo batch', total: 7, counts: { ...decided, not_started: 7 } });
    expect((await pressN([demo])).said).toBe('Every submission in this batch has a decision. Nothing else waits for a decision here: claim a new batch from Account and sync.');
    cleanup();
    expect((await pressN([], false)).said).toBe('Every submission in this batch has a decision. Nothing else waits for a decision here: sign in (Account and sync) to claim a batch.');
  });
});
