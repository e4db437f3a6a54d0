import { randomBytes } from 'node:crypto';
import { compareMoments } from '../../shared/domain/cited-evidence';
import { futureTimeProblem, scoreProblems } from '../../shared/domain/decision-check';
import type { CalibrationAttempt, CalibrationFeedback, CalibrationResponseRequest, CalibrationSet, CalibrationSetCreate, MasterScore, SetPurpose } from '../../shared/hosted-api/quality';
import { FieldErrors } from './quality-store';
import type { HostedStore } from './store';

export const calibrationTables = `
CREATE TABLE IF NOT EXISTS calibration_sets (id TEXT PRIMARY KEY, credential_id TEXT NOT NULL, title TEXT NOT NULL, owner_id TEXT NOT NULL, created_at TEXT NOT NULL,
  purpose TEXT NOT NULL CHECK (purpose IN ('calibration', 'gold'))) STRICT;
CREATE TABLE IF NOT EXISTS calibration_items (set_id TEXT NOT NULL REFERENCES calibration_sets(id), submission_id TEXT NOT NULL REFERENCES submissions(id), position INTEGER NOT NULL, master TEXT NOT NULL, PRIMARY KEY (set_id, submission_id)) STRICT;
-- One row per answer: the first answer to an item in an attempt is final (the key refuses a second).
CREATE TABLE IF NOT EXISTS calibration_responses (set_id TEXT NOT NULL, submission_id TEXT NOT NULL, account_id TEXT NOT NULL, attempt INTEGER NOT NULL, body TEXT NOT NULL,
  responded_at TEXT NOT NULL, received_at TEXT NOT NULL, PRIMARY KEY (set_id, submission_id, account_id, attempt)) STRICT;
-- Attempts after the first: each opened by a lead's recorded reset (who, when, why).
CREATE TABLE IF NOT EXISTS calibration_attempts (set_id TEXT NOT NULL, account_id TEXT NOT NULL, attempt INTEGER NOT NULL, opened_at TEXT NOT NULL,
  opened_by TEXT NOT NULL, note TEXT NOT NULL, PRIMARY KEY (set_id, account_id, attempt)) STRICT;
`;

interface SetRow {
  id: string;
  credential_id: string;
  title: string;
  created_at: string;
  purpose: SetPurpose;
}

export interface ResponseBody {
  scores: CalibrationResponseRequest['scores'];
  evidence?: CalibrationResponseRequest['evidence'];
}

/** A second answer to an item already answered in this attempt (409). */
export class AlreadyAnswered extends Error {
  constructor(readonly answeredAt: string) {
    super(`This item was answered at ${answeredAt}; the first answer to a calibration item is final. A lead can reset the set for a retake.`);
  }
}

/**
 * Calibration sets on the reference server and the answers to them. A set is either *calibration*
 * (assessors see it, score it to qualify or recalibrate, and read the master's levels after each
 * answer) or *gold* (a pool assessors never see: its submissions come back as copies in live work).
 * The first answer to an item is final within an attempt; a new attempt is a lead's recorded reset.
 */
export class CalibrationStore {
  constructor(private readonly store: HostedStore) {}

  createSet(ownerId: string, body: CalibrationSetCreate, now: Date): CalibrationSet {
    const errors: { path: string; message: string }[] = [];
    body.items.forEach((item, index) => {
      const submission = this.store.submission(item.submissionId);
      const path = `items.${index}.submissionId`;
      if (!submission) return errors.push({ path, message: 'No such submission.' });
      if (submission.credential.id !== body.credentialId) return errors.push({ path, message: 'That submission is for another micro-credential.' });
      // Gold must be material no assessor has read: never in a calibration set, never claimed; and a gold submission is in no other set.
      if (this.store.gold.isGoldItem(item.submissionId)) return errors.push({ path, message: 'That submission is a gold copy.' });
      const inSets = this.store.sql('SELECT cs.purpose FROM calibration_items ci JOIN calibration_sets cs ON cs.id = ci.set_id WHERE ci.submission_id = ?').all(item.submissionId) as { purpose: SetPurpose }[];
      if (inSets.some((other) => other.purpose === 'gold')) return errors.push({ path, message: 'That submission is in the gold pool: assessors must never see it.' });
      if (body.purpose === 'gold' && inSets.length > 0) return errors.push({ path, message: 'Assessors have read that submission in a calibration set: gold items must be new to them.' });
      if (body.purpose === 'gold' && this.store.sql('SELECT 1 FROM assignments WHERE submission_id = ?').get(item.submissionId)) {
        return errors.push({ path, message: 'Assessors have seen that submission in live work: gold items must be new to them.' });
      }
      errors.push(...scoreProblems(submission.rubric, item.scores, `items.${index}.scores`, { everyCriterion: true, levelRequired: true }));
    });
    if (errors.length > 0) throw new FieldErrors(errors);
    const id = `set-${randomBytes(6).toString('hex')}`;
    this.store.db.transaction(() => {
      this.store.sql('INSERT INTO calibration_sets (id, credential_id, title, owner_id, created_at, purpose) VALUES (?, ?, ?, ?, ?, ?)').run(id, body.credentialId, body.title, ownerId, now.toISOString(), body.purpose);
      const insert = this.store.sql('INSERT INTO calibration_items VALUES (?, ?, ?, ?)');
      body.items.forEach((item, position) => insert.run(id, item.submissionId, position, JSON.stringify(item.scores)));
    })();
    return this.set(id, ownerId)!;
  }

