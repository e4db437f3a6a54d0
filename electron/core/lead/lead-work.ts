import { randomUUID } from 'node:crypto';
import type { AdjudicationQueue, BackreadQueue } from '../../../shared/contract/methods';
import type { BackreadReviewRequest } from '../../../shared/hosted-api/backreading';
import { ReferralList } from '../../../shared/hosted-api/referrals';
import { loadSnapshot } from '../repositories/quality';
import { allCriteria } from '../../../shared/domain/rubric';
import type { AdjudicationResolutionRequest, CandidateList, LockoutLiftRequest, QualityRules, SetPurpose } from '../../../shared/hosted-api/quality';
import type { AuditTrail } from '../../../shared/hosted-api/audit';
import type { Db } from '../db/database';
import { DomainError } from '../contract/errors';
import { sweepDeletedFiles } from '../evidence/file-sweeper';
import type { Logger } from '../platform/log';
import { listQueue, masterSetOf } from '../repositories/batches';
import { removeBatch } from '../repositories/claimed-work';
import { getRubricVersion } from '../repositories/credentials';
import { getDraft } from '../repositories/drafts';
import { listComments } from '../repositories/comments';
import { momentsOf } from '../../../shared/domain/cited-evidence';
import { forgetAcknowledged, forgetRefused } from '../repositories/outbox';
import { backreadProblems, resolutionProblems } from '../../../shared/domain/lead-review-check';
import { enqueueJob } from '../hosted/outbox/job';
import { adjudicationResolutionJob } from './outbox/adjudication-resolution';
import { backreadReviewJob } from './outbox/backread-review';
import { lockoutEntity, lockoutLiftJob } from './outbox/lockout-lift';
import { getAssignedSubmission } from '../repositories/submissions';
import { adjudicationQueue, backreadQueue } from './views';
import type { QualitySync } from '../calibration/quality-sync';
import type { SessionAccess } from '../hosted/session';
import type { WorkImport } from '../batches/work-import';

export interface LeadWorkOptions {
  db: Db;
  session: SessionAccess;
  work: Pick<WorkImport, 'importLocalBatch'>;
  quality: Pick<QualitySync, 'fetch'>;
  logger: Logger;
  now: () => Date;
  /** A resolution waits in the outbox: send it soon. */
  onQueued: () => void;
  /** A batch went (a published master batch). */
  onBatchRemoved: () => void;
}

/**
 * What a lead does with the hosted API: quality rules, building a calibration set (choosing
 * submissions, scoring them as the master here, publishing), and adjudicating double-scored
 * submissions beside their evidence, resolved through the outbox so it works offline.
 */
export class LeadWork {
  constructor(private readonly options: LeadWorkOptions) {}

  /** Online only: the rules govern every assessor's claims. The dashboards follow with the fetch. */
  async setRules(rules: QualityRules): Promise<void> {
    await this.options.session.call((client) => client.setQualityRules(rules));
    await this.options.quality.fetch();
  }

  /** Submissions a lead may put in a new calibration set. */
  candidates(credentialId: string): Promise<CandidateList> {
    return this.options.session.call((client) => client.calibrationCandidates(credentialId));
  }

  /**
   * The chosen submissions come here as a master batch, scored in the ordinary workspace (a level and
   * a rationale per criterion), for a calibration set or for the gold pool.
   */
  prepareMasterSet(credentialId: string, title: string, purpose: SetPurpose, submissionIds: string[]): Promise<{ batchId: string; submissions: number }> {
    return this.options.work.importLocalBatch({ id: `master-${randomUUID().slice(0, 8)}`, label: title, kind: 'master', days: 30, submissionIds, masterSet: { credentialId, title, purpose } });
  }

  /** Online only: a new attempt for the assessor on the server, with the lead's note; the lead's figures follow with the fetch. */
  async allowRetake(setId: string, accountId: string, note: string): Promise<{ attempt: number }> {
    const attempt = await this.options.session.call((client) => client.resetCalibration(setId, randomUUID(), { accountId, note }), 'let the assessor retake the set');
    await this.options.quality.fetch().catch((error: unknown) => this.options.logger.error('could not fetch quality data', error));
    return { attempt: attempt.attempt };
  }

  /** Publishes a master batch as a calibration set; every criterion needs a level and a rationale first. */
  async publishMasterSet(batchId: string): Promise<{ setId: string; title: string; submissions: number }> {
    const { db } = this.options;
    const set = masterSetOf(db, batchId);
    if (!set) throw new DomainError('not_found', 'That is not a master-scoring batch.');
    const items = listQueue(db, batchId, this.options.now()).map((item) => {
      const submission = getAssignedSubmission(db, item.submissionId)!;
      const rubric = getRubricVersion(db, submission.rubricVersionId)!;
      const draft = getDraft(db, item.submissionId);
      const comments = listComments(db, item.submissionId);
      // The master's comments citing a criterion are the evidence its level rests on: assessors' citations are compared with them.
      const scores = allCriteria(rubric).map((criterion) => {
        const score = draft.scores.find((candidate) => candidate.criterionId === criterion.id);
        return { criterionId: criterion.id, level: score?.level ?? null, rationale: score?.rationale.trim() ?? '', evidence: momentsOf(comments, criterion.id) };
      });
      const missing = scores.filter((score) => score.level === null || score.rationale === '').length;
      if (missing > 0) throw new DomainError('conflict', `${item.label}: ${missing} criteria still need a master level and a rationale.`);
      return { submissionId: item.submissionId, scores: scores.map((score) => ({ ...score, level: score.level! })) };
    });
    const created = await this.options.session.call((client) => client.createCalibrationSet({ credentialId: set.credentialId, title: set.title, purpose: set.purpose, items }));
    removeBatch(db, batchId);
    sweepDeletedFiles(db);
    this.options.onBatchRemoved();
    await this.options.quality.fetch().catch((error: unknown) => this.options.logger.error('could not fetch quality data', error));
    return { setId: created.id, title: created.title, submissions: created.submissionIds.length };
  }

