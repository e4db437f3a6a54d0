import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { PreviewCredentials, sameOriginPath } from '../../electron/preview/access';
import { PageTokens } from '../../electron/preview/page-tokens';
import type { SocketAdmission } from '../../electron/preview/page-tokens';

const query = (url: string): URLSearchParams => new URL(url, 'http://127.0.0.1').searchParams;
const secret = 's'.repeat(32);
const rpcWith = (token: string): IncomingMessage => ({ headers: { authorization: `Bearer ${token}` } }) as unknown as IncomingMessage;
const socketWith = (token: string): IncomingMessage => ({ headers: { 'sec-websocket-protocol': `assessor.events.v1, assessor.token.${token}` } }) as unknown as IncomingMessage;
const socketWithSecret = (): IncomingMessage => ({ headers: { 'x-assessor-secret': secret } }) as unknown as IncomingMessage;

/** A preview host's credentials on a clock the test moves. */
function credentialsAt(start = 1_000_000): { credentials: PreviewCredentials; advance: (ms: number) => void } {
  let now = start;
  return { credentials: new PreviewCredentials(secret, () => now), advance: (ms) => void (now += ms) };
}

function tokenOf(credentials: PreviewCredentials): string {
  const token = credentials.issueToken();
  if (!token) throw new Error('no token issued');
  return token;
}

function admitted(admission: SocketAdmission): () => void {
  if (!admission.admitted) throw new Error(`refused ${admission.status}: ${admission.reason}`);
  return admission.release;
}

describe('page tokens of the preview host', () => {
  it('stay valid while the page uses them, and are refused like unknown ones once idle past the period', () => {
    const { credentials, advance } = credentialsAt();
    const token = tokenOf(credentials);
    for (let visit = 0; visit < 8; visit++) {
      advance(PageTokens.idleMs - 1);
      expect(credentials.authorisesRequest(rpcWith(token))).toBe(true); // each RPC is a use: an assessor at work keeps it
    }
    advance(PageTokens.idleMs + 1);
    expect(credentials.authorisesRequest(rpcWith(token))).toBe(false);
    expect(credentials.admitSocket(socketWith(token))).toEqual(credentials.admitSocket(socketWith('never-issued-never-issued-never-issued')));
    expect(credentials.admitSocket(socketWith(token))).toMatchObject({ admitted: false, status: 401 });

    const fresh = tokenOf(credentials); // the printed link, opened again, still lets the assessor in
    expect(credentials.authorisesRequest(rpcWith(fresh))).toBe(true);
  });

  it('stay valid for as long as their page holds an event socket open, and idle from when it closes', () => {
    const { credentials, advance } = credentialsAt();
    const connected = tokenOf(credentials);
    const close = admitted(credentials.admitSocket(socketWith(connected)));
    advance(10 * PageTokens.idleMs); // a day with the page open and nothing clicked
    expect(credentials.authorisesRequest(rpcWith(connected))).toBe(true);

    const idle = tokenOf(credentials);
    const closeIdle = admitted(credentials.admitSocket(socketWith(idle)));
    advance(10 * PageTokens.idleMs);
    closeIdle(); // the tab was closed
    advance(PageTokens.idleMs - 1);
    expect(credentials.admitSocket(socketWith(idle)).admitted).toBe(true); // a reconnect within the period is welcome
    close();
  });

  it('expire after the period once the socket has closed', () => {
    const { credentials, advance } = credentialsAt();
    const token = tokenOf(credentials);
    const close = admitted(credentials.admitSocket(socketWith(token)));
    advance(3 * PageTokens.idleMs);
    close();
    advance(PageTokens.idleMs + 1);
    expect(credentials.authorisesRequest(rpcWith(token))).toBe(false);
  });

  it(`are at most ${PageTokens.maxLive}: a new one retires the least recently used, never one whose page is connected`, () => {
    const { credentials, advance } = credentialsAt();
    const tokens = Array.from({ length: PageTokens.maxLive }, () => {
      advance(1000);
      return tokenOf(credentials);
    });
    const [oldestButUsed, oldestButConnected, idlest, next] = tokens as [string, string, string, string];
    expect(credentials.authorisesRequest(rpcWith(oldestButUsed))).toBe(true);
    const close = admitted(credentials.admitSocket(socketWith(oldestButConnected)));
    advance(1000);
    tokenOf(credentials);
    expect(credentials.authorisesRequest(rpcWith(idlest))).toBe(false);
    expect(credentials.authorisesRequest(rpcWith(oldestButUsed))).toBe(true);
    expect(credentials.authorisesRequest(rpcWith(oldestButConnected))).toBe(true);
    expect(credentials.authorisesRequest(rpcWith(next))).toBe(true);
    close();
  });

  it('are not issued while every live token has its page connected, and are again once one disconnects', () => {
    const { credentials } = credentialsAt();
    const closers = Array.from({ length: PageTokens.maxLive }, () => admitted(credentials.admitSocket(socketWith(tokenOf(credentials)))));
    expect(credentials.issueToken()).toBeNull();
    closers[7]!();
    expect(credentials.issueToken()).toEqual(expect.any(String));
  });
});

