import type Database from 'better-sqlite3-multiple-ciphers';
import { clockSkewMs } from '../../shared/domain/decision-check';
import type { FieldProblem } from '../../shared/domain/decision-check';
import type { MicroCredential, RubricVersion } from '../../shared/domain/rubric';
import { trailLimits } from '../../shared/hosted-api/audit';
import type { AuditChange, AuditEntry, AuditKind, AuditTrail, AuditUpload } from '../../shared/hosted-api/audit';
import { serverMachineId } from '../../shared/hosted-api/schemas';
import type { DecisionRequest } from '../../shared/hosted-api/schemas';
import type { ReceivedDecision } from '../../shared/quality/audit';
import type { HostedStore } from './store';

/**
 * The audit trail's table. Append-only in the database itself: triggers refuse any UPDATE or
 * DELETE, so no route (or bug) can rewrite what an appeal will read.
 */
export const auditTables = `
CREATE TABLE IF NOT EXISTS audit_entries (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  submission_id TEXT NOT NULL,
  account_id    TEXT NOT NULL,
  machine_id    TEXT NOT NULL,
  machine_name  TEXT NOT NULL,
  kind          TEXT NOT NULL,
  target        TEXT,
  before        TEXT,
  after         TEXT,
  at            TEXT NOT NULL,
  received_at   TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS audit_by_submission ON audit_entries(submission_id, at, seq);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit_entries BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
`;

/** Changes the server makes itself carry this machine (no workstation may name itself so: see Machine). */
const serverMachine = { id: serverMachineId, name: 'Hosted API' };

/** A change the trail refuses as a conflict (409): dated after the account's decision was received, or an id already another's. */
export class AuditConflict extends Error {
  constructor(
    readonly code: 'decision_already_received' | 'id_taken',
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}


/**
 * The reference server's audit trail: changes workstations send (the actor is the session's
 * account, whatever the body says), and the server's own entries (a decision received with what it
 * carried, an adjudication resolved, a backread).
 */
export class AuditStore {
  constructor(
    private readonly store: HostedStore,
    private readonly db: Database.Database,
    private readonly sql: (text: string) => Database.Statement,
  ) {}

  /**
   * What is wrong with an upload for this account: a change about work never assigned to it, dated
   * before it was assigned or after now (each give or take the clock skew), or past the trail's
   * limits. Throws AuditConflict for a change dated after the server received the account's
   * decision on it, or whose id is already another change's.
   */
  check(accountId: string, upload: AuditUpload, now: Date): FieldProblem[] {
    const problems: FieldProblem[] = [];
    const written = new Map<string, { changes: number; bytes: number; all: number }>();
    const bytesOf = `coalesce(sum(coalesce(length(CAST(before AS BLOB)), 0) + coalesce(length(CAST(after AS BLOB)), 0)), 0)`;
    upload.changes.forEach((change, index) => {
      const taken = this.sql('SELECT account_id, submission_id FROM audit_entries WHERE id = ?').get(change.id) as { account_id: string; submission_id: string } | undefined;
      if (taken && (taken.account_id !== accountId || taken.submission_id !== change.submissionId)) throw new AuditConflict('id_taken', `changes.${index}.id`, 'That change id is already another change’s: make a new one.');
      if (taken) return; // a resend: recorded once
      const size = Buffer.byteLength(change.before ?? '') + Buffer.byteLength(change.after ?? '');
      const sofar =
        written.get(change.submissionId) ??
        (this.sql(
          `SELECT (SELECT count(*) FROM audit_entries WHERE account_id = @account AND submission_id = @submission) AS changes,
                  (SELECT ${bytesOf} FROM audit_entries WHERE account_id = @account AND submission_id = @submission) AS bytes,
                  (SELECT ${bytesOf} FROM audit_entries WHERE submission_id = @submission AND kind NOT IN ('decision_received', 'adjudication_resolved', 'backread_reviewed')) AS "all"`,
        ).get({ account: accountId, submission: change.submissionId }) as { changes: number; bytes: number; all: number });
      written.set(change.submissionId, { changes: sofar.changes + 1, bytes: sofar.bytes + size, all: sofar.all + size });
      if (sofar.changes + 1 > trailLimits.changes || sofar.bytes + size > trailLimits.bytes || sofar.all + size > trailLimits.bytesPerSubmission) {
        return problems.push({ path: `changes.${index}`, message: `The trail on this submission is full (at most ${trailLimits.changes} changes and ${trailLimits.bytes} bytes from one account, ${trailLimits.bytesPerSubmission} from all).` });
      }
      const path = `changes.${index}`;
      const assignedAt = this.store.firstAssignedAt(accountId, change.submissionId);
      if (assignedAt === null) return problems.push({ path: `${path}.submissionId`, message: 'A change is about a submission this account was never given.' });
      const at = Date.parse(change.at);
      if (at < Date.parse(assignedAt) - clockSkewMs) return problems.push({ path: `${path}.at`, message: `${change.at} is before this submission was assigned to you (${assignedAt}).` });
      if (at > now.getTime() + clockSkewMs) return problems.push({ path: `${path}.at`, message: `${change.at} is in the future (the server's clock says ${now.toISOString()}).` });
      const received = this.sql('SELECT received_at FROM decisions WHERE submission_id = ? AND account_id = ?').get(change.submissionId, accountId) as { received_at: string } | undefined;
      if (received && at > Date.parse(received.received_at) + clockSkewMs) {
        throw new AuditConflict('decision_already_received', `${path}.at`, `Your decision on this submission reached the server at ${received.received_at}: changes dated after it are not part of that work.`);
      }
    });
    return problems;
  }

