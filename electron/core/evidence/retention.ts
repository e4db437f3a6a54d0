import type { Db } from '../db/database';
import type { Logger } from '../platform/log';
import { forgetAcknowledgedEvidence } from '../repositories/claimed-work';
import { readPreferences, writePreferences } from '../workspace/preferences';
import { sweepDeletedFiles } from './file-sweeper';

/** Default time evidence stays on this machine after its decision was acknowledged by the server. */
const defaultRetentionDays = 7;

export interface RetentionOptions {
  db: Db;
  now: () => Date;
  logger: Logger;
  /** Evidence of these submissions went. */
  onRemoved: (submissionIds: string[]) => void;
}

/**
 * How long evidence stays after its decision synced (the assessor's setting, 0–90 days): evidence
 * shows minors, so it stays no longer than the work needs it.
 */
export class Retention {
  constructor(private readonly options: RetentionOptions) {}

  days(): number {
    return readPreferences(this.options.db).evidenceRetentionDays ?? defaultRetentionDays;
  }

  /** Work acknowledged before this has had its evidence removed (and is not fetched again). */
  cutoff(): string {
    return new Date(this.options.now().getTime() - this.days() * 86_400_000).toISOString();
  }

  /** The assessor changes the period; evidence older than the new one goes now. */
  setDays(days: number): void {
    writePreferences(this.options.db, { evidenceRetentionDays: days }, this.options.now().toISOString());
    const removed = this.apply();
    if (removed > 0) this.options.logger.info(`retention set to ${days} days: the evidence of ${removed} submissions was removed`);
  }

  /** Removes the evidence past the period; returns how many submissions lost theirs. */
  apply(): number {
    const submissionIds = forgetAcknowledgedEvidence(this.options.db, this.cutoff());
    sweepDeletedFiles(this.options.db);
    if (submissionIds.length > 0) this.options.onRemoved(submissionIds);
    return submissionIds.length;
  }
}