  /** A submission under adjudication comes here (read only) so the lead can compare both readings with its evidence. */
  async openAdjudication(submissionId: string): Promise<{ batchId: string }> {
    if (!this.openCase(submissionId)) throw new DomainError('not_found', 'That submission is not in the last synced adjudication queue.');
    return await this.openForReview(submissionId);
  }

  /** A sampled decision's submission comes here (read only) so the lead can backread it beside its evidence. */
  async openBackread(submissionId: string): Promise<{ batchId: string }> {
    if (!this.openBackreadCase(submissionId)) throw new DomainError('not_found', 'That submission is not in the last synced backreading queue.');
    return await this.openForReview(submissionId);
  }

  /** A referred submission comes here (read only) so the lead can answer beside its evidence. */
  async openReferral(submissionId: string): Promise<{ batchId: string }> {
    const referred = ReferralList.safeParse(loadSnapshot(this.options.db, 'lead_referrals')?.body);
    if (!referred.success || !referred.data.referrals.some((referral) => referral.submissionId === submissionId)) throw new DomainError('not_found', 'That submission is not among the last synced referrals.');
    return await this.openForReview(submissionId);
  }

  private async openForReview(submissionId: string): Promise<{ batchId: string }> {
    const { batchId } = await this.options.work.importLocalBatch({
      id: `review-${submissionId}`,
      label: ([manifest]) => manifest?.label ?? submissionId,
      kind: 'review',
      days: 7,
      submissionIds: [submissionId],
    });
    return { batchId };
  }

  /** A lead's backreading of one decision: queued in the outbox (works offline), sent with its own idempotency key. */
  reviewBackread(submissionId: string, review: BackreadReviewRequest): BackreadQueue {
    const { db } = this.options;
    const open = this.openBackreadCase(submissionId);
    if (!open) throw new DomainError('not_found', 'That decision is not in the last synced backreading queue.');
    if (open.review || open.reviewQueued) throw new DomainError('conflict', 'That decision is already backread.');
    const rubric = backreadQueue(db).rubrics.find((candidate) => candidate.id === open.rubricVersionId);
    if (rubric) refuseProblems(backreadProblems(rubric, new Map(open.decision.scores.map((score) => [score.criterionId, score.level])), review.criteria));
    db.transaction(() => {
      forgetRefused(db, backreadReviewJob.kind, submissionId); // a review the server refused is given again
      enqueueJob(db, backreadReviewJob, { entityId: submissionId, payload: { submissionId, review }, at: this.options.now().toISOString() });
    })();
    this.options.onQueued();
    return backreadQueue(db);
  }

  /** Lets a locked-out assessor back in, with the lead's note: queued in the outbox (works offline). */
  liftLockout(lift: LockoutLiftRequest): void {
    const { db } = this.options;
    const entityId = lockoutEntity(lift);
    db.transaction(() => {
      // An assessor may be locked out again later: an earlier lift the server has (or refused) makes room for this one.
      forgetAcknowledged(db, lockoutLiftJob.kind, entityId);
      forgetRefused(db, lockoutLiftJob.kind, entityId);
      enqueueJob(db, lockoutLiftJob, { entityId, payload: lift, at: this.options.now().toISOString() });
    })();
    this.options.onQueued();
  }

  /** One submission's audit trail, as the hosted API keeps it (an appeal is answered from it). */
  auditTrail(submission: string): Promise<AuditTrail> {
    return this.options.session.call((client) => client.auditTrail(submission));
  }

  /** A lead's resolution: queued in the outbox (works offline), sent with its own idempotency key. */
  resolveAdjudication(submissionId: string, resolution: AdjudicationResolutionRequest): AdjudicationQueue {
    const { db } = this.options;
    const open = this.openCase(submissionId);
    if (!open) throw new DomainError('not_found', 'That adjudication is not in the last synced queue.');
    if (open.resolution || open.resolutionQueued) throw new DomainError('conflict', 'That adjudication is already resolved.');
    // Checked here when the rubric is synced (the server checks the same on arrival).
    const rubric = adjudicationQueue(db).rubrics.find((candidate) => candidate.id === open.rubricVersionId);
    if (rubric) refuseProblems(resolutionProblems(rubric, resolution));
    db.transaction(() => {
      forgetRefused(db, adjudicationResolutionJob.kind, submissionId); // a resolution the server refused is answered again
      enqueueJob(db, adjudicationResolutionJob, { entityId: submissionId, payload: { submissionId, resolution }, at: this.options.now().toISOString() });
    })();
    this.options.onQueued();
    return adjudicationQueue(db);
  }

  private openBackreadCase(submissionId: string): BackreadQueue['backreads'][number] | undefined {
    return backreadQueue(this.options.db).backreads.find((item) => item.submissionId === submissionId);
  }

  private openCase(submissionId: string): AdjudicationQueue['adjudications'][number] | undefined {
    return adjudicationQueue(this.options.db).adjudications.find((item) => item.submissionId === submissionId);
  }
}

/** A lead's answer that does not hold (see shared/domain/lead-review-check.ts) is refused before it is queued, saying why. */
function refuseProblems(problems: readonly { message: string }[]): void {
  if (problems.length > 0) throw new DomainError('invalid_input', problems.map((problem) => problem.message).join(' '));
}
