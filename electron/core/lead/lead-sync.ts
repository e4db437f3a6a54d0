import { isLead } from '../../../shared/domain/roles';
import type { Clock } from '../platform/clock';
import type { Db } from '../db/database';
import type { WorkspaceChanges } from '../contract/changes';
import { DomainError } from '../contract/errors';
import { sweepDeletedFiles } from '../evidence/file-sweeper';
import { removeBatch, removeReviewBatches } from '../repositories/claimed-work';
import { clearLeadData, loadSnapshot, replaceLeadSnapshots, saveSnapshot } from '../repositories/quality';
import type { QualityFetcher } from '../calibration/quality-sync';
import type { ApiResult } from '../hosted/api-client';
import { failureToError } from '../hosted/session';
import type { SessionAccess } from '../hosted/session';
import type { LeadDataComputed } from './data-worker/lead-data-messages';
import type { LeadDataWorker } from './data-worker/lead-data-worker-client';

export interface LeadSyncOptions {
  db: Db;
  session: SessionAccess;
  leadData: Pick<LeadDataWorker, 'compute'>;
  clock: Clock;
  /** Told when the queues alone were fetched (refreshQueues); a whole fetch is told by QualitySync. */
  changes: Pick<WorkspaceChanges, 'qualityData' | 'batchList'>;
}

/**
 * A lead's share of the quality data, fetched with the assessor's (the composition root hands it to
 * QualitySync): the adjudication and backreading queues, the referrals leads answer, and the
 * dashboards computed from the ratings in a worker thread. Kept for offline use like the rest.
 */
export class LeadSync implements QualityFetcher {
  private computing = 0;

  constructor(private readonly options: LeadSyncOptions) {}

  /** Which asking for the queues this is, and which one's answers are kept (see keepQueues). */
  private queuesAsked = 0;
  private queuesKept = 0;

  /** The lead's dashboards are being recomputed from new ratings. */
  get updating(): boolean {
    return this.computing > 0;
  }

  /** A settled case's evidence goes. An account that is not (or no longer) a lead fetches nothing and keeps no lead data. */
  async fetch(epoch: number): Promise<void> {
    if (!isLead(this.options.session.account)) return this.forgetLeadData();
    this.computing += 1;
    try {
      const [computed, queues] = await Promise.all([this.computeInWorker(), this.fetchQueues()]);
      this.options.session.assertCurrent(epoch);
      replaceLeadSnapshots(this.options.db, computed.meta, computed.dashboards.map((body) => ({ credentialId: body.credentialId, body })), computed.generatedAt);
      this.keepQueues(queues);
    } finally {
      this.computing -= 1;
    }
  }

  /**
   * The queues alone (adjudication, backreading, referrals): three small requests, asked for while a
   * lead looks at them, so that a new case shows within seconds rather than at the next whole fetch.
   * Only a lead reaches it (leads-only.ts guards every `lead.*` method).
   */
  async refreshQueues(): Promise<{ fetchedAt: string }> {
    const { session, changes } = this.options;
    const epoch = session.currentEpoch;
    const queues = await this.fetchQueues();
    session.assertCurrent(epoch);
    const fetchedAt = this.keepQueues(queues);
    changes.qualityData();
    return { fetchedAt };
  }

  /** The lead role was taken away: its queues, threads, dashboards and review batches go. */
  private forgetLeadData(): void {
    const { db, changes } = this.options;
    const gone = removeReviewBatches(db);
    if (clearLeadData(db) || gone) changes.qualityData();
    if (gone) {
      sweepDeletedFiles(db);
      changes.batchList();
    }
  }

  private async fetchQueues() {
    const { session } = this.options;
    const asked = ++this.queuesAsked;
    const answers = await Promise.all([session.call((client) => client.adjudications()), session.call((client) => client.backreads()), session.call((client) => client.referrals(true))]);
    return { asked, answers };
  }

  /**
   * Keeps the queues as fetched; a review batch goes once neither of its cases is open. When they were
   * kept. Queues asked for before the ones already kept are older news (a whole fetch waits for its
   * dashboards while the queues alone are asked again): they are not kept over the newer ones.
   */
  private keepQueues({ asked, answers: [{ adjudications }, { backreads }, referrals] }: Awaited<ReturnType<LeadSync['fetchQueues']>>): string {
    const { db, changes } = this.options;
    const at = this.options.clock.now().toISOString();
    if (asked < this.queuesKept) return loadSnapshot(db, 'adjudications')?.fetchedAt ?? at;
    this.queuesKept = asked;
    const gone = db.transaction(() => {
      saveSnapshot(db, 'adjudications', adjudications, at);
      saveSnapshot(db, 'backreads', backreads, at);
      saveSnapshot(db, 'lead_referrals', referrals, at);
      const open = new Set([...adjudications.filter((item) => !item.resolution), ...backreads.filter((item) => !item.review)].map((item) => item.submissionId));
      const settled = new Set([...adjudications, ...backreads].map((item) => item.submissionId).filter((id) => !open.has(id)));
      return [...settled].filter((submissionId) => removeBatch(db, `review-${submissionId}`));
    })();
    sweepDeletedFiles(db);
    if (gone.length > 0) changes.batchList();
    return at;
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
}
