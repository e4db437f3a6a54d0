import type { QualitySummary } from '../../../shared/contract/methods';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { DomainError } from '../errors';
import { sweepDeletedFiles } from '../evidence/file-sweeper';
import { removeBatch } from '../repositories/claimed-work';
import { forgetSentPayloads } from '../repositories/outbox';
import { reopenForRetake, replaceLeadSnapshots, saveSnapshot } from '../repositories/quality';
import type { LeadDataComputed } from '../lead/data-worker/lead-data-messages';
import type { LeadDataWorker } from '../lead/data-worker/lead-data-worker-client';
import { qualitySummary } from './qualification';
import type { ApiResult } from '../hosted/api-client';
import { failureToError } from '../hosted/session';
import type { SessionAccess } from '../hosted/session';
import type { WorkImport } from '../batches/work-import';

export interface QualitySyncOptions {
  db: Db;
  session: SessionAccess;
  work: Pick<WorkImport, 'importLocalBatch'>;
  leadData: Pick<LeadDataWorker, 'compute'>;
  clock: Clock;
  /** Outbox kinds whose sent payloads are shown until the fetched data holds them. */
  keptUntilSynced: string[];
  /** Quality data changed (and the batch list, when a review batch went). */
  onFetched: () => void;
}

/**
 * Scoring quality kept here for offline use: the assessor's qualification, accuracy and calibration
 * sets, and for a lead the adjudication queue and the dashboards (computed from the ratings in a
 * worker thread). Also brings a calibration set here to score.
 */
export class QualitySync {
  private fetchedAtMs = 0;
  private computing = 0;

  constructor(private readonly options: QualitySyncOptions) {}

  /** The lead's dashboards are being recomputed from new ratings. */
  get updating(): boolean {
    return this.computing > 0;
  }

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
    if (session.account?.roles.includes('lead')) await this.fetchLeadData(epoch);
    // The threads just stored hold every referral and message acknowledged before they were asked for.
    forgetSentPayloads(db, this.options.keptUntilSynced, asked);
    this.fetchedAtMs = this.options.clock.now().getTime();
    this.options.onFetched();
    return qualitySummary(db);
  }

  /** The adjudication and backreading queues, and the dashboards computed in the worker; a settled case's evidence goes. */
  private async fetchLeadData(epoch: number): Promise<void> {
    const { db, session } = this.options;
    this.computing += 1;
    try {
      const [computed, { adjudications }, { backreads }, referrals] = await Promise.all([
        this.computeInWorker(),
        session.call((client) => client.adjudications()),
        session.call((client) => client.backreads()),
        session.call((client) => client.referrals(true)),
      ]);
      session.assertCurrent(epoch);
      const at = this.options.clock.now().toISOString();
      saveSnapshot(db, 'adjudications', adjudications, at);
      saveSnapshot(db, 'backreads', backreads, at);
      saveSnapshot(db, 'lead_referrals', referrals, at);
      replaceLeadSnapshots(db, computed.meta, computed.dashboards.map((body) => ({ credentialId: body.credentialId, body })), computed.generatedAt);
      // A review batch stays while either of its cases is open.
      const open = new Set([...adjudications.filter((item) => !item.resolution), ...backreads.filter((item) => !item.review)].map((item) => item.submissionId));
      for (const item of [...adjudications, ...backreads]) if (!open.has(item.submissionId)) removeBatch(db, `review-${item.submissionId}`);
      sweepDeletedFiles(db);
    } finally {
      this.computing -= 1;
    }
  }

  /** The worker fetches with the current token; a lapsed one is renewed here (one renewal at a time) and the job sent again. */
  private async computeInWorker(): Promise<LeadDataComputed> {
    const { session } = this.options;
    const attempt = (): Promise<ApiResult<LeadDataComputed>> => {
      const token = session.accessToken;
      if (!token || !session.serverUrl) throw new DomainError('forbidden', 'Sign in to the hosted API first.');
      return this.options.leadData.compute(session.serverUrl, token);
    };
    const token = session.accessToken;
    let result = await attempt();
    if (!result.ok && result.failure.kind === 'unauthorized' && token && (await session.recover(token))) result = await attempt();
    if (!result.ok) throw failureToError(result.failure, 'fetch the lead’s ratings');
    return result.value;
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
