import type { ConflictChoice } from '../../../shared/contract/methods';
import type { Db } from '../db/database';
import { decisionKind, auditKind } from './outbox-kinds';

export type OutboxState = 'pending' | 'acknowledged' | 'conflict' | 'resolved';

export interface OutboxEntry {
  id: number;
  kind: string;
  entityId: string;
  idempotencyKey: string;
  payload: unknown;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
}

interface OutboxRow {
  id: number;
  kind: string;
  entity_id: string;
  idempotency_key: string;
  payload: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
}

/** An entry (alias o) about the embedded demo batch: it never leaves the machine. */
const onDemo = 'EXISTS (SELECT 1 FROM assignments a JOIN batches b ON b.id = a.batch_id WHERE a.submission_id = o.entity_id AND b.is_demo = 1)';
const notDemo = `AND NOT ${onDemo}`;

/**
 * Call inside the transaction that writes the data the entry carries. `leavesAt`: not sent before
 * then (a decision's undo window); at once by default.
 */
export function enqueue(db: Db, entry: { kind: string; entityId: string; idempotencyKey: string; payload: unknown; at: string; leavesAt?: string }): void {
  db.prepare(
    `INSERT INTO outbox (kind, entity_id, idempotency_key, payload, state, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, 'pending', ?, ?)`,
  ).run(entry.kind, entry.entityId, entry.idempotencyKey, JSON.stringify(entry.payload), entry.leavesAt ?? entry.at, entry.at);
}

export function listDue(db: Db, now: string, limit: number): OutboxEntry[] {
  const rows = db
    .prepare(`SELECT * FROM outbox o WHERE state = 'pending' AND next_attempt_at <= ? ${notDemo} ORDER BY id LIMIT ?`)
    .all(now, limit) as OutboxRow[];
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    entityId: row.entity_id,
    idempotencyKey: row.idempotency_key,
    payload: JSON.parse(row.payload) as unknown,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
  }));
}

/** What an entry keeps once its payload is no longer needed: its state, kind, entity, key and times. */
const emptyPayload = `'{}'`;

/**
 * Acknowledged exactly once: a second acknowledgement of the same entry changes nothing. What the
 * entry carried (the assessor's words) goes in the same statement, the server has it now, unless
 * the entry's kind still shows it until the synced data holds it (see forgetSentPayloads).
 */
export function acknowledge(db: Db, id: number, at: string, keepPayload: boolean): boolean {
  return (
    db
      .prepare(`UPDATE outbox SET state = 'acknowledged', acknowledged_at = ?, payload = CASE WHEN ? THEN payload ELSE ${emptyPayload} END WHERE id = ? AND state = 'pending'`)
      .run(at, keepPayload ? 1 : 0, id).changes === 1
  );
}

/** The data fetched after these were acknowledged holds them: their payloads are no longer needed here. */
export function forgetSentPayloads(db: Db, kinds: string[], acknowledgedBy: string): void {
  db.prepare(`UPDATE outbox SET payload = ${emptyPayload} WHERE kind IN (SELECT value FROM json_each(?)) AND state = 'acknowledged' AND acknowledged_at <= ? AND payload != ${emptyPayload}`).run(JSON.stringify(kinds), acknowledgedBy);
}

/**
 * A decision still in its undo window at `now`: waiting, never attempted, and its window not over
 * (signed out or offline, the window ends all the same); the demo's decisions never leave, so they
 * stay undoable.
 */
const inUndoWindow = `kind = '${decisionKind}' AND entity_id = @entityId AND state = 'pending' AND attempts = 0 AND (next_attempt_at > @now OR ${onDemo})`;

/** Whether a decision can still be taken back at `now`, and when it may leave: null once it can no longer be undone, and for the demo. */
export function untouchedDecision(db: Db, submissionId: string, now: string): { undoable: boolean; leavesAt: string | null } {
  const row = db.prepare(`SELECT next_attempt_at, ${onDemo} AS demo FROM outbox o WHERE ${inUndoWindow}`).get({ entityId: submissionId, now }) as { next_attempt_at: string; demo: number } | undefined;
  return { undoable: row !== undefined, leavesAt: row && row.demo === 0 ? row.next_attempt_at : null };
}

