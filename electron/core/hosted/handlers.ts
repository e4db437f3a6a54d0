import { afterSession, handlerApp } from '../contract/handler-app';
import { DomainError } from '../errors';
import type { HostedConnection } from './connection';

/** The session, claiming work, sync and downloads. Each waits until the session's vault has been read. */
export function hostedHandlers(hosted: HostedConnection) {
  const { session, effects, work, loop, status, conflicts, downloads, quality } = hosted;
  return handlerApp({
    'session.get': afterSession(() => session.info()),
    'session.signIn': afterSession(({ serverUrl, email, password }) => effects.signIn(serverUrl, email, password)),
    'session.signOut': afterSession(() => effects.signOut()),
    'batch.claim': afterSession(async ({ size }) => {
      const claimed = await work.claim(size).catch(async (error: unknown) => {
        // The refusal's reasons are in the qualification statuses: fetch them so the screen can say why, in its language.
        if (error instanceof DomainError && error.code === 'claims_blocked') await quality.fetch().catch(() => undefined);
        throw error;
      });
      status.publish();
      return claimed;
    }),
    'sync.status': afterSession(() => status.current()),
    'sync.now': afterSession(async () => {
      await loop.syncNow();
      return status.current();
    }),
    'sync.conflicts': afterSession(() => ({ conflicts: conflicts.list() })),
    'sync.resolveConflict': afterSession(({ submissionId, choice }) => {
      conflicts.resolve(submissionId, choice);
      return status.publish();
    }),
    'sync.dismissNotice': afterSession(({ id }) => status.dismissNotice(id)),
    'downloads.pause': afterSession(() => {
      downloads.setPaused(true);
      return status.publish();
    }),
    'downloads.resume': afterSession(() => {
      downloads.setPaused(false);
      return status.publish();
    }),
  });
}
