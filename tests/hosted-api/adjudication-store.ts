import type { Adjudication, AdjudicationResolutionRequest } from '../../shared/hosted-api/quality';
import type { HostedStore } from './store';

/** Double-scored submissions whose readings differ beyond the tolerance, and the lead's resolution of each. */
export class AdjudicationStore {
  constructor(private readonly store: HostedStore) {}

  list(): Adjudication[] {
    const rows = this.store.sql('SELECT * FROM adjudications ORDER BY created_at, submission_id').all() as {
      submission_id: string;
      reasons: string;
      created_at: string;
      resolution: string | null;
      resolved_by: string | null;
      resolved_at: string | null;
    }[];
    return rows.map((row) => {
      const submission = this.store.sql('SELECT label, credential_id, rubric_version_id FROM submissions WHERE id = ?').get(row.submission_id) as { label: string; credential_id: string; rubric_version_id: string };
      const decisions = this.store.quality.decisionsOn(row.submission_id).slice(0, 2);
      return {
        submissionId: row.submission_id,
        label: submission.label,
        credentialId: submission.credential_id,
        rubricVersionId: submission.rubric_version_id,
        reasons: JSON.parse(row.reasons) as Adjudication['reasons'],
        decisions: decisions.map((decision) => ({
          assessor: { id: decision.accountId, displayName: this.store.account(decision.accountId)?.displayName ?? decision.accountId },
          outcome: decision.body.outcome,
          scores: decision.body.scores,
          comments: decision.body.comments,
          overallFeedback: decision.body.feedback.overall,
          decidedAt: decision.body.decidedAt,
        })),
        createdAt: row.created_at,
        resolution: row.resolution ? { ...(JSON.parse(row.resolution) as AdjudicationResolutionRequest), resolvedBy: row.resolved_by!, resolvedAt: row.resolved_at! } : null,
        evidence: this.store.evidenceRefs(row.submission_id),
      };
    });
  }

  /** 'resolved', or why not: no such adjudication, the lead was one of its two scorers, or another lead resolved it already. */
  resolve(leadId: string, submissionId: string, resolution: AdjudicationResolutionRequest, now: Date): 'resolved' | 'not_found' | 'already_resolved' | 'own_work' {
    const row = this.store.sql('SELECT resolution FROM adjudications WHERE submission_id = ?').get(submissionId) as { resolution: string | null } | undefined;
    if (!row) return 'not_found';
    if (this.store.quality.decisionsOn(submissionId).some((decision) => decision.accountId === leadId)) return 'own_work';
    if (row.resolution) return 'already_resolved';
    this.store.sql('UPDATE adjudications SET resolution = ?, resolved_by = ?, resolved_at = ? WHERE submission_id = ?').run(JSON.stringify(resolution), leadId, now.toISOString(), submissionId);
    return 'resolved';
  }
}
