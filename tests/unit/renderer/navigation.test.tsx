// @vitest-environment jsdom
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createNavigationStore, batchStorageKey } from '../../../renderer/src/navigation/navigation-store';
import { isMidScoring, nextUndecided, stepFrom } from '../../../renderer/src/navigation/queue-steps';
import { shownBatch, troubledBatch } from '../../../renderer/src/navigation/shown-batch';
import { useNavigation } from '../../../renderer/src/navigation/use-navigation';
import { useContractMutation } from '../../../renderer/src/data/contract-mutation';
import { claimBatch } from '../../../renderer/src/account/mutations';
import { startCalibration } from '../../../renderer/src/quality/mutations';
import { prepareSet } from '../../../renderer/src/lead/mutations';
import { batch, queueItem } from './fixtures';
import { memoryStorage, renderInApp, setup } from './harness';

describe('the navigation store', () => {
  it('starts in the scoring view with the batch chosen before the last stop', () => {
    expect(createNavigationStore(memoryStorage({ [batchStorageKey]: 'b2' })).get()).toEqual({ view: 'scoring', batchId: 'b2', reviewCase: null });
    expect(createNavigationStore(memoryStorage()).get()).toEqual({ view: 'scoring', batchId: null, reviewCase: null });
  });

  it('keeps a chosen batch for the next start, and tells its listeners of each move once', () => {
    const storage = memoryStorage();
    const store = createNavigationStore(storage);
    const listener = vi.fn();
    const stop = store.subscribe(listener);
    store.chooseBatch('b1');
    store.show('dashboard');
    store.show('dashboard');
    expect(store.get()).toEqual({ view: 'dashboard', batchId: 'b1', reviewCase: null });
    expect(storage.items.get(batchStorageKey)).toBe('b1');
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
    store.show('scoring');
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('which batch and submission come next', () => {
  const batches = [batch('demo', { isDemo: true }), batch('b1'), batch('b2', { leases: { dueSoon: 1, expired: 0, reassigned: 0 } })];

  it('shows the chosen batch, else the newest claimed one, else the demo', () => {
    expect(shownBatch(batches, 'b1')?.id).toBe('b1');
    expect(shownBatch(batches, 'gone')?.id).toBe('b2');
    expect(shownBatch([batches[0]!], null)?.id).toBe('demo');
    expect(shownBatch([], null)).toBeNull();
    expect(troubledBatch(batches)?.id).toBe('b2');
  });

  it('finds the next undecided submission after the open one, wrapping, and steps within the queue', () => {
    const queue = [queueItem('s1'), queueItem('s2', { outcome: 'award' }), queueItem('s3')];
    expect(nextUndecided(queue, 's1')).toBe('s3');
    expect(nextUndecided(queue, 's3')).toBe('s1');
    expect(nextUndecided([queueItem('s1', { outcome: 'award' })], 's1')).toBeNull();
    expect([isMidScoring(queue, 's1'), isMidScoring(queue, 's2'), isMidScoring(queue, null), isMidScoring(queue, 'elsewhere')]).toEqual([true, false, false, false]);
    expect(stepFrom(queue, 's1', 1)).toBe('s2');
    expect(stepFrom(queue, 's3', 1)).toBe('s3');
    expect(stepFrom(queue, 's1', -1)).toBe('s1');
    expect(stepFrom(queue, null, 1)).toBe('s1');
  });
});

describe('useNavigation', () => {
  const lead = { signedIn: true, serverUrl: 'https://api.example.org', email: 'lead@example.org', displayName: 'Lead', roles: ['lead' as const], storage: 'os' as const, lastEmail: null, ended: null };
  const answers = (openSubmissionId: string | null) => ({
    'session.get': lead,
    'workspace.summary': { isDemo: false, batches: [batch('b1'), batch('review', { kind: 'review' as const })] },
    'queue.list': { items: [queueItem('s1')] },
    'preferences.get': { openSubmissionId },
  });

  it('opens a submission beside the evidence: its review batch, it, in the scoring view', async () => {
    const context = setup(answers('s1'));
    context.navigation.show('adjudication');
    const { result } = renderInApp(useNavigation, context);
    await waitFor(() => expect(result.current.view).toBe('adjudication'));
    act(() => result.current.openBeside('review', 's9', 'backread'));
    expect(result.current.reviewCase).toBe('backread');
    expect(result.current.view).toBe('scoring');
    expect(result.current.batch?.id).toBe('review');
    expect(result.current.openSubmissionId).toBe('s9');
    await waitFor(() => expect(context.core.callsOf('preferences.set')).toEqual([{ patch: { openSubmissionId: 's9' } }]));
  });

  it('closes the open submission when another batch is chosen, and keeps it when the same one is', async () => {
    const context = setup(answers('s1'));
    const { result } = renderInApp(useNavigation, context);
    await waitFor(() => expect(result.current.batch?.id).toBe('review'));
    act(() => result.current.chooseBatch('review'));
    expect(result.current.openSubmissionId).toBe('s1');
    act(() => result.current.chooseBatch('b1'));
    expect(result.current.batch?.id).toBe('b1');
    expect(result.current.openSubmissionId).toBeNull();
  });

  it('opens nothing in a batch just brought here, even one already shown: what was open belonged to other work', async () => {
    const context = setup(answers('s1'));
    context.navigation.show('dashboard');
    const { result } = renderInApp(useNavigation, context);
    await waitFor(() => expect(result.current.batch?.id).toBe('review'));
    act(() => result.current.scoreBatch('review'));
    expect(result.current.view).toBe('scoring');
    expect(result.current.openSubmissionId).toBeNull();
  });

  it('leaves a submission being scored open when a claim arrives, and shows the claim when nothing undecided is open', async () => {
    const context = setup({ ...answers('s1'), 'workspace.summary': { isDemo: false, batches: [batch('b1'), batch('new')] } });
    context.navigation.chooseBatch('b1');
    const { result } = renderInApp(useNavigation, context);
    await waitFor(() => expect(result.current.queue.state).toBe('ready'));
    let shown = true;
    act(() => void (shown = result.current.claimArrived('new')));
    expect(shown).toBe(false);
    expect([result.current.batch?.id, result.current.openSubmissionId]).toEqual(['b1', 's1']);
    // Decided (or nothing open): the claim is shown.
    context.core.answer('queue.list', { items: [queueItem('s1', { outcome: 'award' })] });
    await act(() => context.queries.invalidateQueries({ queryKey: ['queue.list'] }));
    await waitFor(() => expect(result.current.queue.state === 'ready' && result.current.queue.value[0]?.outcome).toBe('award'));
    act(() => void (shown = result.current.claimArrived('new')));
    expect(shown).toBe(true);
    expect([result.current.batch?.id, result.current.openSubmissionId]).toEqual(['new', null]);
  });

  it('shows anyone who is not a lead the scoring view, whatever was asked', async () => {
    const context = setup({ ...answers(null), 'session.get': { ...lead, roles: ['assessor' as const] } });
    context.navigation.show('dashboard');
    const { result } = renderInApp(useNavigation, context);
    await waitFor(() => expect(result.current.batches).toHaveLength(2));
    expect(result.current.isLead).toBe(false);
    expect(result.current.view).toBe('scoring');
  });
  it.each([
    ['a claim', claimBatch, {}],
    ['a calibration set', startCalibration, { setId: 'set-1' }],
    ['a master batch', prepareSet, { credentialId: 'c1', submissionIds: ['s1'] }],
  ] as const)('shows %s in the queue the moment it is chosen, never the batch before it', async (_what, mutation, input) => {
    const before = { isDemo: false, batches: [batch('demo', { isDemo: true })] };
    const after = { isDemo: false, batches: [batch('demo', { isDemo: true }), batch('new')] };
    const context = setup({ ...answers(null), 'workspace.summary': before, 'batch.claim': { batchId: 'new', submissions: 1 }, 'calibration.start': { batchId: 'new', submissions: 1 }, 'lead.prepareSet': { batchId: 'new', submissions: 1 } } as never);
    const { result } = renderInApp(() => ({ navigation: useNavigation(), write: useContractMutation(mutation as typeof claimBatch) }), context);
    await waitFor(() => expect(result.current.navigation.batch?.id).toBe('demo'));
    context.core.answer('workspace.summary', after); // core has the batch once the write answers; its event may come later
    await act(async () => {
      await result.current.write.mutateAsync(input as never);
      result.current.navigation.chooseBatch('new');
    });
    expect(result.current.navigation.batch?.id).toBe('new');
  });
});
