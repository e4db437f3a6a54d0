// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionInfo, SyncStatus } from '../../../shared/contract/methods';
import { HostedPanel } from '../../../renderer/src/account/HostedPanel';
import { SyncIndicator } from '../../../renderer/src/account/SyncIndicator';
import type { Words } from '../../../renderer/src/words';
import { refusal, renderView, startI18n } from './harness';
import type { Answers } from './harness';

beforeAll(startI18n);

const signedOut: SessionInfo = { signedIn: false, serverUrl: 'https://assess.example.org', email: null, displayName: null, roles: [], storage: 'os', lastEmail: 'ada@example.org', ended: null };
const signedIn: SessionInfo = { ...signedOut, signedIn: true, email: 'ada@example.org', displayName: 'Ada', roles: ['assessor'] };
const status: SyncStatus = {
  revision: 1,
  state: 'online',
  waiting: 0,
  conflicts: 0,
  lastSyncedAt: null,
  downloads: { files: 0, doneBytes: 0, totalBytes: 0, bytesPerSecond: 0, secondsLeft: null, paused: false, blockedByDiskSpace: false, active: [] },
  notices: [],
  storage: { evidenceBytes: 0, freeBytes: 1_000_000, retentionDays: 7 },
};

/** An answer core gives only when the test says so. */
function later<T>() {
  let settle: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => (settle = resolve));
  return { promise, settle };
}

function panel(answers: Answers) {
  const onClaimed = vi.fn<(batchId: string, message: Words) => void>();
  const view = renderView(<HostedPanel onClaimed={onClaimed} />, { 'sync.status': status, ...answers });
  return { ...view, onClaimed, user: userEvent.setup() };
}