/** Removes a decision's entry while it is in its undo window at `now` (see inUndoWindow); false after. */
export function withdrawDecision(db: Db, submissionId: string, now: string): boolean {
  return db.prepare(`DELETE FROM outbox AS o WHERE ${inUndoWindow}`).run({ entityId: submissionId, now }).changes === 1;
}

/**
 * Counts an attempt before the request leaves: from then on the entry may have reached the server,
 * so it can no longer be withdrawn (undone) locally.
 */
export function beginAttempt(db: Db, id: number): boolean {
  return db.prepare(`UPDATE outbox SET attempts = attempts + 1 WHERE id = ? AND state = 'pending'`).run(id).changes === 1;
}

/** What an entry carries, as it first leaves (its times put on the server's clock). */
export function replacePayload(db: Db, id: number, payload: unknown): void {
  db.prepare(`UPDATE outbox SET payload = ? WHERE id = ? AND state = 'pending'`).run(JSON.stringify(payload), id);
}

/** After a failed attempt: try again at `nextAttemptAt`. */
export function scheduleRetry(db: Db, id: number, nextAttemptAt: string, error: string): void {
  db.prepare(`UPDATE outbox SET next_attempt_at = ?, last_error = ? WHERE id = ? AND state = 'pending'`).run(nextAttemptAt, error.slice(0, 500), id);
}

/**
 * The server answers again: entries whose attempts failed while it did not are due now, instead of
 * at the end of their backoff. A decision still in its undo window (never attempted) is left alone.
 */
/** Entries of these kinds waiting to leave later leave with the next pass instead: "Sync now". */
export function releaseSettling(db: Db, kinds: readonly string[], at: string): void {
  if (kinds.length === 0) return;
  // Not what waits for a decision still in its undo window (the trail leaves with its decision,
  // releaseAuditWith): an undo within the window must leave the server untouched.
  db.prepare(
    `UPDATE outbox SET next_attempt_at = @at WHERE kind IN (SELECT value FROM json_each(@kinds)) AND state = 'pending' AND next_attempt_at > @at
       AND NOT EXISTS (SELECT 1 FROM outbox d WHERE d.kind = '${decisionKind}' AND d.entity_id = outbox.entity_id AND d.state = 'pending' AND d.attempts = 0 AND d.next_attempt_at > @at)`,
  ).run({ at, kinds: JSON.stringify(kinds) });
}

