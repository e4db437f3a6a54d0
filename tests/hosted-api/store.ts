import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MicroCredential, RubricVersion } from '../../shared/domain/rubric';
import type { PreviousAttempt } from '../../shared/domain/submission';
import type { Account, Assignment, EvidenceManifestItem, Role } from '../../shared/hosted-api/schemas';
import { AdjudicationStore } from './adjudication-store';
import { AuditStore, auditTables } from './audit-store';
import { BackreadingStore, backreadingTables } from './backreading-store';
import { LockoutStore, lockoutTables } from './lockout-store';
import { ReferralStore, referralTables } from './referral-store';
import { AuthStore, authTables } from './auth-store';
import { CalibrationStore, calibrationTables } from './calibration-store';
import { GoldStore, goldTables } from './gold-store';
import { QualityStore } from './quality-store';
import { isLead } from '../../shared/domain/roles';

/** The reference server's own database: persistent across restarts, like a real service's. */
const schema = `
CREATE TABLE IF NOT EXISTS credentials (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS rubrics (id TEXT PRIMARY KEY, credential_id TEXT NOT NULL, body TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS submissions (id TEXT PRIMARY KEY, label TEXT NOT NULL, credential_id TEXT NOT NULL, rubric_version_id TEXT NOT NULL, attempt INTEGER NOT NULL, submitted_at TEXT NOT NULL, previous_attempts TEXT NOT NULL, position INTEGER NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS evidence (id TEXT PRIMARY KEY, submission_id TEXT NOT NULL REFERENCES submissions(id), position INTEGER NOT NULL, body TEXT NOT NULL, file TEXT, captions_file TEXT) STRICT;
CREATE TABLE IF NOT EXISTS batches (id TEXT PRIMARY KEY, account_id TEXT NOT NULL, claimed_at TEXT NOT NULL, lease_expires_at TEXT NOT NULL, due_at TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS assignments (submission_id TEXT NOT NULL REFERENCES submissions(id), account_id TEXT NOT NULL, batch_id TEXT NOT NULL, position INTEGER NOT NULL, lease_expires_at TEXT NOT NULL, due_at TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('assigned', 'decided', 'released')), PRIMARY KEY (submission_id, account_id, batch_id)) STRICT;
CREATE TABLE IF NOT EXISTS decisions (id TEXT PRIMARY KEY, submission_id TEXT NOT NULL, account_id TEXT NOT NULL, body TEXT NOT NULL, received_at TEXT NOT NULL, UNIQUE (submission_id, account_id)) STRICT;
CREATE TABLE IF NOT EXISTS quality_rules (credential_id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS double_scoring (submission_id TEXT PRIMARY KEY REFERENCES submissions(id), double INTEGER NOT NULL CHECK (double IN (0, 1))) STRICT;
CREATE TABLE IF NOT EXISTS adjudications (submission_id TEXT PRIMARY KEY REFERENCES submissions(id), reasons TEXT NOT NULL, created_at TEXT NOT NULL, resolution TEXT, resolved_by TEXT, resolved_at TEXT) STRICT;
CREATE TABLE IF NOT EXISTS lead_notes (id TEXT PRIMARY KEY, submission_id TEXT NOT NULL REFERENCES submissions(id), account_id TEXT NOT NULL, reason TEXT NOT NULL, body TEXT NOT NULL, received_at TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS idempotency (account_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status INTEGER NOT NULL, response TEXT NOT NULL, PRIMARY KEY (account_id, key)) STRICT;
`;

/** Bumped when the tables above change shape: an old data folder is refused, not misread. */
const schemaVersion = 4;

export interface StoredEvidence {
  item: Omit<EvidenceManifestItem, 'url' | 'captionsUrl'>;
  file: string | null;
  captionsFile: string | null;
  submissionId: string;
}