describe('event sockets of the preview host', () => {
  it(`are at most ${PageTokens.socketsPerToken} per page token at once; a closed one frees its slot; other tokens are unaffected`, () => {
    const { credentials } = credentialsAt();
    const token = tokenOf(credentials);
    const closers = Array.from({ length: PageTokens.socketsPerToken }, () => admitted(credentials.admitSocket(socketWith(token))));
    expect(credentials.admitSocket(socketWith(token))).toMatchObject({ admitted: false, status: 429 });
    expect(credentials.admitSocket(socketWith(tokenOf(credentials))).admitted).toBe(true);
    closers[0]!();
    expect(credentials.admitSocket(socketWith(token)).admitted).toBe(true);
  });

  it(`are at most ${PreviewCredentials.secretSockets} with the secret at once`, () => {
    const { credentials } = credentialsAt();
    const closers = Array.from({ length: PreviewCredentials.secretSockets }, () => admitted(credentials.admitSocket(socketWithSecret())));
    expect(credentials.admitSocket(socketWithSecret())).toMatchObject({ admitted: false, status: 429 });
    closers[3]!();
    expect(credentials.admitSocket(socketWithSecret()).admitted).toBe(true);
  });
});

describe('signed evidence URLs of the preview host', () => {
  it('lapse when unread for the idle period, and stay alive while a player keeps reading them', () => {
    let now = 1_000_000;
    const credentials = new PreviewCredentials(secret, () => now);
    const url = credentials.signEvidenceUrl('ev-1', 'media');
    now += PreviewCredentials.urlIdleMs - 1;
    expect(credentials.acceptsEvidenceUrl('ev-1', 'media', query(url))).toBe(true); // read just in time: kept alive
    now += PreviewCredentials.urlIdleMs - 1;
    expect(credentials.acceptsEvidenceUrl('ev-1', 'media', query(url))).toBe(true);
    now += PreviewCredentials.urlIdleMs + 1;
    expect(credentials.acceptsEvidenceUrl('ev-1', 'media', query(url))).toBe(false); // paused too long: ask for a new one

    const unread = credentials.signEvidenceUrl('ev-2', 'media');
    now += PreviewCredentials.urlIdleMs + 1;
    expect(credentials.acceptsEvidenceUrl('ev-2', 'media', query(unread))).toBe(false);
  });

  it('never outlive their cap, however often they are read', () => {
    let now = 0;
    const credentials = new PreviewCredentials(secret, () => now);
    const url = credentials.signEvidenceUrl('ev-1', 'media');
    for (; now < PreviewCredentials.urlMaxMs; now += 60_000) expect(credentials.acceptsEvidenceUrl('ev-1', 'media', query(url))).toBe(true);
    now += 60_000;
    expect(credentials.acceptsEvidenceUrl('ev-1', 'media', query(url))).toBe(false);
  });

  it('are bound to their host run: another run’s signature is worthless', () => {
    const url = new PreviewCredentials().signEvidenceUrl('ev-1', 'media');
    expect(new PreviewCredentials().acceptsEvidenceUrl('ev-1', 'media', query(url))).toBe(false);
  });
});

describe('the secret exchange redirect', () => {
  it.each([
    ['/', '/'],
    ['/queue', '/queue'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
  ])('%s → %s', (path, expected) => {
    expect(sameOriginPath(new URL(`http://127.0.0.1${path.startsWith('//') ? `/.${path}` : path}?secret=x`))).toBe(expected);
  });
});