  private row(id: string): SetRow | null {
    return (this.store.sql('SELECT * FROM calibration_sets WHERE id = ?').get(id) as SetRow | undefined) ?? null;
  }

  /** A set as `viewer` may see it (with their current attempt), or null: unknown, or a gold set and the viewer no lead. */
  set(id: string, viewer: string): CalibrationSet | null {
    const row = this.row(id);
    if (!row || (row.purpose === 'gold' && !this.store.isLead(viewer))) return null;
    const items = this.store.sql('SELECT submission_id FROM calibration_items WHERE set_id = ? ORDER BY position').all(id) as { submission_id: string }[];
    const attempt = this.currentAttempt(id, viewer);
    const retake = this.store.sql('SELECT opened_at, note FROM calibration_attempts WHERE set_id = ? AND account_id = ? AND attempt = ?').get(id, viewer, attempt.attempt) as { opened_at: string; note: string } | undefined;
    return {
      id: row.id,
      credentialId: row.credential_id,
      title: row.title,
      createdAt: row.created_at,
      purpose: row.purpose,
      submissionIds: items.map((item) => item.submission_id),
      attempt: attempt.attempt,
      answeredSubmissionIds: [...this.answers(id, viewer, attempt.attempt).keys()],
      retake: retake ? { openedAt: retake.opened_at, note: retake.note } : null,
    };
  }

  /** The sets `viewer` may see: calibration sets for everyone, gold sets for leads only. */
  sets(viewer: string, credentialId?: string): CalibrationSet[] {
    const rows = this.store.sql('SELECT id FROM calibration_sets WHERE @credentialId IS NULL OR credential_id = @credentialId ORDER BY created_at, id').all({ credentialId: credentialId ?? null }) as { id: string }[];
    return rows.flatMap((row) => this.set(row.id, viewer) ?? []);
  }

  /** The credential and purpose of a set (null: no such set), whoever asks. */
  kindOf(id: string): { credentialId: string; purpose: SetPurpose } | null {
    const row = this.row(id);
    return row ? { credentialId: row.credential_id, purpose: row.purpose } : null;
  }

  /** Whether `accountId` may read this submission as calibration material: it is in a calibration set (never a gold one). */
  isReadableMaterial(submissionId: string): boolean {
    return !!this.store.sql(`SELECT 1 FROM calibration_items ci JOIN calibration_sets cs ON cs.id = ci.set_id WHERE ci.submission_id = ? AND cs.purpose = 'calibration'`).get(submissionId);
  }

  masters(setId: string): Map<string, MasterScore[]> {
    const rows = this.store.sql('SELECT submission_id, master FROM calibration_items WHERE set_id = ?').all(setId) as { submission_id: string; master: string }[];
    return new Map(rows.map((row) => [row.submission_id, JSON.parse(row.master) as MasterScore[]]));
  }

  /** The attempt an account is on (1 until a reset or a lockout opened another), and since when. */
  currentAttempt(setId: string, accountId: string): { attempt: number; openedAt: string | null } {
    const row = this.store.sql('SELECT attempt, opened_at FROM calibration_attempts WHERE set_id = ? AND account_id = ? ORDER BY attempt DESC LIMIT 1').get(setId, accountId) as { attempt: number; opened_at: string } | undefined;
    return row ? { attempt: row.attempt, openedAt: row.opened_at } : { attempt: 1, openedAt: null };
  }

  /** Whether the account has read master levels for any of the set's submissions: answered one, in any set, in any attempt. */
  hasReadMasters(setId: string, accountId: string): boolean {
    return !!this.store.sql(`SELECT 1 FROM calibration_responses r WHERE r.account_id = ? AND r.submission_id IN (SELECT submission_id FROM calibration_items WHERE set_id = ?) LIMIT 1`).get(accountId, setId);
  }

