import { afterSession, handlerApp } from '../contract/handler-app';
import type { SyncLoop } from '../hosted/sync-loop';
import type { SyncStatusReporter } from './sync-status';

/** What the header shows of sync: the status, "Sync now", and the notices. */
export function statusHandlers({ status, loop }: { status: SyncStatusReporter; loop: Pick<SyncLoop, 'syncNow'> }) {
  return handlerApp({
    'sync.status': afterSession(() => status.current()),
    'sync.now': afterSession(async () => {
      await loop.syncNow();
      return status.current();
    }),
    'sync.dismissNotice': afterSession(({ id }) => status.dismissNotice(id)),
  });
}
