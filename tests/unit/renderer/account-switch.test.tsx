// @vitest-environment jsdom
import { act } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../../shared/contract/methods';
import { sessionKey } from '../../../renderer/src/data/sync-status';
import { useAccountSwitch } from '../../../renderer/src/account/use-account-switch';
import { renderInApp, setup, startI18n } from './harness';

beforeAll(startI18n);

const signedOut: SessionInfo = { signedIn: false, serverUrl: 'https://assess.example.org', email: null, displayName: null, roles: [], storage: 'os', lastEmail: null, ended: null };
const signedIn = (email: string): SessionInfo => ({ ...signedOut, signedIn: true, email, displayName: email, roles: ['assessor'] });

describe('another account at the same window', () => {
  it('is noticed when it signs in (the previous one’s toast and Undo target go), not when the same account signs out and in again', async () => {
    let session = signedIn('ada@example.org');
    const context = setup({ 'session.get': () => session });
    const onSwitch = vi.fn();
    renderInApp(() => useAccountSwitch(onSwitch), context);
    const becomes = async (next: SessionInfo): Promise<void> => {
      session = next;
      await act(() => context.queries.refetchQueries({ queryKey: sessionKey }));
    };
    await act(() => context.queries.refetchQueries({ queryKey: sessionKey }));
    expect(onSwitch).not.toHaveBeenCalled(); // the first account read at start is no switch
    await becomes(signedOut);
    await becomes(signedIn('ada@example.org'));
    expect(onSwitch).not.toHaveBeenCalled();
    await becomes(signedOut);
    await becomes(signedIn('lead@example.org'));
    expect(onSwitch).toHaveBeenCalledTimes(1);
  });
});