  /** Whether the account answered anything of the set in this attempt (and so read master levels). */
  hasAnswered(setId: string, accountId: string, attempt: number): boolean {
    return this.answers(setId, accountId, attempt).size > 0;
  }

  /** The answers of one attempt, by submission. */
  private answers(setId: string, accountId: string, attempt: number): Map<string, ResponseBody & { receivedAt: string }> {
    const rows = this.store.sql('SELECT submission_id, body, received_at FROM calibration_responses WHERE set_id = ? AND account_id = ? AND attempt = ?').all(setId, accountId, attempt) as { submission_id: string; body: string; received_at: string }[];
    return new Map(rows.map((row) => [row.submission_id, { ...(JSON.parse(row.body) as ResponseBody), receivedAt: row.received_at }]));
  }

  /**
   * Records an assessor's first answer to an item in their current attempt and compares it with the
   * master (the master's levels are told only now, for this item). A second answer is refused.
   */
  respond(accountId: string, setId: string, body: CalibrationResponseRequest, now: Date): CalibrationFeedback {
    const set = this.set(setId, accountId);
    if (!set || set.purpose !== 'calibration') throw new FieldErrors([{ path: 'setId', message: 'No such calibration set.' }]);
    const master = this.masters(setId).get(body.submissionId);
    if (!master) throw new FieldErrors([{ path: 'submissionId', message: 'That submission is not in this set.' }]);
    const rubric = this.store.submission(body.submissionId)!.rubric;
    // Every criterion scored: an answer is final and earns the master's levels, so a blank one would only read them.
    const problems = [...scoreProblems(rubric, body.scores, 'scores', { everyCriterion: true, levelRequired: true }), ...futureTimeProblem(body.respondedAt, now, 'respondedAt')];
    if (problems.length > 0) throw new FieldErrors(problems);
    const { attempt } = this.currentAttempt(setId, accountId);
    const earlier = this.answers(setId, accountId, attempt).get(body.submissionId);
    if (earlier) throw new AlreadyAnswered(earlier.receivedAt);
    this.store
      .sql('INSERT INTO calibration_responses (set_id, submission_id, account_id, attempt, body, responded_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(setId, body.submissionId, accountId, attempt, JSON.stringify({ scores: body.scores, evidence: body.evidence }), body.respondedAt, now.toISOString());
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
    return { setId, submissionId: body.submissionId, criteria, exactAgreement: criteria.length > 0 ? exact / criteria.length : null, qualification: this.store.quality.qualification(accountId, set.credentialId) };
  }

  /**
   * A lead's recorded reset: a new attempt for an account on a set; its earlier answers stay on record
   * but no longer count. Null when the current attempt has no answer yet (there is nothing to retake).
   */
  openAttempt(setId: string, accountId: string, by: string, note: string, now: Date): CalibrationAttempt | null {
    const { attempt } = this.currentAttempt(setId, accountId);
    if (!this.hasAnswered(setId, accountId, attempt)) return null;
    this.store.sql('INSERT INTO calibration_attempts VALUES (?, ?, ?, ?, ?, ?)').run(setId, accountId, attempt + 1, now.toISOString(), by, note);
    return { setId, accountId, attempt: attempt + 1, openedAt: now.toISOString(), openedBy: by, note };
  }

  /**
   * How an account's answers in one attempt (the current one by default) compare with the master:
   * items answered, share of criteria exactly as the master, the furthest any criterion was.
   */
  scoreOnSet(accountId: string, setId: string, attempt = this.currentAttempt(setId, accountId).attempt): { requiredItems: number; scoredItems: number; agreement: number | null; maxOff: number | null } {
    const masters = this.masters(setId);
    const responses = this.answers(setId, accountId, attempt);
    const requiredItems = masters.size;
    const scoredItems = [...masters.keys()].filter((id) => responses.has(id)).length;
    if (scoredItems < requiredItems || requiredItems === 0) return { requiredItems, scoredItems, agreement: null, maxOff: null };
    let exact = 0;
    let total = 0;
    let maxOff = 0;
    for (const [submissionId, master] of masters) {
      const given = new Map(responses.get(submissionId)!.scores.map((score) => [score.criterionId, score.level]));
      for (const score of master) {
        const level = given.get(score.criterionId) ?? null;
        total += 1;
        if (level === score.level) exact += 1;
        maxOff = Math.max(maxOff, level === null ? 10 : Math.abs(level - score.level));
      }
    }
    return { requiredItems, scoredItems, agreement: total > 0 ? exact / total : 0, maxOff };
  }
}