export class HostedStore {
  readonly db: Database.Database;
  /** Rules, qualification, claims, what a decision sets off: the same database, its own module. */
  readonly quality: QualityStore = new QualityStore(this);
  /** Calibration sets (and the gold pool), their master scores, the answers to them. */
  readonly calibration: CalibrationStore = new CalibrationStore(this);
  /** Copies of gold submissions served in live work, and how assessors scored them. */
  readonly gold: GoldStore;
  /** Double-scored submissions whose readings differ, and their resolutions. */
  readonly adjudications: AdjudicationStore = new AdjudicationStore(this);
  /** Accounts, sessions, throttling and remote wipes. */
  readonly auth: AuthStore;
  /** Every change to scores, comments, feedback and decisions: append-only. */
  readonly audit: AuditStore;
  /** Live decisions sampled for a lead to read again. */
  readonly backreading: BackreadingStore;
  /** Assessors whose live claims are suspended until they recalibrate. */
  readonly lockouts: LockoutStore = new LockoutStore(this);
  /** Submissions referred to a lead, with their threads. */
  readonly referrals: ReferralStore = new ReferralStore(this);

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'hosted-api.sqlite'));
    this.db.pragma('journal_mode = WAL');
    // WAL + NORMAL: durable across a server crash (not power loss), like most services' defaults.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version !== 0 && version !== schemaVersion) {
      throw new Error(`The folder ${dataDir} holds data of another reference server version (${version}, this is ${schemaVersion}); start with a new --data folder.`);
    }
    this.db.exec(authTables + schema + calibrationTables + goldTables + auditTables + backreadingTables + lockoutTables + referralTables);
    this.db.pragma(`user_version = ${schemaVersion}`);
    this.auth = new AuthStore(this.db, (text) => this.sql(text));
    this.audit = new AuditStore(this, this.db, (text) => this.sql(text));
    this.backreading = new BackreadingStore(this, this.db);
    this.gold = new GoldStore(this);
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** A prepared statement, compiled once per server: every request would otherwise parse its SQL again. */
  sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  exists(submissionId: string): boolean {
    return !!this.sql('SELECT 1 FROM submissions WHERE id = ?').get(submissionId);
  }

  /** The live submission claimed first (tests, benches). */
  firstSubmissionId(): string {
    return (this.sql('SELECT id FROM submissions ORDER BY position LIMIT 1').get() as { id: string }).id;
  }

  close(): void {
    this.db.close();
  }

  isSeeded(): boolean {
    return !!this.sql('SELECT 1 FROM accounts LIMIT 1').get();
  }

  account(id: string): Account | null {
    const row = this.auth.accountById(id);
    return row ? { id: row.id, email: row.email, displayName: row.display_name, roles: JSON.parse(row.roles) as Role[] } : null;
  }

  /** The account with this email (tests and administrators; sign-in goes through `auth.signIn`). */
  accountByEmail(email: string): Account | null {
    const row = this.auth.accountByEmail(email);
    return row ? this.account(row.id) : null;
  }

  saveCredential(credential: MicroCredential): void {
    this.sql('INSERT OR REPLACE INTO credentials (id, body) VALUES (?, ?)').run(credential.id, JSON.stringify(credential));
  }

  saveRubric(rubric: RubricVersion): void {
    this.sql('INSERT OR REPLACE INTO rubrics (id, credential_id, body) VALUES (?, ?, ?)').run(rubric.id, rubric.credentialId, JSON.stringify(rubric));
  }

  saveSubmission(submission: {
    id: string;
    label: string;
    credentialId: string;
    rubricVersionId: string;
    attempt: number;
    submittedAt: string;
    previousAttempts: PreviousAttempt[];
    position: number;
  }): void {
    this.db
      .prepare('INSERT OR REPLACE INTO submissions VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(
        submission.id,
        submission.label,
        submission.credentialId,
        submission.rubricVersionId,
        submission.attempt,
        submission.submittedAt,
        JSON.stringify(submission.previousAttempts),
        submission.position,
      );
  }

  saveEvidence(evidence: StoredEvidence, position: number): void {
    this.db
      .prepare('INSERT OR REPLACE INTO evidence (id, submission_id, position, body, file, captions_file) VALUES (?, ?, ?, ?, ?, ?)')
      .run(evidence.item.id, evidence.submissionId, position, JSON.stringify(evidence.item), evidence.file, evidence.captionsFile);
  }

  /** Leases a batch (see QualityStore.claim: qualification, double scoring and gold items apply). */
  claim(accountId: string, size: number, now: Date, leaseSeconds: number, random: () => number = Math.random): ReturnType<QualityStore['claim']> {
    return this.quality.claim(accountId, size, now, leaseSeconds, random);
  }

  assignments(accountId: string, now: Date): Assignment[] {
    const rows = this.sql('SELECT * FROM assignments WHERE account_id = ? ORDER BY batch_id, position').all(accountId) as {
      submission_id: string;
      batch_id: string;
      position: number;
      lease_expires_at: string;
      due_at: string;
      state: 'assigned' | 'decided' | 'released';
    }[];
    return rows.map((row) => ({
      submissionId: row.submission_id,
      batchId: row.batch_id,
      position: row.position,
      leaseExpiresAt: row.lease_expires_at,
      dueAt: row.due_at,
      state: row.state === 'assigned' && row.lease_expires_at <= now.toISOString() ? 'expired' : row.state,
    }));
  }

  /** The live lease this account holds on the submission, if any. */
  liveAssignment(accountId: string, submissionId: string, now: Date): { batchId: string } | null {
    const row = this.db
      .prepare(`SELECT batch_id FROM assignments WHERE account_id = ? AND submission_id = ? AND state = 'assigned' AND lease_expires_at > ?`)
      .get(accountId, submissionId, now.toISOString()) as { batch_id: string } | undefined;
    return row ? { batchId: row.batch_id } : null;
  }

  isLead(accountId: string): boolean {
    return isLead(this.account(accountId));
  }

  /** Whether the submission was ever assigned to this account (it holds or held its lease): the work that is its own to write about. */
  wasAssigned(accountId: string, submissionId: string): boolean {
    return !!this.sql('SELECT 1 FROM assignments WHERE account_id = ? AND submission_id = ?').get(accountId, submissionId);
  }

  /** When the submission was first assigned to this account (null: never). */
  firstAssignedAt(accountId: string, submissionId: string): string | null {
    return (this.sql('SELECT min(b.claimed_at) AS at FROM assignments a JOIN batches b ON b.id = a.batch_id WHERE a.account_id = ? AND a.submission_id = ?').get(accountId, submissionId) as { at: string | null }).at;
  }

  /**
   * Whether this account may read the submission: it was assigned to it, it is in a calibration set
   * (never the gold pool), or the account is a lead. Reading is not writing: see `wasAssigned`.
   */
  mayRead(accountId: string, submissionId: string): boolean {
    return this.wasAssigned(accountId, submissionId) || this.calibration.isReadableMaterial(submissionId) || this.isLead(accountId);
  }

  /** "Submission NNNN" after the highest number in use. */
  nextLabel(): string {
    const row = this.sql(`SELECT max(CAST(substr(label, 12) AS INTEGER)) AS n FROM submissions WHERE label LIKE 'Submission %'`).get() as { n: number | null };
    return `Submission ${String((row.n ?? 0) + 1).padStart(4, '0')}`;
  }

  /**
   * A batch being claimed reads like live work. Each gold copy takes the place of the next live
   * submission nobody has been given (its label and its place in the pool's order), and that one moves
   * to the end of the sequence; then the labels of the batch's submissions nobody has seen yet (its
   * gold copies and live work claimed for the first time) are handed out again in queue order. Call
   * before the claim's assignments are written.
   */
  labelInOrder(ids: readonly string[], gold: readonly string[]): void {
    const neverSeen = ids.filter((id) => gold.includes(id) || !this.sql('SELECT 1 FROM assignments WHERE submission_id = ?').get(id));
    const labelOf = (id: string): string => (this.sql('SELECT label FROM submissions WHERE id = ?').get(id) as { label: string }).label;
    const setLabel = this.sql('UPDATE submissions SET label = ? WHERE id = ?');
    const setPosition = this.sql('UPDATE submissions SET position = ? WHERE id = ?');
    const donors: string[] = [];
    for (const alias of gold) {
      const donor = this.sql(
        `SELECT id, label, position FROM submissions s WHERE s.id NOT IN (SELECT value FROM json_each(?))
           AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.submission_id = s.id)
           AND NOT EXISTS (SELECT 1 FROM gold_items g WHERE g.alias_id = s.id)
           AND NOT EXISTS (SELECT 1 FROM calibration_items ci WHERE ci.submission_id = s.id)
         ORDER BY s.position LIMIT 1`,
      ).get(JSON.stringify([...ids, ...donors])) as { id: string; label: string; position: number } | undefined;
      if (!donor) continue; // the live pool is used up: the copy keeps the label it was made with
      donors.push(donor.id);
      const aliasPosition = (this.sql('SELECT position FROM submissions WHERE id = ?').get(alias) as { position: number }).position;
      setLabel.run(labelOf(alias), donor.id);
      setLabel.run(donor.label, alias);
      setPosition.run(aliasPosition, donor.id);
      setPosition.run(donor.position, alias);
    }
    const number = (label: string): number => Number(/\d+$/.exec(label)?.[0] ?? 0);
    const labels = neverSeen.map(labelOf).sort((a, b) => number(a) - number(b));
    neverSeen.forEach((id, index) => setLabel.run(labels[index]!, id));
  }

  /** A submission's evidence items as a lead's reading of its comments names them (kind and title). */
  evidenceRefs(submissionId: string): { id: string; kind: EvidenceManifestItem['kind']; title: string }[] {
    return (this.submission(submissionId)?.evidence ?? []).map(({ item }) => ({ id: item.id, kind: item.kind, title: item.title }));
  }

  submission(id: string): {
    id: string;
    label: string;
    attempt: number;
    submittedAt: string;
    credential: MicroCredential;
    rubric: RubricVersion;
    previousAttempts: PreviousAttempt[];
    evidence: StoredEvidence[];
  } | null {
    const row = this.sql('SELECT * FROM submissions WHERE id = ?').get(id) as
      | { id: string; label: string; credential_id: string; rubric_version_id: string; attempt: number; submitted_at: string; previous_attempts: string }
      | undefined;
    if (!row) return null;
    const credential = this.sql('SELECT body FROM credentials WHERE id = ?').get(row.credential_id) as { body: string };
    const rubric = this.sql('SELECT body FROM rubrics WHERE id = ?').get(row.rubric_version_id) as { body: string };
    const evidence = this.sql('SELECT * FROM evidence WHERE submission_id = ? ORDER BY position').all(id) as {
      body: string;
      file: string | null;
      captions_file: string | null;
    }[];
    return {
      id: row.id,
      label: row.label,
      attempt: row.attempt,
      submittedAt: row.submitted_at,
      credential: JSON.parse(credential.body) as MicroCredential,
      rubric: JSON.parse(rubric.body) as RubricVersion,
      previousAttempts: JSON.parse(row.previous_attempts) as PreviousAttempt[],
      evidence: evidence.map((item) => ({
        item: JSON.parse(item.body) as StoredEvidence['item'],
        file: item.file,
        captionsFile: item.captions_file,
        submissionId: id,
      })),
    };
  }

  evidence(id: string): StoredEvidence | null {
    const row = this.sql('SELECT * FROM evidence WHERE id = ?').get(id) as { body: string; file: string | null; captions_file: string | null; submission_id: string } | undefined;
    return row ? { item: JSON.parse(row.body) as StoredEvidence['item'], file: row.file, captionsFile: row.captions_file, submissionId: row.submission_id } : null;
  }

  rubric(id: string): RubricVersion | null {
    const row = this.sql('SELECT body FROM rubrics WHERE id = ?').get(id) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as RubricVersion) : null;
  }

  currentRubricId(submissionId: string): string | null {
    return (this.sql('SELECT rubric_version_id FROM submissions WHERE id = ?').get(submissionId) as { rubric_version_id: string } | undefined)?.rubric_version_id ?? null;
  }

  /** Decided as far as this account is concerned: it decided already, or every scorer the submission needs has. */
  isDecided(submissionId: string, accountId: string): boolean {
    const row = this.sql(
      `SELECT (SELECT count(*) FROM decisions WHERE submission_id = ?) AS decided,
              (SELECT count(*) FROM decisions WHERE submission_id = ? AND account_id = ?) AS mine,
              1 + coalesce((SELECT double FROM double_scoring WHERE submission_id = ?), 0) AS needed`,
    ).get(submissionId, submissionId, accountId, submissionId) as { decided: number; mine: number; needed: number };
    return row.mine > 0 || row.decided >= row.needed;
  }

  recordDecision(accountId: string, submissionId: string, body: unknown, now: Date): { decisionId: string; submissionId: string; receivedAt: string } {
    const decisionId = `decision-${randomBytes(8).toString('hex')}`;
    const receivedAt = now.toISOString();
    this.sql('INSERT INTO decisions VALUES (?, ?, ?, ?, ?)').run(decisionId, submissionId, accountId, JSON.stringify(body), receivedAt);
    this.sql(`UPDATE assignments SET state = 'decided' WHERE account_id = ? AND submission_id = ? AND state = 'assigned'`).run(accountId, submissionId);
    return { decisionId, submissionId, receivedAt };
  }

  /** A refused decision kept for the lead to look at (the assessor's choice after a conflict). */
  recordLeadNote(accountId: string, submissionId: string, reason: string, body: unknown, now: Date): { noteId: string; submissionId: string; receivedAt: string } {
    const noteId = `note-${randomBytes(8).toString('hex')}`;
    const receivedAt = now.toISOString();
    this.sql('INSERT INTO lead_notes VALUES (?, ?, ?, ?, ?, ?)').run(noteId, submissionId, accountId, reason, JSON.stringify(body), receivedAt);
    return { noteId, submissionId, receivedAt };
  }

  leadNotes(submissionId: string): { accountId: string; reason: string; body: unknown }[] {
    return (this.sql('SELECT account_id, reason, body FROM lead_notes WHERE submission_id = ? ORDER BY received_at').all(submissionId) as { account_id: string; reason: string; body: string }[]).map(
      (row) => ({ accountId: row.account_id, reason: row.reason, body: JSON.parse(row.body) as unknown }),
    );
  }

  decisionCount(): number {
    return (this.sql('SELECT count(*) AS n FROM decisions').get() as { n: number }).n;
  }

  idempotentReplay(accountId: string, key: string): { requestHash: string; status: number; response: unknown } | null {
    const row = this.sql('SELECT * FROM idempotency WHERE account_id = ? AND key = ?').get(accountId, key) as
      | { request_hash: string; status: number; response: string }
      | undefined;
    return row ? { requestHash: row.request_hash, status: row.status, response: JSON.parse(row.response) as unknown } : null;
  }

  rememberAnswer(accountId: string, key: string, requestHash: string, status: number, response: unknown): void {
    this.sql('INSERT INTO idempotency VALUES (?, ?, ?, ?, ?)').run(accountId, key, requestHash, status, JSON.stringify(response));
  }

  release(accountId: string, submissionId: string): boolean {
    return this.sql(`UPDATE assignments SET state = 'released' WHERE account_id = ? AND submission_id = ? AND state = 'assigned'`).run(accountId, submissionId).changes > 0;
  }

  /** Test hook for lease conflicts: ends a lease now, as the server would when it lapses. */
  expireLease(submissionId: string, now: Date): void {
    this.sql(`UPDATE assignments SET lease_expires_at = ? WHERE submission_id = ? AND state = 'assigned'`).run(new Date(now.getTime() - 1000).toISOString(), submissionId);
  }
}
