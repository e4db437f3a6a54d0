import type Database from 'better-sqlite3-multiple-ciphers';
import { backreadProblems } from '../../shared/domain/lead-review-check';
import { allCriteria } from '../../shared/domain/rubric';
import type { Backread, BackreadFeedback, BackreadReviewRequest } from '../../shared/hosted-api/backreading';
import type { LeadRating } from '../../shared/hosted-api/quality';
import type { DecisionRequest } from '../../shared/hosted-api/schemas';
import { weekStart } from '../../shared/quality/dashboard';
import { FieldErrors } from './quality-store';
import type { HostedStore } from './store';

export const backreadingTables = `
CREATE TABLE IF NOT EXISTS backreads (submission_id TEXT PRIMARY KEY, assessor_id TEXT NOT NULL, credential_id TEXT NOT NULL, reason TEXT NOT NULL CHECK (reason IN ('sampled', 'lockout')),
  sampled_at TEXT NOT NULL, review TEXT, reviewed_by TEXT, reviewed_at TEXT) STRICT;
`;

/** A stable draw in [0, 1) per decision (FNV-1a of submission and assessor): the same decision is always sampled or not. */
export function sampleDraw(submissionId: string, assessorId: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${submissionId}\u0000${assessorId}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 2 ** 32;
}

interface Row {
  submission_id: string;
  assessor_id: string;
  credential_id: string;
  reason: Backread['reason'];
  sampled_at: string;
  review: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
}

/**
 * Backreading on the reference server: live decisions sampled at each micro-credential's rate (and
 * every decision of an assessor locked out), a lead's review per criterion, and what it means for
 * the assessor (feedback, accuracy, the lead's dashboard, the lockout rule).
 */
export class BackreadingStore {
  constructor(
    private readonly store: HostedStore,
    private readonly db: Database.Database,
  ) {}

  /**
   * After a live decision is received: into the queue if drawn at the rate, or always when `forced`
   * (a locked-out assessor's work). One backread per submission: a double-scored one is already read twice.
   */
  sample(accountId: string, submissionId: string, rate: number, forced: boolean, now: Date): void {
    if (!forced && sampleDraw(submissionId, accountId) >= rate) return;
    const credentialId = (this.store.sql('SELECT credential_id FROM submissions WHERE id = ?').get(submissionId) as { credential_id: string }).credential_id;
    this.store.sql('INSERT OR IGNORE INTO backreads (submission_id, assessor_id, credential_id, reason, sampled_at) VALUES (?, ?, ?, ?, ?)').run(submissionId, accountId, credentialId, forced ? 'lockout' : 'sampled', now.toISOString());
  }

  list(): Backread[] {
    const rows = this.store.sql('SELECT * FROM backreads ORDER BY review IS NOT NULL, sampled_at, submission_id').all() as Row[];
    return rows.map((row) => {
      const submission = this.store.sql('SELECT label, rubric_version_id FROM submissions WHERE id = ?').get(row.submission_id) as { label: string; rubric_version_id: string };
      const decision = this.decision(row.submission_id, row.assessor_id);
      return {
        submissionId: row.submission_id,
        label: submission.label,
        credentialId: row.credential_id,
        rubricVersionId: submission.rubric_version_id,
        reason: row.reason,
        decision: {
          assessor: { id: row.assessor_id, displayName: this.store.account(row.assessor_id)?.displayName ?? row.assessor_id },
          outcome: decision.outcome,
          scores: decision.scores,
          comments: decision.comments,
          overallFeedback: decision.feedback.overall,
          decidedAt: decision.decidedAt,
        },
        sampledAt: row.sampled_at,
        review: row.review ? { ...(JSON.parse(row.review) as BackreadReviewRequest), reviewedBy: row.reviewed_by!, reviewedAt: row.reviewed_at! } : null,
        evidence: this.store.evidenceRefs(row.submission_id),
      };
    });
  }

  /** A lead's review: every criterion of the rubric agreed or overridden (on its scale); once; never of the lead's own decision. */
  review(leadId: string, submissionId: string, body: BackreadReviewRequest, now: Date): 'reviewed' | 'not_found' | 'already_reviewed' | 'own_work' {
    const row = this.store.sql('SELECT review, assessor_id FROM backreads WHERE submission_id = ?').get(submissionId) as { review: string | null; assessor_id: string } | undefined;
    if (!row) return 'not_found';
    if (row.assessor_id === leadId) return 'own_work';
    if (row.review) return 'already_reviewed';
    const rubric = this.store.submission(submissionId)!.rubric;
    const given = new Map(this.decision(submissionId, row.assessor_id).scores.map((score) => [score.criterionId, score.level]));
    const problems = backreadProblems(rubric, given, body.criteria);
    if (problems.length > 0) throw new FieldErrors(problems);
    this.store.sql('UPDATE backreads SET review = ?, reviewed_by = ?, reviewed_at = ? WHERE submission_id = ?').run(JSON.stringify(body), leadId, now.toISOString(), submissionId);
    return 'reviewed';
  }

