import { afterSession, handlerApp } from '../contract/handler-app';
import type { HostedSession } from '../hosted/session';
import type { SessionEffects } from './session-effects';

/** Signing in and out. Each waits until the session's vault has been read. */
export function accountHandlers({ session, effects }: { session: HostedSession; effects: SessionEffects }) {
  return handlerApp({
    'session.get': afterSession(() => session.info()),
    'session.signIn': afterSession(({ serverUrl, email, password }) => effects.signIn(serverUrl, email, password)),
    'session.signOut': afterSession(() => effects.signOut()),
  });
}
