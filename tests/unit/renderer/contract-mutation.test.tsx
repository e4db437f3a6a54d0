// @vitest-environment jsdom
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../shared/contract/methods';
import { useContractMutation } from '../../../renderer/src/data/contract-mutation';
import { queryKeyOf } from '../../../renderer/src/data/contract-reads';
import { undoDecision } from '../../../renderer/src/decision/mutations';
import { saveSnippet } from '../../../renderer/src/feedback/mutations';
import { liftLockout, setRules } from '../../../renderer/src/lead/mutations';
import { savePreferences } from '../../../renderer/src/workspace/mutations';
import { refusal, renderInApp, setup } from './harness';

const stale = (context: ReturnType<typeof setup>, key: readonly unknown[]): boolean => context.queries.getQueryState(key)?.isInvalidated ?? false;
const dashboard = (title: string) => ({ title }) as unknown as MethodOutput<'lead.dashboard'>;

describe('a write through the data layer', () => {
  it('reads again the queries its definition names, and no others', async () => {
    const context = setup({ 'bank.save': { id: 's1' } as unknown as MethodOutput<'bank.save'> });
    context.queries.setQueryData(queryKeyOf('bank.search', { query: '' }), { snippets: [] });
    context.queries.setQueryData(queryKeyOf('bank.search', { query: 'link' }), { snippets: [] });
    context.queries.setQueryData(queryKeyOf('quality.status', {}), {});
    const { result } = renderInApp(() => useContractMutation(saveSnippet), context);
    await act(() => result.current.mutateAsync({ id: 's1', title: 'T', body: 'B', tag: 'note' }));
    expect(context.core.callsOf('bank.save')).toEqual([{ id: 's1', title: 'T', body: 'B', tag: 'note' }]);
    expect(stale(context, queryKeyOf('bank.search', { query: '' }))).toBe(true);
    expect(stale(context, queryKeyOf('bank.search', { query: 'link' }))).toBe(true);
    expect(stale(context, queryKeyOf('quality.status', {}))).toBe(false);
  });

  it('keeps a method’s answer as the read it is the new value of (no read needed), and reads again the one it may also be', async () => {
    const context = setup({ 'lead.setRules': dashboard('after') });
    context.queries.setQueryData(queryKeyOf('lead.dashboard', { credentialId: 'c1' }), dashboard('before'));
    context.queries.setQueryData(queryKeyOf('lead.dashboard', { credentialId: null }), dashboard('first'));
    context.queries.setQueryData(queryKeyOf('lead.dashboard', { credentialId: 'c2' }), dashboard('other'));
    const { result } = renderInApp(() => useContractMutation(setRules), context);
    const rules = { credentialId: 'c1' } as MethodOutput<'lead.dashboard'>['rules'] & object;
    await act(() => result.current.mutateAsync({ rules }));
    expect(context.queries.getQueryData(queryKeyOf('lead.dashboard', { credentialId: 'c1' }))).toEqual(dashboard('after'));
    expect(stale(context, queryKeyOf('lead.dashboard', { credentialId: null }))).toBe(true);
    expect(stale(context, queryKeyOf('lead.dashboard', { credentialId: 'c2' }))).toBe(false);
    expect(context.core.callsOf('lead.dashboard')).toEqual([]);
  });

  it('surfaces a refusal with core’s stable code, and changes nothing it would have on success', async () => {
    const context = setup({ 'lead.liftLockout': refusal('forbidden') });
    context.queries.setQueryData(queryKeyOf('lead.dashboard', { credentialId: null }), dashboard('shown'));
    const { result } = renderInApp(() => useContractMutation(liftLockout), context);
    act(() => result.current.mutate({ accountId: 'a1', credentialId: 'c1', note: 'Recalibrated in person.' }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.shape).toEqual({ code: 'forbidden', message: 'refused: forbidden' });
    expect(stale(context, queryKeyOf('lead.dashboard', { credentialId: null }))).toBe(false);
  });

  it('is pending while core works on it, so a button can refuse a second press', async () => {
    let answer: (value: MethodOutput<'lead.liftLockout'>) => void = () => undefined;
    const context = setup({ 'lead.liftLockout': () => new Promise((resolve) => (answer = resolve)) });
    const { result } = renderInApp(() => useContractMutation(liftLockout), context);
    act(() => result.current.mutate({ accountId: 'a1', credentialId: 'c1', note: 'n' }));
    await waitFor(() => expect(result.current.isPending).toBe(true));
    act(() => answer(dashboard('after')));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
  });

  it('reads the submission again after an undo core refused (its state moved on meanwhile)', async () => {
    const context = setup({ 'decision.undo': refusal('conflict') });
    const key = queryKeyOf('submission.open', { submissionId: 's1' });
    context.queries.setQueryData(key, {});
    const { result } = renderInApp(() => useContractMutation(undoDecision), context);
    await act(() => result.current.mutateAsync({ submissionId: 's1' }).catch(() => undefined));
    await waitFor(() => expect(stale(context, key)).toBe(true));
  });

  it('shows a setting at once, before core has answered', async () => {
    const context = setup({ 'preferences.set': () => new Promise(() => undefined) });
    const { result } = renderInApp(() => useContractMutation(savePreferences), context);
    act(() => result.current.mutate({ patch: { splitRatio: 0.4 } }));
    await waitFor(() => expect(context.queries.getQueryData(queryKeyOf('preferences.get', {}))).toEqual({ splitRatio: 0.4 }));
  });
});
