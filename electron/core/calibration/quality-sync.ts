import type { QualitySummary } from '../../../shared/contract/methods';
import type { Clock } from '../platform/clock';
import type { Db } from '../db/database';
import { DomainError } from '../contract/errors';
import { forgetSentPayloads } from '../repositories/outbox';
import { reopenForRetake, saveSnapshot } from '../repositories/quality';
import { qualitySummary } from './qualification';
import type { SessionAccess } from '../hosted/session';
import type { WorkImport } from '../batches/work-import';

/** More quality data fetched with the assessor's, by the domain that shows it (a lead's: lead/lead-sync.ts). */
export interface QualityFetcher {
  /** Fetches and keeps its part, or nothing for an account it is not for; keeps nothing if the session that began at `epoch` ended meanwhile. */
  fetch(epoch: number): Promise<void>;
}

export interface QualitySyncOptions {
  db: Db;
  session: SessionAccess;
  work: Pick<WorkImport, 'importLocalBatch'>;
  clock: Clock;
  /** Each domain fetches its own part, in this order; the composition root wires them, so calibration names none. */
  fetchers: readonly QualityFetcher[];
  /** Outbox kinds whose sent payloads are shown until the fetched data holds them. */
  keptUntilSynced: string[];
  /** Quality data changed (and the batch list, when a review batch went). */
  onFetched: () => void;
}

/**
 * Scoring quality kept here for offline use: the assessor's qualification, accuracy, calibration sets,
 * backreading feedback and referral threads, then what its fetchers add (a lead's queues and
 * dashboards). Also brings a calibration set here to score.
 */
export class QualitySync {
  private fetchedAtMs = 0;

  constructor(private readonly options: QualitySyncOptions) {}

  /** At least once a minute while online (and after anything was acknowledged). */
  isDue(): boolean {
    return this.options.clock.now().getTime() - this.fetchedAtMs > 60_000;
  }

  /** A new session fetches its quality data with its first sync. */
  markDue(): void {
    this.fetchedAtMs = 0;
  }

  async fetch(): Promise<QualitySummary> {
    const { db, session } = this.options;
    const epoch = session.currentEpoch;
    const asked = this.options.clock.now().toISOString();
    const [qualifications, accuracy, sets, feedback, referrals] = await Promise.all([
      session.call((client) => client.qualifications()),
      session.call((client) => client.accuracy()),
      session.call((client) => client.calibrationSets()),
      session.call((client) => client.backreadFeedback()),
      session.call((client) => client.referrals(false)),
    ]);
    const at = this.options.clock.now().toISOString();
    session.assertCurrent(epoch);
    db.transaction(() => {
      saveSnapshot(db, 'qualifications', qualifications.qualifications, at);
      saveSnapshot(db, 'accuracy', accuracy, at);
      saveSnapshot(db, 'calibration_sets', sets.sets, at);
      saveSnapshot(db, 'backread_feedback', feedback, at);
      saveSnapshot(db, 'referrals', referrals, at);
    })();
    for (const fetcher of this.options.fetchers) await fetcher.fetch(epoch);
    // The threads just stored hold every referral and message acknowledged before they were asked for.
    forgetSentPayloads(db, this.options.keptUntilSynced, asked);
    this.fetchedAtMs = this.options.clock.now().getTime();
    this.options.onFetched();
    return qualitySummary(db);
  }

  /**
   * Brings a calibration set here as its own batch: scored like live work, answers sent through the
   * outbox. Items answered here in an attempt a lead has since reset open again, blank, for the retake.
   */
  async startCalibration(setId: string): Promise<{ batchId: string; submissions: number }> {
    const { sets } = await this.options.session.call((client) => client.calibrationSets());
    const set = sets.find((candidate) => candidate.id === setId);
    if (!set) throw new DomainError('not_found', 'That calibration set is not on the server.');
    const answered = new Set(set.answeredSubmissionIds);
    for (const submissionId of set.submissionIds) if (!answered.has(submissionId)) reopenForRetake(this.options.db, submissionId);
    return this.options.work.importLocalBatch({ id: `calibration-${setId}`, label: set.title, kind: 'calibration', days: 30, submissionIds: set.submissionIds, calibrationSetId: setId });
  }
}
