import type { MicroCredential, RubricVersion } from '../../shared/domain/rubric';
import { allCriteria } from '../../shared/domain/rubric';
import type { Assignment, DecisionRequest } from '../../shared/hosted-api/schemas';
import type {
  AccuracyReport,
  CalibrationFeedback,
  CalibrationResponseRequest,
  CalibrationSet,
  CalibrationSetCreate,
  MasterScore,
  QualificationStatus,
  QualityRules,
} from '../../shared/hosted-api/quality';
import { randomBytes } from 'node:crypto';
import { compareMoments, momentsOf } from '../../shared/domain/cited-evidence';
import type { CitedMoment } from '../../shared/domain/cited-evidence';
import { weekStart } from '../../shared/quality/dashboard';
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

export interface ResponseBody {
  scores: CalibrationResponseRequest['scores'];
  /** Absent in responses stored before evidence was compared. */
  evidence?: CalibrationResponseRequest['evidence'];
}

/**
 * Scoring quality on the reference server: rules per micro-credential, calibration sets and
 * responses, qualification, double scoring and adjudication, gold items. Shares the store's database.
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

  setRules(rules: QualityRules): QualityRules {
    if (!this.credentialIds().includes(rules.credentialId)) throw new FieldErrors([{ path: 'credentialId', message: 'No such micro-credential.' }]);
    if (rules.qualification && !this.set(rules.qualification.setId)) throw new FieldErrors([{ path: 'qualification.setId', message: 'No such calibration set.' }]);
    if (rules.qualification && this.set(rules.qualification.setId)?.credentialId !== rules.credentialId) {
      throw new FieldErrors([{ path: 'qualification.setId', message: 'That set is for another micro-credential.' }]);
    }
    this.store.sql('INSERT OR REPLACE INTO quality_rules VALUES (?, ?)').run(rules.credentialId, JSON.stringify(rules));
    return rules;
  }

  credentialIds(): string[] {
    return (this.store.sql('SELECT id FROM credentials ORDER BY id').all() as { id: string }[]).map((row) => row.id);
  }

  // ── calibration sets ─────────────────────────────────────────────────────────────────────────

  createSet(ownerId: string, body: CalibrationSetCreate, now: Date): CalibrationSet {
    const errors: { path: string; message: string }[] = [];
    body.items.forEach((item, index) => {
      const submission = this.store.submission(item.submissionId);
      if (!submission) return errors.push({ path: `items.${index}.submissionId`, message: 'No such submission.' });
      if (submission.credential.id !== body.credentialId) return errors.push({ path: `items.${index}.submissionId`, message: 'That submission is for another micro-credential.' });
      const problem = masterProblem(submission.rubric, item.scores);
      if (problem) errors.push({ path: `items.${index}.scores`, message: problem });
    });
    if (new Set(body.items.map((item) => item.submissionId)).size !== body.items.length) errors.push({ path: 'items', message: 'A submission appears twice.' });
    if (errors.length > 0) throw new FieldErrors(errors);
    const id = `set-${randomBytes(6).toString('hex')}`;
    const createdAt = now.toISOString();
    this.store.db.transaction(() => {
      this.store.sql('INSERT INTO calibration_sets VALUES (?, ?, ?, ?, ?)').run(id, body.credentialId, body.title, ownerId, createdAt);
      const insert = this.store.sql('INSERT INTO calibration_items VALUES (?, ?, ?, ?)');
      body.items.forEach((item, position) => insert.run(id, item.submissionId, position, JSON.stringify(item.scores)));
    })();
    return this.set(id)!;
  }

  set(id: string): CalibrationSet | null {
    const row = this.store.sql('SELECT * FROM calibration_sets WHERE id = ?').get(id) as { id: string; credential_id: string; title: string; created_at: string } | undefined;
    if (!row) return null;
    const items = this.store.sql('SELECT submission_id FROM calibration_items WHERE set_id = ? ORDER BY position').all(id) as { submission_id: string }[];
    return { id: row.id, credentialId: row.credential_id, title: row.title, createdAt: row.created_at, submissionIds: items.map((item) => item.submission_id) };
  }

  sets(credentialId?: string): CalibrationSet[] {
    const rows = this.store.sql('SELECT id FROM calibration_sets WHERE @credentialId IS NULL OR credential_id = @credentialId ORDER BY created_at, id').all({ credentialId: credentialId ?? null }) as { id: string }[];
    return rows.map((row) => this.set(row.id)!);
  }

  private masters(setId: string): Map<string, MasterScore[]> {
    const rows = this.store.sql('SELECT submission_id, master FROM calibration_items WHERE set_id = ?').all(setId) as { submission_id: string; master: string }[];
    return new Map(rows.map((row) => [row.submission_id, JSON.parse(row.master) as MasterScore[]]));
  }

  /** Records (or replaces: a retake) an assessor's scores on one calibration submission, and compares them with the master. */
  respond(accountId: string, setId: string, body: CalibrationResponseRequest, now: Date): CalibrationFeedback {
    const set = this.set(setId);
    if (!set) throw new FieldErrors([{ path: 'setId', message: 'No such calibration set.' }]);
    const master = this.masters(setId).get(body.submissionId);
    if (!master) throw new FieldErrors([{ path: 'submissionId', message: 'That submission is not in this set.' }]);
    this.store.sql('INSERT OR REPLACE INTO calibration_responses VALUES (?, ?, ?, ?, ?)').run(setId, body.submissionId, accountId, JSON.stringify({ scores: body.scores, evidence: body.evidence }), body.respondedAt);
    const given = new Map(body.scores.map((score) => [score.criterionId, score.level]));
    const cited = new Map(body.evidence.map((item) => [item.criterionId, item.moments]));
    const criteria = master.map((score) => ({
      criterionId: score.criterionId,
      level: given.get(score.criterionId) ?? null,
      masterLevel: score.level,
      masterRationale: score.rationale,
      evidence: (score.evidence ?? []).length > 0 ? compareMoments(score.evidence, cited.get(score.criterionId) ?? []) : null,
    }));
    const exact = criteria.filter((criterion) => criterion.level === criterion.masterLevel).length;
    this.store.lockouts.afterCalibration(accountId, setId, now); // a recalibration passed lets the assessor back in
    return { setId, submissionId: body.submissionId, criteria, exactAgreement: criteria.length > 0 ? exact / criteria.length : null, qualification: this.qualification(accountId, set.credentialId) };
  }

  // ── qualification ────────────────────────────────────────────────────────────────────────────

  /** Where the assessor stands on a credential: qualification on its set, unless a lockout suspends their live claims. */
  qualification(accountId: string, credentialId: string): QualificationStatus {
    const status = this.qualificationOnSet(accountId, credentialId);
    const lockout = status.status === 'not_required' && this.isLead(accountId) ? null : this.store.lockouts.active(accountId, credentialId);
    if (!lockout) return status;
    const figure = `${Math.round(lockout.figure * 100)}%`;
    const why = lockout.trigger === 'gold' ? `exact agreement on the last ${lockout.window} gold items was ${figure}` : `a lead overrode ${figure} of the criteria backread in the last ${lockout.window} decisions`;
    return { ...status, status: 'locked_out', lockout, reason: `Live claims suspended: ${why}. Score the recalibration set "${lockout.recalibration.setTitle}" to lift it.` };
  }

  private isLead(accountId: string): boolean {
    return this.store.account(accountId)?.roles.includes('lead') ?? false;
  }

  /**
   * How an assessor's latest responses to a set (made at or after `since`) compare with its master
   * scores: items scored, share of criteria exactly as the master, the furthest any criterion was.
   */
  scoreOnSet(accountId: string, setId: string, since = ''): { requiredItems: number; scoredItems: number; agreement: number | null; maxOff: number | null } {
    const masters = this.masters(setId);
    const responses = new Map(
      (this.store.sql('SELECT submission_id, body FROM calibration_responses WHERE set_id = ? AND account_id = ? AND responded_at >= ?').all(setId, accountId, since) as { submission_id: string; body: string }[]).map((row) => [
        row.submission_id,
        (JSON.parse(row.body) as ResponseBody).scores,
      ]),
    );
    const requiredItems = masters.size;
    const scoredItems = [...masters.keys()].filter((id) => responses.has(id)).length;
    if (scoredItems < requiredItems || requiredItems === 0) return { requiredItems, scoredItems, agreement: null, maxOff: null };
    let exact = 0;
    let total = 0;
    let maxOff = 0;
    for (const [submissionId, master] of masters) {
      const given = new Map(responses.get(submissionId)!.map((score) => [score.criterionId, score.level]));
      for (const score of master) {
        const level = given.get(score.criterionId) ?? null;
        total += 1;
        if (level === score.level) exact += 1;
        maxOff = Math.max(maxOff, level === null ? 10 : Math.abs(level - score.level));
      }
    }
    return { requiredItems, scoredItems, agreement: total > 0 ? exact / total : 0, maxOff };
  }

  private qualificationOnSet(accountId: string, credentialId: string): QualificationStatus {
    const rule = this.rules(credentialId)?.qualification ?? null;
    const credential = this.store.sql('SELECT body FROM credentials WHERE id = ?').get(credentialId) as { body: string } | undefined;
    const credentialTitle = credential ? (JSON.parse(credential.body) as MicroCredential).title : credentialId;
    const base = { credentialId, credentialTitle, setId: rule?.setId ?? null, exactAgreement: null, maxLevelsOff: null, required: rule ? { exactAgreement: rule.minExactAgreement, maxLevelsOff: rule.maxLevelsOff } : null, lockout: null };
    // Leads set the rules and score the masters: they do not qualify on their own credentials.
    if (!rule || this.isLead(accountId)) return { ...base, status: 'not_required', scoredItems: 0, requiredItems: 0, reason: null };
    const { requiredItems, scoredItems, agreement, maxOff } = this.scoreOnSet(accountId, rule.setId);
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
      reason: reasons.length === 0 ? null : `Not qualified: ${reasons.join(' ')} Score the calibration set again to retry.`,
    };
  }

  qualifications(accountId: string): QualificationStatus[] {
    return this.credentialIds().map((credentialId) => this.qualification(accountId, credentialId));
  }

  // ── claiming: qualification gate, double scoring, gold items ─────────────────────────────────

  /**
   * Leases up to `size` submissions as one batch, from the micro-credentials this assessor may score.
   * A submission is chosen for double scoring (at the credential's rate) when first claimed, and then
   * waits for a second assessor; never the same assessor twice (unless they released it). Gold items take slots at the gold rate.
   */
  claim(accountId: string, size: number, now: Date, leaseSeconds: number, random: () => number): { batch: { id: string; claimedAt: string; leaseExpiresAt: string; dueAt: string }; assignments: Assignment[] } {
    const statuses = this.qualifications(accountId);
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
      const live = this.store
        .sql(
          `SELECT s.id, s.credential_id FROM submissions s LEFT JOIN double_scoring ds ON ds.submission_id = s.id
           WHERE s.credential_id IN (SELECT value FROM json_each(?))
             AND NOT EXISTS (SELECT 1 FROM gold_items g WHERE g.alias_id = s.id)
             AND NOT EXISTS (SELECT 1 FROM calibration_items ci WHERE ci.submission_id = s.id)
             AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.submission_id = s.id AND a.account_id = ? AND a.state != 'released')
             AND (SELECT count(*) FROM decisions d WHERE d.submission_id = s.id)
               + (SELECT count(*) FROM assignments a WHERE a.submission_id = s.id AND a.state = 'assigned' AND a.lease_expires_at > ?) < 1 + coalesce(ds.double, 0)
           ORDER BY s.position LIMIT ?`,
        )
        .all(JSON.stringify(eligible), accountId, nowIso, size - goldSlots) as { id: string; credential_id: string }[];
      const markDouble = this.store.sql('INSERT OR IGNORE INTO double_scoring VALUES (?, ?)');
      for (const row of live) markDouble.run(row.id, random() < (this.rules(row.credential_id)?.doubleScoringRate ?? 0) ? 1 : 0);
      const gold = this.goldItems(accountId, goldCredentials, goldSlots);
      // Gold items sit among the live ones at random places, so their position gives nothing away.
      const ids = live.map((row) => row.id);
      for (const alias of gold) ids.splice(Math.floor(random() * (ids.length + 1)), 0, alias);
      this.store.sql('INSERT INTO batches VALUES (?, ?, ?, ?, ?)').run(batchId, accountId, nowIso, leaseExpiresAt, leaseExpiresAt);
      const insert = this.store.sql(`INSERT INTO assignments VALUES (?, ?, ?, ?, ?, ?, 'assigned')`);
      ids.forEach((id, position) => insert.run(id, accountId, batchId, position, leaseExpiresAt, leaseExpiresAt));
      return {
        batch: { id: batchId, claimedAt: nowIso, leaseExpiresAt, dueAt: leaseExpiresAt },
        assignments: ids.map((submissionId, position) => ({ submissionId, batchId, position, leaseExpiresAt, dueAt: leaseExpiresAt, state: 'assigned' as const })),
      };
    })();
  }

  /** Copies of calibration submissions under fresh ids and labels, like any other submission. */
  private goldItems(accountId: string, credentials: string[], count: number): string[] {
    if (count === 0) return [];
    const sources = this.store
      .sql(
        `SELECT ci.set_id, ci.submission_id FROM calibration_items ci JOIN calibration_sets cs ON cs.id = ci.set_id
         WHERE cs.credential_id IN (SELECT value FROM json_each(?))
         ORDER BY (SELECT count(*) FROM gold_items g WHERE g.source_id = ci.submission_id AND g.account_id = ?), ci.set_id, ci.position`,
      )
      .all(JSON.stringify(credentials), accountId) as { set_id: string; submission_id: string }[];
    const aliases: string[] = [];
    for (let index = 0; index < count && sources.length > 0; index++) {
      const source = sources[index % sources.length]!;
      const original = this.store.submission(source.submission_id)!;
      const position = (this.store.sql('SELECT coalesce(max(position), -1) + 1 AS next FROM submissions').get() as { next: number }).next;
      const aliasId = `${source.submission_id.split('-').slice(0, 2).join('-')}-${String(position + 1).padStart(3, '0')}`;
      this.store.saveSubmission({
        id: aliasId,
        label: `Submission ${String(position + 1).padStart(4, '0')}`,
        credentialId: original.credential.id,
        rubricVersionId: original.rubric.id,
        attempt: original.attempt,
        submittedAt: original.submittedAt,
        previousAttempts: original.previousAttempts,
        position,
      });
      original.evidence.forEach((evidence, evidencePosition) =>
        this.store.saveEvidence({ ...evidence, item: { ...evidence.item, id: `${aliasId}-ev-${evidencePosition}` }, submissionId: aliasId }, evidencePosition),
      );
      this.store.sql('INSERT INTO gold_items VALUES (?, ?, ?, ?)').run(aliasId, source.submission_id, source.set_id, accountId);
      this.store.sql('INSERT OR IGNORE INTO double_scoring VALUES (?, 0)').run(aliasId);
      aliases.push(aliasId);
    }
    return aliases;
  }

  // ── after a decision: gold scoring and adjudication ──────────────────────────────────────────

  afterDecision(accountId: string, submissionId: string, decision: DecisionRequest, now: Date): void {
    const gold = this.store.sql('SELECT source_id, set_id FROM gold_items WHERE alias_id = ?').get(submissionId) as { source_id: string; set_id: string } | undefined;
    if (gold) {
      const master = this.masters(gold.set_id).get(gold.source_id) ?? [];
      const given = new Map(decision.scores.map((score) => [score.criterionId, score.level]));
      const insert = this.store.sql('INSERT OR REPLACE INTO gold_results VALUES (?, ?, ?, ?, ?, ?)');
      for (const score of master) insert.run(submissionId, accountId, score.criterionId, given.get(score.criterionId) ?? null, score.level, now.toISOString());
      this.compareGoldEvidence(submissionId, gold.source_id, master, decision);
      this.store.lockouts.evaluate(accountId, this.credentialOf(gold.source_id), now);
      return;
    }
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

  /**
   * Whether the assessor cited the moments the master's levels rest on. The gold item is a copy of
   * the master's submission: its evidence is the source's, item by item, under ids of its own.
   */
  private compareGoldEvidence(aliasId: string, sourceId: string, master: MasterScore[], decision: DecisionRequest): void {
    const positions = this.store.sql('SELECT id, position FROM evidence WHERE submission_id = ?').all(sourceId) as { id: string; position: number }[];
    const aliasOf = new Map(positions.map((item) => [item.id, `${aliasId}-ev-${item.position}`]));
    const insert = this.store.sql('INSERT OR REPLACE INTO gold_evidence VALUES (?, ?, ?, ?)');
    for (const score of master) {
      const moments = (score.evidence ?? []).map((moment) => ({ ...moment, evidenceId: aliasOf.get(moment.evidenceId) ?? moment.evidenceId }));
      const tally = evidenceTally(moments, momentsOf(decision.comments, score.criterionId));
      if (tally) insert.run(aliasId, score.criterionId, tally.master, tally.cited);
    }
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

  isGoldItem(submissionId: string): boolean {
    return !!this.store.sql('SELECT 1 FROM gold_items WHERE alias_id = ?').get(submissionId);
  }

  /** The assessor's exact and adjacent agreement with the master on gold items, by week. */
  accuracy(accountId: string): AccuracyReport {
    const rows = this.store.sql('SELECT level, master_level, at FROM gold_results WHERE account_id = ? ORDER BY at').all(accountId) as { level: number | null; master_level: number; at: string }[];
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

/** Why master scores do not fit the rubric (every criterion once, on its scale), or null. */
function masterProblem(rubric: RubricVersion, scores: MasterScore[]): string | null {
  const criteria = new Map(allCriteria(rubric).map((criterion) => [criterion.id, criterion]));
  if (scores.length !== criteria.size || new Set(scores.map((score) => score.criterionId)).size !== scores.length) return `Give every one of the ${criteria.size} criteria exactly one master score.`;
  for (const score of scores) {
    const criterion = criteria.get(score.criterionId);
    if (!criterion) return `${score.criterionId} is not a criterion of this rubric.`;
    if (!criterion.levels.some((level) => level.level === score.level)) return `${score.level} is not a level of ${score.criterionId}.`;
  }
  return null;
}