  /** Records the changes it has not seen (by id); a resend of the same changes records nothing. Check them first. */
  record(accountId: string, upload: AuditUpload, now: Date): { recorded: number; alreadyRecorded: number } {
    const insert = this.sql(
      `INSERT INTO audit_entries (id, submission_id, account_id, machine_id, machine_name, kind, target, before, after, at, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    );
    return this.db.transaction(() => {
      let recorded = 0;
      for (const change of upload.changes) {
        recorded += insert.run(change.id, change.submissionId, accountId, change.machine.id, change.machine.name, change.kind, change.target, change.before, change.after, change.at, now.toISOString()).changes;
      }
      return { recorded, alreadyRecorded: upload.changes.length - recorded };
    })();
  }

  /** A decision as received: the appeal answer rests on this entry, never on what a workstation says it did. */
  recordReceivedDecision(decisionId: string, accountId: string, submissionId: string, decision: DecisionRequest, now: Date): void {
    const { outcome, conditionCode, note, decidedAt, scores, comments } = decision;
    const received: ReceivedDecision = { outcome, conditionCode, note, decidedAt, machine: decision.machine ?? null, scores, comments };
    this.recordByServer(`received-${decisionId}`, accountId, submissionId, 'decision_received', JSON.stringify(received), now);
  }

  /** An entry of the server's own (its id derived from what it records, so a replayed request adds none). */
  recordByServer(id: string, accountId: string, submissionId: string, kind: AuditKind, after: string, now: Date): void {
    this.sql(
      `INSERT INTO audit_entries (id, submission_id, account_id, machine_id, machine_name, kind, target, before, after, at, received_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    ).run(id, submissionId, accountId, serverMachine.id, serverMachine.name, kind, after, now.toISOString(), now.toISOString());
  }

  /** One submission's trail, found by id or label; null when no submission matches. */
  trail(submission: string): AuditTrail | null {
    const row = this.sql(`SELECT s.id, s.label, c.body AS credential, r.body AS rubric FROM submissions s JOIN credentials c ON c.id = s.credential_id JOIN rubrics r ON r.id = s.rubric_version_id WHERE s.id = ? OR s.label = ? ORDER BY s.id = ? DESC LIMIT 1`).get(submission, submission, submission) as
      | { id: string; label: string; credential: string; rubric: string }
      | undefined;
    if (!row) return null;
    const entries = this.sql(
      `SELECT e.*, a.display_name FROM audit_entries e LEFT JOIN accounts a ON a.id = e.account_id WHERE e.submission_id = ? ORDER BY e.at, e.seq`,
    ).all(row.id) as { id: string; account_id: string; display_name: string | null; machine_id: string; machine_name: string; kind: AuditKind; target: string | null; before: string | null; after: string | null; at: string; received_at: string }[];
    return {
      submission: { id: row.id, label: row.label, credentialTitle: (JSON.parse(row.credential) as MicroCredential).title },
      rubric: JSON.parse(row.rubric) as RubricVersion,
      evidence: this.store.evidenceRefs(row.id),
      entries: entries.map(
        (entry): AuditEntry => ({
          id: entry.id,
          kind: entry.kind,
          target: entry.target,
          before: entry.before,
          after: entry.after,
          at: entry.at,
          machine: { id: entry.machine_id, name: entry.machine_name },
          actor: { id: entry.account_id, displayName: entry.display_name ?? entry.account_id },
          receivedAt: entry.received_at,
        }),
      ),
    };
  }

  /** Every change a submission's trail holds (tests). */
  changesOf(submissionId: string): Pick<AuditChange, 'kind' | 'target' | 'before' | 'after'>[] {
    return this.sql('SELECT kind, target, before, after FROM audit_entries WHERE submission_id = ? ORDER BY at, seq').all(submissionId) as Pick<AuditChange, 'kind' | 'target' | 'before' | 'after'>[];
  }
}
