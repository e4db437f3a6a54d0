import type { EvidencePart } from '../../hosts-shared/evidence-file';
import { afterSession, answersAtOnce, handlerApp } from '../contract/handler-app';
import type { Db } from '../db/database';
import { DomainError } from '../contract/errors';
import type { SyncStatusReporter } from '../status/sync-status';
import { getEvidence } from '../repositories/evidence';
import type { EvidenceDownloads } from './downloads';
import type { Retention } from './retention';

export interface EvidenceDeps {
  db: Db;
  retention: Retention;
  status: SyncStatusReporter;
  downloads: Pick<EvidenceDownloads, 'setPaused'>;
  /** The URL the renderer loads an evidence item from, as the host that serves it makes them. */
  evidenceUrl: (evidenceId: string, part: EvidencePart) => string;
}

/** Evidence on this machine: where the renderer loads it from, its downloads, and how long it stays after its decision synced. */
export function evidenceHandlers({ db, retention, status, downloads, evidenceUrl }: EvidenceDeps) {
  return handlerApp({
    'evidence.url': answersAtOnce(({ evidenceId, part }) => {
      const evidence = getEvidence(db, evidenceId);
      const here = evidence?.availability === 'available' && (part === 'media' ? evidence.localPath !== null : evidence.captionsPath !== null);
      if (!here) throw new DomainError('not_found', 'That evidence is not on this machine.');
      return { url: evidenceUrl(evidenceId, part) };
    }),
    // Answers with the sync status, which needs the session read.
    'storage.setRetention': afterSession(({ days }) => {
      retention.setDays(days);
      return status.publish();
    }),
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
