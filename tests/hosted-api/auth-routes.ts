import type { IncomingMessage } from 'node:http';
import { RefreshRequest, SignInRequest, SignOutRequest } from '../../shared/hosted-api/schemas';
import { fail, parseJson, readBody } from './http-errors';
import type { HostedStore } from './store';

type Answer = { status: number; body: unknown };

export interface AuthRouteContext {
  store: HostedStore;
  now: () => Date;
  accessTtlSeconds: number;
}

const refreshRefusal = {
  unknown: fail(401, 'unauthenticated', 'Unknown refresh token. Sign in again.'),
  expired: fail(401, 'token_expired', 'The session expired. Sign in again.'),
  revoked: fail(401, 'token_revoked', 'This session was ended. Sign in again.'),
  reused: fail(401, 'token_reused', 'This refresh token was used before; the session was ended to be safe. Sign in again.'),
  wipe: fail(401, 'remote_wipe', 'This machine was reported lost: remove the claimed work it holds.'),
};

/** The caller of an authorised request, or the 401 that says why not (`remote_wipe` tells the machine to wipe). */
export function authenticate(request: IncomingMessage, { store, now }: Pick<AuthRouteContext, 'store' | 'now'>): { accountId: string } {
  const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (!token) throw fail(401, 'unauthenticated', 'Sign in first.');
  const checked = store.auth.checkAccess(token, now());
  if (checked === 'wipe') throw refreshRefusal.wipe;
  if (checked === 'revoked') throw refreshRefusal.revoked;
  if (checked === 'expired') throw fail(401, 'token_expired', 'The access token expired; refresh it.');
  if (checked === 'unknown') throw fail(401, 'unauthenticated', 'Unknown token.');
  return { accountId: checked.accountId };
}

/** Sign-in, refresh and sign-out; null for any other route. */
export async function routeAuth(request: IncomingMessage, path: string, context: AuthRouteContext): Promise<Answer | null> {
  if (request.method !== 'POST') return null;
  const { store, now, accessTtlSeconds } = context;
  const pairFor = (accountId: string, pair: { accessToken: string; refreshToken: string }): Answer => ({ status: 200, body: { ...pair, expiresIn: accessTtlSeconds, account: store.account(accountId) } });
  if (path === '/v1/auth/sign-in') {
    const { email, password } = parseJson(await readBody(request), SignInRequest);
    const outcome = await store.auth.signIn(email, password, request.socket.remoteAddress ?? 'unknown', now());
    if (!outcome.ok && outcome.why === 'throttled') {
      throw fail(429, 'too_many_attempts', `Too many failed sign-ins. Try again in ${outcome.retryAfterSeconds} seconds.`, {}, { 'retry-after': String(outcome.retryAfterSeconds) });
    }
    if (!outcome.ok) throw fail(401, 'bad_credentials', 'Email or password is wrong.');
    return pairFor(outcome.account.id, store.auth.startSession(outcome.account.id, now(), accessTtlSeconds));
  }
  if (path === '/v1/auth/refresh') {
    const { refreshToken } = parseJson(await readBody(request), RefreshRequest);
    const outcome = store.auth.rotate(refreshToken, now(), accessTtlSeconds);
    if (!outcome.ok) throw refreshRefusal[outcome.why];
    return pairFor(outcome.accountId, outcome.pair);
  }
  if (path === '/v1/auth/sign-out') {
    const { refreshToken } = parseJson(await readBody(request), SignOutRequest);
    store.auth.endSession(refreshToken);
    return { status: 204, body: null };
  }
  return null;
}
