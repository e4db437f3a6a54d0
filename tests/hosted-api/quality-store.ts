import type { MicroCredential } from '../../shared/domain/rubric';
import type { Assignment, DecisionRequest } from '../../shared/hosted-api/schemas';
import type { AccuracyReport, QualificationStatus, QualityRules } from '../../shared/hosted-api/quality';
import { randomBytes } from 'node:crypto';
import { compareMoments } from '../../shared/domain/cited-evidence';
import type { CitedMoment } from '../../shared/domain/cited-evidence';
import { weekStart } from '../../shared/quality/dashboard';
import { goldResultDelayMs } from './gold-store';
import type { HostedStore } from './store';

/** A request the server refuses with field errors (422). */
export class FieldErrors extends Error {
  constructor(readonly fields: { path: string; message: string }[]) {
    super('The request did not validate.');
  }
}

/** Live claims are blocked until the assessor qualifies (403, with the reasons per credential). */
export class NotQualified extends Error {
  constructor(readonly qualifications: QualificationStatus[]) {
    super(qualifications.map((item) => item.reason).filter(Boolean).join(' ') || 'Qualify before claiming live work.');
  }
}

/**
 * Scoring quality on the reference server: rules per micro-credential, qualification, claims
 * (double scoring, gold slots), what a decision sets off, accuracy. Calibration sets and answers are
 * in CalibrationStore, gold copies in GoldStore; all share the store's database.
 */
export class QualityStore {
  constructor(private readonly store: HostedStore) {}

  // ── rules ────────────────────────────────────────────────────────────────────────────────────