  /** The reviews of this assessor's decisions, newest first, criterion by criterion. */
  feedback(accountId: string): BackreadFeedback {
    const rows = this.store.sql('SELECT * FROM backreads WHERE assessor_id = ? AND review IS NOT NULL ORDER BY reviewed_at DESC LIMIT 1000').all(accountId) as Row[];
    return {
      reviews: rows.map((row) => {
        const submission = this.store.submission(row.submission_id)!;
        const titles = new Map(allCriteria(submission.rubric).map((criterion) => [criterion.id, criterion.title]));
        const given = new Map(this.decision(row.submission_id, accountId).scores.map((score) => [score.criterionId, score.level]));
        const review = JSON.parse(row.review!) as BackreadReviewRequest;
        return {
          submissionId: row.submission_id,
          label: submission.label,
          reviewedAt: row.reviewed_at!,
          note: review.note,
          criteria: review.criteria.map((item) => ({ criterionId: item.criterionId, title: titles.get(item.criterionId) ?? item.criterionId, level: given.get(item.criterionId) ?? null, verdict: item.verdict, leadLevel: item.level, note: item.note })),
        };
      }),
    };
  }

  /** Per week (of the review): criteria backread and criteria overridden, for the assessor's accuracy. */
  weeks(accountId: string): Map<string, { backread: number; overridden: number }> {
    const weeks = new Map<string, { backread: number; overridden: number }>();
    for (const row of this.store.sql('SELECT review, reviewed_at FROM backreads WHERE assessor_id = ? AND review IS NOT NULL').all(accountId) as { review: string; reviewed_at: string }[]) {
      const week = weeks.get(weekStart(row.reviewed_at)) ?? { backread: 0, overridden: 0 };
      for (const item of (JSON.parse(row.review) as BackreadReviewRequest).criteria) {
        week.backread += 1;
        if (item.verdict === 'override') week.overridden += 1;
      }
      weeks.set(weekStart(row.reviewed_at), week);
    }
    return weeks;
  }

  /** Share of criteria overridden over the assessor's last `window` reviewed decisions on a credential (null: none reviewed). */
  overrideShare(accountId: string, credentialId: string, window: number, since = ''): { share: number | null; decisions: number } {
    const rows = this.store.sql('SELECT review FROM backreads WHERE assessor_id = ? AND credential_id = ? AND review IS NOT NULL AND reviewed_at > ? ORDER BY reviewed_at DESC LIMIT ?').all(accountId, credentialId, since, window) as { review: string }[];
    const verdicts = rows.flatMap((row) => (JSON.parse(row.review) as BackreadReviewRequest).criteria);
    return { share: verdicts.length === 0 ? null : verdicts.filter((item) => item.verdict === 'override').length / verdicts.length, decisions: rows.length };
  }

  /** Each backread criterion as a rating against the lead's level (the assessor's own where the lead agreed). */
  ratings(): LeadRating[] {
    const rows = this.store.sql('SELECT * FROM backreads WHERE review IS NOT NULL').all() as Row[];
    return rows.flatMap((row) => {
      const given = new Map(this.decision(row.submission_id, row.assessor_id).scores.map((score) => [score.criterionId, score.level]));
      return (JSON.parse(row.review!) as BackreadReviewRequest).criteria.flatMap((item): LeadRating[] => {
        const level = given.get(item.criterionId) ?? null;
        if (level === null) return [];
        const reference = item.verdict === 'override' ? item.level! : level;
        return [{ assessorId: row.assessor_id, credentialId: row.credential_id, submissionId: row.submission_id, criterionId: item.criterionId, level, masterLevel: reference, source: 'backread', evidence: null, at: row.reviewed_at! }];
      });
    });
  }

  private decision(submissionId: string, accountId: string): DecisionRequest {
    const row = this.store.sql('SELECT body FROM decisions WHERE submission_id = ? AND account_id = ?').get(submissionId, accountId) as { body: string };
    return JSON.parse(row.body) as DecisionRequest;
  }
}