export function retryFailedNow(db: Db, at: string): number {
  return db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE state = 'pending' AND attempts > 0 AND next_attempt_at > ?`).run(at, at).changes;
}

/** The server refused for a reason the assessor must see (lease lost, already decided, …). */
export function markConflict(db: Db, id: number, reason: string): void {
  db.prepare(`UPDATE outbox SET state = 'conflict', last_error = ? WHERE id = ? AND state = 'pending'`).run(reason.slice(0, 500), id);
}

/**
 * Pending entries of every kind but the audit trail (it follows the work on its own, see audit.ts);
 * the other states count decisions only (what the assessor sees).
 */
export function countByState(db: Db): Record<OutboxState, number> {
  const counts: Record<OutboxState, number> = { pending: 0, acknowledged: 0, conflict: 0, resolved: 0 };
  // The demo's decisions never leave (nothing of the demo goes to a server): they are not waiting to sync.
  const rows = db.prepare(`SELECT state, count(*) AS n FROM outbox o WHERE (kind = '${decisionKind}' OR (state = 'pending' AND kind != '${auditKind}')) ${notDemo} GROUP BY state`).all() as { state: OutboxState; n: number }[];
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}

/**
 * The server handed a submission back to this assessor after an earlier decision on it was handed
 * back: that decision is closed, so the submission can be scored again (the draft stays).
 */
export function reopenHandedBack(db: Db, submissionId: string): void {
  const closed = db.prepare(`DELETE FROM outbox WHERE kind = '${decisionKind}' AND entity_id = ? AND state = 'resolved'`).run(submissionId).changes;
  if (closed > 0) db.prepare('DELETE FROM decisions WHERE submission_id = ?').run(submissionId);
}

export interface ConflictRecord {
  submissionId: string;
  label: string;
  reason: string;
  payload: unknown;
}

/** Decisions the server refused, waiting for the assessor to choose what happens to them. */
export function listConflicts(db: Db): ConflictRecord[] {
  return (
    db
      .prepare(
        `SELECT o.entity_id, s.label, o.last_error, o.payload FROM outbox o JOIN submissions s ON s.id = o.entity_id
         WHERE o.kind = '${decisionKind}' AND o.state = 'conflict' ORDER BY o.id`,
      )
      .all() as { entity_id: string; label: string; last_error: string | null; payload: string }[]
  ).map((row) => ({ submissionId: row.entity_id, label: row.label, reason: row.last_error ?? 'unknown', payload: JSON.parse(row.payload) as unknown }));
}

/** Settles a refused decision as the assessor chose; false if there was no conflict. The refused payload goes either way. */
export function resolveConflict(db: Db, submissionId: string, choice: ConflictChoice): boolean {
  return (
    db
      .prepare(`UPDATE outbox SET state = 'resolved', resolution = ?, payload = ${emptyPayload} WHERE kind = '${decisionKind}' AND entity_id = ? AND state = 'conflict'`)
      .run(choice, submissionId).changes === 1
  );
}

/** Removes an entry the server already acknowledged, so the same entity can be queued again (kinds of one entry per entity). */
export function forgetAcknowledged(db: Db, kind: string, entityId: string): void {
  db.prepare(`DELETE FROM outbox WHERE kind = ? AND entity_id = ? AND state = 'acknowledged'`).run(kind, entityId);
}

/**
 * What the entries of this kind carry (oldest first), whether each has reached the server (emptied
 * once no longer needed), and whether the server refused it for good (shown as not sent).
 */
export function listPayloads(db: Db, kind: string): { payload: unknown; sent: boolean; refused: boolean }[] {
  return (db.prepare(`SELECT payload, state FROM outbox WHERE kind = ? ORDER BY id`).all(kind) as { payload: string; state: OutboxState }[]).map((row) => ({
    payload: JSON.parse(row.payload) as unknown,
    sent: row.state === 'acknowledged',
    refused: row.state === 'conflict',
  }));
}

/**
 * Entities of this kind with an entry on its way to the server. One the server refused for good is not
 * (it is told in the account's notices): the lead may answer that case again (see `forgetRefused`).
 */
export function listPendingEntityIds(db: Db, kind: string): string[] {
  return (db.prepare(`SELECT entity_id FROM outbox WHERE kind = ? AND state = 'pending'`).all(kind) as { entity_id: string }[]).map((row) => row.entity_id);
}

/** Removes an entry the server refused for good, so the same entity can be queued again (kinds of one entry per entity). */
export function forgetRefused(db: Db, kind: string, entityId: string): void {
  db.prepare(`DELETE FROM outbox WHERE kind = ? AND entity_id = ? AND state = 'conflict' AND kind != '${decisionKind}'`).run(kind, entityId);
}

/**
 * Work of the account that has not reached the server, the audit trail's apart: decisions waiting or
 * refused and not yet settled by the assessor, and other entries still waiting. Anything else the
 * server refused (a referral over its limit, a reply to a closed thread) will never go: it is shown as
 * not sent and holds nothing back.
 */
export function countUnsent(db: Db): { decisions: number; other: number } {
  const rows = db
    .prepare(`SELECT kind = '${decisionKind}' AS decision, count(*) AS n FROM outbox o WHERE (state = 'pending' OR (state = 'conflict' AND kind = '${decisionKind}')) AND kind != '${auditKind}' ${notDemo} GROUP BY 1`)
    .all() as { decision: number; n: number }[];
  return { decisions: rows.find((row) => row.decision === 1)?.n ?? 0, other: rows.find((row) => row.decision === 0)?.n ?? 0 };
}

/** When the next pending entry is due, if any. */
export function nextDueAt(db: Db): string | null {
  return (
    db
      .prepare(
        `SELECT min(next_attempt_at) AS at FROM outbox o WHERE state = 'pending' ${notDemo}`,
      )
      .get() as { at: string | null }
  ).at;
}