  rules(credentialId: string): QualityRules | null {
    const row = this.store.sql('SELECT body FROM quality_rules WHERE credential_id = ?').get(credentialId) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as QualityRules) : null;
  }

  allRules(): QualityRules[] {
    return (this.store.sql('SELECT body FROM quality_rules ORDER BY credential_id').all() as { body: string }[]).map((row) => JSON.parse(row.body) as QualityRules);
  }

  /** The rules, once every set they name exists, is a calibration set (never the gold pool) and is for this credential. */
  setRules(rules: QualityRules): QualityRules {
    if (!this.credentialIds().includes(rules.credentialId)) throw new FieldErrors([{ path: 'credentialId', message: 'No such micro-credential.' }]);
    const problems = [
      ...(rules.qualification ? this.setProblem(rules.credentialId, rules.qualification.setId, 'qualification.setId') : []),
      ...(rules.lockout ? this.setProblem(rules.credentialId, rules.lockout.recalibrationSetId, 'lockout.recalibrationSetId') : []),
    ];
    if (problems.length > 0) throw new FieldErrors(problems);
    this.store.sql('INSERT OR REPLACE INTO quality_rules VALUES (?, ?)').run(rules.credentialId, JSON.stringify(rules));
    return rules;
  }

  private setProblem(credentialId: string, setId: string, path: string): { path: string; message: string }[] {
    const set = this.store.calibration.kindOf(setId);
    if (!set) return [{ path, message: 'No such calibration set.' }];
    if (set.purpose !== 'calibration') return [{ path, message: 'That set is the gold pool: assessors never see it, so it cannot be scored to qualify.' }];
    if (set.credentialId !== credentialId) return [{ path, message: 'That set is for another micro-credential.' }];
    return [];
  }

  credentialIds(): string[] {
    return (this.store.sql('SELECT id FROM credentials ORDER BY id').all() as { id: string }[]).map((row) => row.id);
  }

  // ── qualification ────────────────────────────────────────────────────────────────────────────

  /** Where the assessor stands on a credential: qualification on its set, unless a lockout suspends their live claims. */
  qualification(accountId: string, credentialId: string): QualificationStatus {
    const status = this.qualificationOnSet(accountId, credentialId);
    const lockout = status.status === 'not_required' && this.store.isLead(accountId) ? null : this.store.lockouts.active(accountId, credentialId);
    if (!lockout) return status;
    const figure = `${Math.round(lockout.figure * 100)}%`;
    const why = lockout.trigger === 'gold' ? `exact agreement on the last ${lockout.window} gold items was ${figure}` : `a lead overrode ${figure} of the criteria backread in the last ${lockout.window} decisions`;
    const todo = lockout.recalibration.needsLead
      ? `You answered the recalibration set "${lockout.recalibration.setTitle}" before: a lead must allow a retake (or lift the lockout).`
      : `Score the recalibration set "${lockout.recalibration.setTitle}" to lift it.`;
    return { ...status, status: 'locked_out', lockout, reason: `Live claims suspended: ${why}. ${todo}` };
  }

  private qualificationOnSet(accountId: string, credentialId: string): QualificationStatus {
    const rule = this.rules(credentialId)?.qualification ?? null;
    const credential = this.store.sql('SELECT body FROM credentials WHERE id = ?').get(credentialId) as { body: string } | undefined;
    const credentialTitle = credential ? (JSON.parse(credential.body) as MicroCredential).title : credentialId;
    const base = { credentialId, credentialTitle, setId: rule?.setId ?? null, exactAgreement: null, maxLevelsOff: null, required: rule ? { exactAgreement: rule.minExactAgreement, maxLevelsOff: rule.maxLevelsOff } : null, lockout: null };
    // Leads set the rules and score the masters: they do not qualify on their own credentials.
    if (!rule || this.store.isLead(accountId)) return { ...base, status: 'not_required', scoredItems: 0, requiredItems: 0, reason: null };
    const { requiredItems, scoredItems, agreement, maxOff } = this.store.calibration.scoreOnSet(accountId, rule.setId);
    if (scoredItems === 0) return { ...base, status: 'not_started', scoredItems, requiredItems, reason: `Score the ${requiredItems} calibration submissions of this micro-credential to qualify.` };
    if (agreement === null || maxOff === null) return { ...base, status: 'in_progress', scoredItems, requiredItems, reason: `Calibration in progress: ${scoredItems} of ${requiredItems} submissions scored.` };
    const reasons: string[] = [];
    if (agreement < rule.minExactAgreement) reasons.push(`${Math.round(agreement * 100)}% exact agreement with the master scores (${Math.round(rule.minExactAgreement * 100)}% needed).`);
    if (maxOff > rule.maxLevelsOff) reasons.push(`A criterion was ${maxOff} levels from the master score (at most ${rule.maxLevelsOff} allowed).`);
    return {
      ...base,
      status: reasons.length === 0 ? 'qualified' : 'not_qualified',
      scoredItems,
      requiredItems,
      exactAgreement: agreement,
      maxLevelsOff: maxOff,
      reason: reasons.length === 0 ? null : `Not qualified: ${reasons.join(' ')} A lead can reset the set for a retake.`,
    };
  }

  /** Where the assessor stands on every credential, once the lockout rules have looked at what came due (gold results a day old). */
  qualifications(accountId: string, now: Date): QualificationStatus[] {
    return this.credentialIds().map((credentialId) => {
      this.store.lockouts.evaluate(accountId, credentialId, now);
      return this.qualification(accountId, credentialId);
    });
  }

  // ── claiming: qualification gate, double scoring, gold items ─────────────────────────────────

  /**
   * Leases up to `size` submissions as one batch, from the micro-credentials this assessor may score.
   * A submission is chosen for double scoring (at the credential's rate) when first claimed, and then
   * waits for a second assessor; never the same assessor twice (unless they released it). Gold items take slots at the gold rate.
   */
  claim(accountId: string, size: number, now: Date, leaseSeconds: number, random: () => number): { batch: { id: string; claimedAt: string; leaseExpiresAt: string; dueAt: string }; assignments: Assignment[] } {
    const statuses = this.qualifications(accountId, now);
    const eligible = statuses.filter((status) => status.status === 'not_required' || status.status === 'qualified').map((status) => status.credentialId);
    if (eligible.length === 0) throw new NotQualified(statuses);
    return this.store.db.transaction(() => {
      const nowIso = now.toISOString();
      const leaseExpiresAt = new Date(now.getTime() + leaseSeconds * 1000).toISOString();
      const batchId = `batch-${randomBytes(6).toString('hex')}`;
      // Each slot is gold at the highest gold rate among the credentials this batch can draw from.
      const goldCredentials = eligible.filter((credentialId) => (this.rules(credentialId)?.goldRate ?? 0) > 0);
      const goldRate = Math.max(0, ...goldCredentials.map((credentialId) => this.rules(credentialId)!.goldRate));
      const goldSlots = Array.from({ length: size }, () => random()).filter((draw) => draw < goldRate).length;
      // Slots the gold pool cannot fill (this assessor has had all of it) go to live work.
      const gold = this.store.gold.copiesFor(accountId, goldCredentials, goldSlots, random);
      const live = this.store
        .sql(
          `SELECT s.id, s.credential_id FROM submissions s LEFT JOIN double_scoring ds ON ds.submission_id = s.id
           WHERE s.credential_id IN (SELECT value FROM json_each(?))
             AND NOT EXISTS (SELECT 1 FROM gold_items g WHERE g.alias_id = s.id AND g.account_id != ?)
             AND NOT EXISTS (SELECT 1 FROM calibration_items ci WHERE ci.submission_id = s.id)
             AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.submission_id = s.id AND a.account_id = ? AND a.state != 'released')
             AND (SELECT count(*) FROM decisions d WHERE d.submission_id = s.id)
               + (SELECT count(*) FROM assignments a WHERE a.submission_id = s.id AND a.state = 'assigned' AND a.lease_expires_at > ?) < 1 + coalesce(ds.double, 0)
           ORDER BY s.position LIMIT ?`,
        )
        .all(JSON.stringify(eligible), accountId, accountId, nowIso, size - gold.length) as { id: string; credential_id: string }[];
      const markDouble = this.store.sql('INSERT OR IGNORE INTO double_scoring VALUES (?, ?)');
      for (const row of live) markDouble.run(row.id, random() < (this.rules(row.credential_id)?.doubleScoringRate ?? 0) ? 1 : 0);
      // Gold items sit among the live ones at random places, and the labels run in order along the
      // queue, so neither their place nor their label gives them away.
      const ids = live.map((row) => row.id);
      for (const alias of gold) ids.splice(Math.floor(random() * (ids.length + 1)), 0, alias);
      this.store.labelInOrder(ids, gold);
      this.store.sql('INSERT INTO batches VALUES (?, ?, ?, ?, ?)').run(batchId, accountId, nowIso, leaseExpiresAt, leaseExpiresAt);
      const insert = this.store.sql(`INSERT INTO assignments VALUES (?, ?, ?, ?, ?, ?, 'assigned')`);
      ids.forEach((id, position) => insert.run(id, accountId, batchId, position, leaseExpiresAt, leaseExpiresAt));
      return {
        batch: { id: batchId, claimedAt: nowIso, leaseExpiresAt, dueAt: leaseExpiresAt },
        assignments: ids.map((submissionId, position) => ({ submissionId, batchId, position, leaseExpiresAt, dueAt: leaseExpiresAt, state: 'assigned' as const })),
      };
    })();
  }

  // ── after a decision: gold scoring and adjudication ──────────────────────────────────────────

  afterDecision(accountId: string, submissionId: string, decision: DecisionRequest, now: Date): void {
    const gold = this.store.gold.scoreDecision(submissionId, accountId, decision, now);
    // Every decision looks at the lockout rule again (gold results count a day late, so not only gold ones).
    this.store.lockouts.evaluate(accountId, gold?.credentialId ?? this.credentialOf(submissionId), now);
    if (gold) return;
    const credentialId = this.credentialOf(submissionId);
    this.store.backreading.sample(accountId, submissionId, this.rules(credentialId)?.backreadingRate ?? 0, !!this.store.lockouts.active(accountId, credentialId), now);
    const doubled = this.store.sql('SELECT double FROM double_scoring WHERE submission_id = ?').get(submissionId) as { double: number } | undefined;
    if (!doubled?.double) return;
    const decisions = this.decisionsOn(submissionId);
    if (decisions.length !== 2) return;
    const [first, second] = decisions as [StoredDecision, StoredDecision];
    const tolerance = this.rules(credentialId)?.adjudicationTolerance ?? 0;
    const reasons: string[] = [];
    if (first.body.outcome !== second.body.outcome) reasons.push('outcome_differs');
    const other = new Map(second.body.scores.map((score) => [score.criterionId, score.level]));
    const apart = first.body.scores.some((score) => {
      const level = other.get(score.criterionId) ?? null;
      return score.level === null || level === null ? score.level !== level : Math.abs(score.level - level) > tolerance;
    });
    if (apart) reasons.push('scores_differ');
    if (reasons.length > 0) this.store.sql('INSERT OR IGNORE INTO adjudications (submission_id, reasons, created_at) VALUES (?, ?, ?)').run(submissionId, JSON.stringify(reasons), now.toISOString());
  }

  private credentialOf(submissionId: string): string {
    return (this.store.sql('SELECT credential_id FROM submissions WHERE id = ?').get(submissionId) as { credential_id: string }).credential_id;
  }

  /** The decisions received on a submission, oldest first. */
  decisionsOn(submissionId: string): StoredDecision[] {
    return (this.store.sql('SELECT account_id, body, received_at FROM decisions WHERE submission_id = ? ORDER BY received_at, rowid').all(submissionId) as { account_id: string; body: string; received_at: string }[]).map((row) => ({
      accountId: row.account_id,
      body: JSON.parse(row.body) as DecisionRequest,
      receivedAt: row.received_at,
    }));
  }

  /**
   * The assessor's exact and adjacent agreement with the master on gold items, by week. A gold result
   * counts from a day after the decision, so the report never says which of today's submissions was gold.
   */
  accuracy(accountId: string, now: Date): AccuracyReport {
    const until = new Date(now.getTime() - goldResultDelayMs).toISOString();
    const rows = this.store.sql('SELECT level, master_level, at FROM gold_results WHERE account_id = ? AND at <= ? ORDER BY at').all(accountId, until) as { level: number | null; master_level: number; at: string }[];
    const weeks = new Map<string, AccuracyReport['weeks'][number]>();
    const weekOf = (key: string): AccuracyReport['weeks'][number] => weeks.get(key) ?? { weekStart: key, criteria: 0, exact: 0, adjacent: 0, backread: 0, overridden: 0 };
    for (const row of rows) {
      const key = weekStart(row.at);
      const week = weekOf(key);
      week.criteria += 1;
      if (row.level === row.master_level) week.exact += 1;
      if (row.level !== null && Math.abs(row.level - row.master_level) <= 1) week.adjacent += 1;
      weeks.set(key, week);
    }
    for (const [key, backread] of this.store.backreading.weeks(accountId)) weeks.set(key, { ...weekOf(key), ...backread });
    return { weeks: [...weeks.values()].sort((a, b) => a.weekStart.localeCompare(b.weekStart)) };
  }
}

/** How many of the master's cited moments the assessor cited too (null when the master cited none). */
export function evidenceTally(master: CitedMoment[] | undefined, given: CitedMoment[]): { master: number; cited: number } | null {
  const comparison = compareMoments(master ?? [], given);
  return comparison.overlap === null ? null : { master: comparison.master.length, cited: comparison.master.filter((item) => item.cited).length };
}

export interface StoredDecision {
  accountId: string;
  body: DecisionRequest;
  receivedAt: string;
}
