import type { EvidencePart } from '../../common/evidence-file';
import { afterSession, answersAtOnce, handlerApp } from '../contract/handler-app';
import type { Db } from '../db/database';
import { DomainError } from '../errors';
import type { SyncStatusReporter } from '../hosted/status';
import { getEvidence } from '../repositories/evidence';
import type { Retention } from './retention';

export interface EvidenceDeps {
  db: Db;
  retention: Retention;
  status: SyncStatusReporter;
  /** The URL the renderer loads an evidence item from, as the host that serves it makes them. */
  evidenceUrl: (evidenceId: string, part: EvidencePart) => string;
}

/** Evidence on this machine: where the renderer loads it from, and how long it stays after its decision synced. */
export function evidenceHandlers({ db, retention, status, evidenceUrl }: EvidenceDeps) {
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
  });
}
