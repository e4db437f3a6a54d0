import { describe, expect, it } from 'vitest';
import { HostedSession } from '../../electron/core/hosted/session';
import { MemoryVault } from '../../electron/core/hosted/secret-vault';
import { silentLogger } from '../support/silent-logger';
import { FakeApi, noAnswer } from '../support/fake-hosted';
import { systemClock } from '../../electron/core/platform/clock';

const account = { id: 'acct-1', email: 'assessor@example.org', displayName: 'Assessor', roles: ['assessor'] };
const pair = (n: number) => ({ accessToken: `access-token-${n}-aaaaaaaaaaaaaaaa`, refreshToken: `refresh-token-${n}-aaaaaaaaaaaaaaa`, expiresIn: 60, account });

/** A session over a fake API, signed in with pair 1; `events` records what it told its owner. */
async function signedIn(api: FakeApi): Promise<{ session: HostedSession; events: string[] }> {
  const events: string[] = [];
  api.on('POST /v1/auth/sign-in', pair(1));
  const session = new HostedSession({
    clock: systemClock,
    vault: new MemoryVault(),
    defaultServerUrl: '',
    logger: silentLogger,
    onNewEvidenceKey: () => events.push('new key'),
    onRemoteWipe: () => void events.push('wipe'),
    onChanged: () => events.push('changed'),
    renewalRetryDelaysMs: [10, 10],
    fetch: api.fetch,
  });
  await session.ready;
  await session.signIn('https://api.test', 'assessor@example.org', 'pw', () => undefined);
  return { session, events };
}

describe('the session over a fake API', () => {
  it('renews a lapsed token once for any number of calls refused together, and every call goes on', async () => {
    const api = new FakeApi();
    const { session } = await signedIn(api);
    // The server no longer takes token 1: three calls at once are refused, and one renewal serves them all.
    api.on('GET /v1/me', (request) => (request.token === pair(2).accessToken ? { status: 200, body: account } : { status: 401, body: { error: { code: 'token_expired', message: 'expired' } } }));
    api.on('POST /v1/auth/refresh', pair(2));
    const answers = await Promise.all([1, 2, 3].map(() => session.client().me()));
    expect(answers.every((answer) => answer.ok)).toBe(true);
    expect(api.calls.filter((call) => call === 'POST /v1/auth/refresh')).toHaveLength(1);
    expect(session.accessToken).toBe(pair(2).accessToken);
  });

  it('asks again when a renewal’s reply is lost, and keeps the session if the network stays away', async () => {
    const api = new FakeApi();
    const { session } = await signedIn(api);
    let replies = 0;
    api.on('POST /v1/auth/refresh', () => (++replies < 3 ? noAnswer : { status: 200, body: pair(2) }));
    expect(await session.recover(pair(1).accessToken)).toBe(true);
    expect(replies).toBe(3);
    api.on('POST /v1/auth/refresh', () => noAnswer);
    expect(await session.recover(pair(2).accessToken)).toBe(false);
    expect(session.signedIn).toBe(true); // unreachable is not ended
  });

  it('ends the session keeping everything when the server revoked it, and wipes only when told to', async () => {
    const api = new FakeApi();
    const revoked = await signedIn(api);
    api.on('POST /v1/auth/refresh', () => ({ status: 401, body: { error: { code: 'token_revoked', message: 'revoked' } } }));
    expect(await revoked.session.recover(pair(1).accessToken)).toBe(false);
    expect(revoked.session.info()).toMatchObject({ signedIn: false, ended: 'revoked' });
    expect(revoked.events).not.toContain('wipe');

    const wiped = await signedIn(new FakeApi().on('POST /v1/auth/refresh', () => ({ status: 401, body: { error: { code: 'remote_wipe', message: 'reported lost' } } })));
    const epoch = wiped.session.currentEpoch;
    expect(await wiped.session.recover(pair(1).accessToken)).toBe(false);
    expect(wiped.events).toContain('wipe');
    expect(() => wiped.session.assertCurrent(epoch)).toThrow(/session ended/);
  });

  it('says a call refused while the renewal cannot get through is unavailable (the session stands), and one refused after the server ended it is a session ended, never a permission refusal', async () => {
    const api = new FakeApi();
    const { session } = await signedIn(api);
    api.on('GET /v1/me', () => ({ status: 401, body: { error: { code: 'token_expired', message: 'expired' } } }));
    api.on('POST /v1/auth/refresh', () => noAnswer);
    await expect(session.call((client) => client.me(), 'read the account')).rejects.toMatchObject({ code: 'unavailable' });
    await expect(session.call((client) => client.me(), 'read the account')).rejects.toThrow(/could not be renewed right now/);
    expect(session.signedIn).toBe(true);
    api.on('POST /v1/auth/refresh', () => ({ status: 401, body: { error: { code: 'token_revoked', message: 'revoked' } } }));
    await expect(session.call((client) => client.me(), 'read the account')).rejects.toMatchObject({ code: 'session_ended' });
  });
});
