import { afterSession, handlerApp } from '../contract/handler-app';
import type { SyncStatusReporter } from '../status/sync-status';
import type { SyncConflicts } from './conflicts';

/** Decisions the server refused, and the assessor's choice about each. */
export function conflictHandlers({ conflicts, status }: { conflicts: SyncConflicts; status: Pick<SyncStatusReporter, 'publish'> }) {
  return handlerApp({
    'sync.conflicts': afterSession(() => ({ conflicts: conflicts.list() })),
    'sync.resolveConflict': afterSession(({ submissionId, choice }) => {
      conflicts.resolve(submissionId, choice);
      return status.publish();
    }),
  });
}
