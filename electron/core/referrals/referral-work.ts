import { randomUUID } from 'node:crypto';
import type { ReferralView } from '../../../shared/contract/methods';
import { ReferralList } from '../../../shared/hosted-api/referrals';
import type { ReferralCreate, ReferralReason } from '../../../shared/hosted-api/referrals';
import type { Db } from '../db/database';
import { DomainError } from '../contract/errors';
import { batchKindOf, isDemoSubmission } from '../repositories/batches';
import { enqueueJob } from '../hosted/outbox/job';
import { listPayloads } from '../repositories/outbox';
import { referralJob } from './outbox/referral';
import { referralMessageJob } from './outbox/referral-message';
import { loadSnapshot } from '../repositories/quality';
import { getAssignedSubmission } from '../repositories/submissions';
import type { SessionAccess } from '../hosted/session';
import { isLead } from '../../../shared/domain/roles';

export interface ReferralWorkOptions {
  db: Db;
  session: Pick<SessionAccess, 'account'>;
  now: () => Date;
  /** A referral or a message waits in the outbox: send it soon. */
  onQueued: () => void;
}

/**
 * Referring a submission to a lead, and writing in a referral's thread, on either side: each is
 * queued in the outbox with an id made here (it works offline), and the threads shown are the last
 * synced ones with what still waits to leave added, marked as waiting.
 */
export class ReferralWork {
  constructor(private readonly options: ReferralWorkOptions) {}

  refer(submissionId: string, reason: ReferralReason, question: string): ReferralView[] {
    const { db } = this.options;
    // Only what this account claimed here: a submission not on this machine (another's, or made up) is not queued to be refused later.
    if (!getAssignedSubmission(db, submissionId)) throw new DomainError('not_found', 'That submission is not claimed on this machine.');
    if (isDemoSubmission(db, submissionId) || batchKindOf(db, submissionId) !== 'live') throw new DomainError('conflict', 'Only live work claimed from the hosted API can be referred to a lead.');
    const body: ReferralCreate = { id: randomUUID(), submissionId, reason, question: question.trim(), at: this.options.now().toISOString() };
    db.transaction(() => enqueueJob(db, referralJob, { entityId: body.id, payload: body, at: body.at }))();
    this.options.onQueued();
    return this.threads(submissionId);
  }

  reply(referralId: string, body: string): ReferralView[] {
    const { db } = this.options;
    const referral = this.all().find((candidate) => candidate.id === referralId);
    if (!referral) throw new DomainError('not_found', 'That referral is not on this machine.');
    const message = { id: randomUUID(), body: body.trim(), at: this.options.now().toISOString() };
    db.transaction(() => enqueueJob(db, referralMessageJob, { entityId: message.id, payload: { referralId, message }, at: message.at }))();
    this.options.onQueued();
    return this.threads(referral.submissionId);
  }

  /** The referrals of one submission (or all of them), newest first. */
  threads(submissionId: string | null): ReferralView[] {
    return this.all().filter((referral) => submissionId === null || referral.submissionId === submissionId);
  }

  private all(): ReferralView[] {
    const { db } = this.options;
    const me = this.options.session.account;
    const synced = new Map<string, ReferralView>();
    // The lead's list holds everyone's; the assessor's own list holds theirs.
    for (const key of ['lead_referrals', 'referrals'] as const) {
      const parsed = ReferralList.safeParse(loadSnapshot(db, key)?.body);
      for (const referral of parsed.success ? parsed.data.referrals : []) {
        synced.set(referral.id, { ...referral, pending: false, messages: referral.messages.map((message) => ({ ...message, pending: false, refused: false, mine: message.author.id === me?.id })) });
      }
    }
    const author = { id: me?.id ?? 'me', displayName: me?.displayName ?? '', role: isLead(me) ? ('lead' as const) : ('assessor' as const) };
    // What was written here and is not (yet) in the synced threads: waiting to leave, or sent since the last fetch.
    for (const { payload, sent, refused } of listPayloads(db, referralJob.kind)) {
      const created = referralJob.payload.safeParse(payload);
      if (!created.success || synced.has(created.data.id)) continue;
      const { id, submissionId, reason, question, at } = created.data;
      const submission = getAssignedSubmission(db, submissionId);
      if (!submission) continue;
      synced.set(id, { id, submissionId, label: submission.label, credentialId: submission.credentialId, assessor: { id: author.id, displayName: author.displayName }, reason, state: 'open', createdAt: at, pending: !sent && !refused, messages: [{ id, author, body: question, at, receivedAt: at, pending: !sent && !refused, refused, mine: true }] });
    }
    for (const { payload, sent, refused } of listPayloads(db, referralMessageJob.kind)) {
      const waiting = referralMessageJob.payload.safeParse(payload);
      const referral = waiting.success ? synced.get(waiting.data.referralId) : undefined;
      if (!waiting.success || !referral || referral.messages.some((message) => message.id === waiting.data.message.id)) continue;
      referral.messages.push({ ...waiting.data.message, author, receivedAt: waiting.data.message.at, pending: !sent && !refused, refused, mine: true });
      if (author.role === 'lead' && !refused) referral.state = 'answered';
    }
    return [...synced.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}