describe('HostedPanel, signed out', () => {
  it('signs in with the server, email and password typed, then shows the account and forgets the password', async () => {
    const { core, user } = panel({ 'session.get': signedOut, 'session.signIn': signedIn });
    const server = await screen.findByLabelText<HTMLInputElement>('Server');
    expect(server.value).toBe('https://assess.example.org');
    expect(screen.getByLabelText<HTMLInputElement>('Email').value).toBe('ada@example.org');
    await user.clear(server);
    await user.type(server, 'https://api.example.org');
    await user.clear(screen.getByLabelText('Email'));
    await user.type(screen.getByLabelText('Email'), 'lin@example.org');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Signed in as ada@example.org.')).toBeTruthy();
    expect(core.callsOf('session.signIn')).toEqual([{ serverUrl: 'https://api.example.org', email: 'lin@example.org', password: 'correct horse' }]);
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(screen.queryByLabelText('Password')).toBeNull();
  });

  it('keeps everything typed and says why when core refuses the sign-in', async () => {
    const { user } = panel({ 'session.get': signedOut, 'session.signIn': refusal('unavailable') });
    await user.type(await screen.findByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Not reachable right now (the server, or the workstation core): nothing is lost; try again shortly.')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Server').value).toBe('https://assess.example.org');
    expect(screen.getByLabelText<HTMLInputElement>('Email').value).toBe('ada@example.org');
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe('correct horse');
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', false);
  });

  it('says a wrong email or password in those words, not as a refusal of the window', async () => {
    const { user } = panel({ 'session.get': signedOut, 'session.signIn': refusal('bad_credentials', 'Email or password is wrong.') });
    await user.type(await screen.findByLabelText('Password'), 'wrong horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Email or password is wrong.')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe('wrong horse');
  });

  it('refuses a plain http server address while it is typed, and never sends the password to it', async () => {
    const { core, user } = panel({ 'session.get': signedOut, 'session.signIn': signedIn });
    const server = await screen.findByLabelText('Server');
    await user.clear(server);
    await user.type(server, 'http://assess.example.org');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    expect(screen.getByRole('alert').textContent).toMatch(/^The server address must start with https:\/\//);
    expect(server.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', true);
    await user.type(screen.getByLabelText('Password'), '{Enter}');
    expect(core.callsOf('session.signIn')).toEqual([]);
    await user.clear(server);
    await user.type(server, 'http://127.0.0.1:8080');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(core.callsOf('session.signIn')).toEqual([{ serverUrl: 'http://127.0.0.1:8080', email: 'ada@example.org', password: 'correct horse' }]));
  });

  it('sends one sign-in at a time: the button waits while core answers', async () => {
    const answer = later<SessionInfo>();
    const { core, user } = panel({ 'session.get': signedOut, 'session.signIn': () => answer.promise });
    await user.type(await screen.findByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', true));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(screen.getByLabelText('Password'), '{Enter}');
    answer.settle(signedIn);
    expect(await screen.findByText('Signed in as ada@example.org.')).toBeTruthy();
    expect(core.callsOf('session.signIn')).toHaveLength(1);
  });

  it('says why the server ended the session and what still waits to sync', async () => {
    panel({ 'session.get': { ...signedOut, ended: 'expired' }, 'sync.status': { ...status, state: 'signed_out', waiting: 2 } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Your session expired. Nothing was removed: 2 decisions wait on this computer and sync once you sign in again with the same account.'));
  });
});

describe('HostedPanel, signed in', () => {
  it('shows the account, and signs out on request', async () => {
    const { core, user } = panel({ 'session.get': signedIn, 'session.signOut': signedOut });
    expect(await screen.findByText('Signed in as ada@example.org.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('Signed out.')).toBeTruthy();
    expect(core.callsOf('session.signOut')).toEqual([{}]);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('claims the size chosen and hands the caller the batch and what was claimed', async () => {
    const { core, onClaimed, user } = panel({ 'session.get': signedIn, 'batch.claim': { batchId: 'b9', submissions: 25, waiting: 0 } });
    const size = await screen.findByLabelText<HTMLInputElement>('Submissions');
    expect(size.value).toBe('10');
    await user.tripleClick(size);
    await user.keyboard('25');
    expect(size.value).toBe('25');
    await user.click(screen.getByRole('button', { name: 'Claim a batch' }));
    await waitFor(() => expect(onClaimed).toHaveBeenCalledTimes(1));
    expect(core.callsOf('batch.claim')).toEqual([{ size: 25 }]);
    const [batchId, message] = onClaimed.mock.calls[0]!;
    expect(batchId).toBe('b9');
    expect(message(i18next.t)).toBe('Claimed 25 submissions; their evidence is downloading.');
    expect(screen.queryByText(/^Claiming/)).toBeNull();
  });

  it('tells the caller how many claimed submissions are still on their way', async () => {
    const { onClaimed, user } = panel({ 'session.get': signedIn, 'batch.claim': { batchId: 'b9', submissions: 7, waiting: 3 } });
    await user.click(await screen.findByRole('button', { name: 'Claim a batch' }));
    await waitFor(() => expect(onClaimed).toHaveBeenCalledTimes(1));
    expect(onClaimed.mock.calls[0]![1](i18next.t)).toBe('Claimed 7 submissions; their evidence is downloading. 3 more are claimed for you and arrive with the next sync.');
  });

  it('claims one batch at a time: while a claim is on its way it says so and the buttons wait', async () => {
    const answer = later<{ batchId: string; submissions: number; waiting: number }>();
    const { core, onClaimed, user } = panel({ 'session.get': signedIn, 'batch.claim': () => answer.promise });
    await user.click(await screen.findByRole('button', { name: 'Claim a batch' }));
    expect(screen.getByText('Claiming 10 submissions…')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Claim a batch' })).toHaveProperty('disabled', true));
    expect(screen.getByRole('button', { name: 'Sync now' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Claim a batch' }));
    await user.type(screen.getByLabelText('Submissions'), '{Enter}');
    answer.settle({ batchId: 'b9', submissions: 10, waiting: 0 });
    await waitFor(() => expect(onClaimed).toHaveBeenCalledTimes(1));
    expect(core.callsOf('batch.claim')).toEqual([{ size: 10 }]);
    expect(screen.getByRole('button', { name: 'Claim a batch' })).toHaveProperty('disabled', false);
  });

  it('does not send a claim above 200 submissions', async () => {
    const { core, user } = panel({ 'session.get': signedIn, 'batch.claim': { batchId: 'b9', submissions: 10, waiting: 0 } });
    const size = await screen.findByLabelText('Submissions');
    await user.tripleClick(size);
    await user.keyboard('250');
    await user.click(screen.getByRole('button', { name: 'Claim a batch' }));
    expect(core.callsOf('batch.claim')).toEqual([]); // the field's own range check stops it (the browser says why)
  });

  it('lets the size be emptied and typed again: 25, not 125', async () => {
    const { core, user } = panel({ 'session.get': signedIn, 'batch.claim': { batchId: 'b9', submissions: 25, waiting: 0 } });
    const size = await screen.findByLabelText<HTMLInputElement>('Submissions');
    await user.clear(size);
    expect(size.value).toBe('');
    await user.keyboard('25');
    await user.click(screen.getByRole('button', { name: 'Claim a batch' }));
    await waitFor(() => expect(core.callsOf('batch.claim')).toEqual([{ size: 25 }]));
  });

  it('says why core refused the claim, and the caller hears nothing', async () => {
    const { onClaimed, user } = panel({ 'session.get': signedIn, 'batch.claim': refusal('claims_blocked') });
    await user.click(await screen.findByRole('button', { name: 'Claim a batch' }));
    expect(await screen.findByText('Live claims are blocked for you now. Qualification, below, says why and what to do.')).toBeTruthy();
    expect(screen.queryByText(/^Claiming/)).toBeNull();
    expect(onClaimed).not.toHaveBeenCalled();
  });
});

describe('the sync state in the header', () => {
  const indicator = (waiting: number) => renderView(<SyncIndicator onOpen={() => undefined} />, { 'session.get': signedIn, 'sync.status': { ...status, waiting, lastSyncedAt: '2026-12-07T09:30:00.000Z' } });

  it('leaves nothing waiting unsaid (the header keeps its room), and counts what waits', async () => {
    indicator(0);
    expect((await screen.findByRole('button')).textContent).toMatch(/^Online · synced \d/);
    cleanup();
    indicator(2);
    expect((await screen.findByRole('button')).textContent).toMatch(/^Online · 2 waiting to sync · synced \d/);
  });
});
