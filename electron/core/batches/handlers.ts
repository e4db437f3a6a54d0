import { afterSession, handlerApp } from '../contract/handler-app';
import { DomainError } from '../contract/errors';
import type { QualitySync } from '../calibration/quality-sync';
import type { SyncStatusReporter } from '../status/sync-status';
import type { WorkImport } from './work-import';

/** Claiming a batch of live work from the hosted API. */
export function batchHandlers({ work, quality, status }: { work: WorkImport; quality: Pick<QualitySync, 'fetch'>; status: Pick<SyncStatusReporter, 'publish'> }) {
  return handlerApp({
    'batch.claim': afterSession(async ({ size }) => {
      const claimed = await work.claim(size).catch(async (error: unknown) => {
        // The refusal's reasons are in the qualification statuses: fetch them so the screen can say why, in its language.
        if (error instanceof DomainError && error.code === 'claims_blocked') await quality.fetch().catch(() => undefined);
        throw error;
      });
      status.publish();
      return claimed;
    }),
  });
}
