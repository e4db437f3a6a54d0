import type { MicroCredential, RubricVersion } from '../../shared/domain/rubric';
import type { LeadData, LeadRating, MasterScore } from '../../shared/hosted-api/quality';
import type { DecisionRequest } from '../../shared/hosted-api/schemas';
import type { ResponseBody } from './calibration-store';
import { evidenceTally } from './quality-store';
import type { HostedStore } from './store';

/**
 * Everything the lead's dashboards compute from, as the reference server gives it: each assessor's
 * rating where a reference exists (the master on calibration and gold items, a lead's backreading),
 * double-scored live ratings, and the lockouts.
 */
export function leadData(store: HostedStore, now: Date): LeadData {
  const ratings: LeadRating[] = [];
  const calibration = store
    .sql(
      // An assessor's first answer to each item: a retake comes after reading the master's levels.
      `SELECT r.account_id, r.submission_id, r.body, r.received_at, ci.master, cs.credential_id FROM calibration_responses r
       JOIN calibration_items ci ON ci.set_id = r.set_id AND ci.submission_id = r.submission_id JOIN calibration_sets cs ON cs.id = r.set_id
       WHERE r.attempt = (SELECT min(x.attempt) FROM calibration_responses x WHERE x.set_id = r.set_id AND x.submission_id = r.submission_id AND x.account_id = r.account_id)`,
    )
    .all() as { account_id: string; submission_id: string; body: string; received_at: string; master: string; credential_id: string }[];
  for (const row of calibration) {
    const master = new Map((JSON.parse(row.master) as MasterScore[]).map((score) => [score.criterionId, score]));
    const body = JSON.parse(row.body) as ResponseBody;
    const cited = new Map((body.evidence ?? []).map((item) => [item.criterionId, item.moments]));
    for (const score of body.scores) {
      const reference = master.get(score.criterionId);
      if (score.level === null || !reference) continue;
      const evidence = evidenceTally(reference.evidence, cited.get(score.criterionId) ?? []);
      ratings.push({ assessorId: row.account_id, credentialId: row.credential_id, submissionId: row.submission_id, criterionId: score.criterionId, level: score.level, masterLevel: reference.level, source: 'calibration', evidence, at: row.received_at });
    }
  }
  const gold = store
    .sql(
      `SELECT g.source_id, r.account_id, r.criterion_id, r.level, r.master_level, r.at, s.credential_id, ge.master AS evidence_master, ge.cited AS evidence_cited FROM gold_results r
       JOIN gold_items g ON g.alias_id = r.alias_id JOIN submissions s ON s.id = g.source_id
       LEFT JOIN gold_evidence ge ON ge.alias_id = r.alias_id AND ge.criterion_id = r.criterion_id WHERE r.level IS NOT NULL`,
    )
    .all() as { source_id: string; account_id: string; criterion_id: string; level: number; master_level: number; at: string; credential_id: string; evidence_master: number | null; evidence_cited: number | null }[];
  for (const row of gold) {
    const evidence = row.evidence_master ? { master: row.evidence_master, cited: row.evidence_cited ?? 0 } : null;
    ratings.push({ assessorId: row.account_id, credentialId: row.credential_id, submissionId: row.source_id, criterionId: row.criterion_id, level: row.level, masterLevel: row.master_level, source: 'gold', evidence, at: row.at });
  }
  const doubled = store
    .sql(`SELECT d.account_id, d.submission_id, d.body, d.received_at, s.credential_id FROM decisions d JOIN double_scoring ds ON ds.submission_id = d.submission_id AND ds.double = 1 JOIN submissions s ON s.id = d.submission_id`)
    .all() as { account_id: string; submission_id: string; body: string; received_at: string; credential_id: string }[];
  for (const row of doubled) {
    for (const score of (JSON.parse(row.body) as DecisionRequest).scores) {
      if (score.level === null) continue;
      ratings.push({ assessorId: row.account_id, credentialId: row.credential_id, submissionId: row.submission_id, criterionId: score.criterionId, level: score.level, masterLevel: null, source: 'double', evidence: null, at: row.received_at });
    }
  }
  ratings.push(...store.backreading.ratings());
  const lockouts = store.lockouts.all({}, now);
  const qualifications = store.quality.allRules().flatMap((rules) => {
    const setId = rules.qualification?.setId;
    if (!setId) return [];
    return store.auth.assessorIds().filter((id) => !store.isLead(id)).map((accountId) => ({ accountId, credentialId: rules.credentialId, status: store.quality.qualification(accountId, rules.credentialId).status, attempt: store.calibration.currentAttempt(setId, accountId).attempt }));
  });
  const assessorIds = [...new Set([...ratings.map((rating) => rating.assessorId), ...lockouts.map((lockout) => lockout.accountId)])].sort();
  return {
    generatedAt: now.toISOString(),
    credentials: store.quality.credentialIds().map((credentialId) => {
      const row = store.sql('SELECT c.body AS credential, r.body AS rubric FROM credentials c JOIN rubrics r ON r.credential_id = c.id WHERE c.id = ? ORDER BY r.id DESC LIMIT 1').get(credentialId) as { credential: string; rubric: string };
      return { credential: JSON.parse(row.credential) as MicroCredential, rubric: JSON.parse(row.rubric) as RubricVersion };
    }),
    assessors: assessorIds.map((id) => ({ id, displayName: store.account(id)?.displayName ?? id })),
    rules: store.quality.allRules(),
    ratings,
    lockouts,
    qualifications,
  };
}
