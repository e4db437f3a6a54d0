import type { Db } from '../db/database';

export type OutboxState = 'pending' | 'acknowledged' | 'conflict';

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

/** Call inside the transaction that writes the data the entry carries. */
export function enqueue(db: Db, entry: { kind: string; entityId: string; idempotencyKey: string; payload: unknown; at: string }): void {
  db.prepare(
    `INSERT INTO outbox (kind, entity_id, idempotency_key, payload, state, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, 'pending', ?, ?)`,
  ).run(entry.kind, entry.entityId, entry.idempotencyKey, JSON.stringify(entry.payload), entry.at, entry.at);
}

export function listDue(db: Db, now: string, limit: number): OutboxEntry[] {
  const rows = db
    .prepare(`SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?`)
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

/** Acknowledged exactly once: a second acknowledgement of the same entry changes nothing. */
export function acknowledge(db: Db, id: number, at: string): boolean {
  return (
    db.prepare(`UPDATE outbox SET state = 'acknowledged', acknowledged_at = ? WHERE id = ? AND state = 'pending'`).run(at, id)
      .changes === 1
  );
}

/** Whether the entry for this entity is still waiting and has never been attempted. */
export function isUntouched(db: Db, kind: string, entityId: string): boolean {
  return !!db.prepare(`SELECT 1 FROM outbox WHERE kind = ? AND entity_id = ? AND state = 'pending' AND attempts = 0`).get(kind, entityId);
}

/** Removes a pending entry (an undo before sync); false once it has left. */
export function withdraw(db: Db, kind: string, entityId: string): boolean {
  return db.prepare(`DELETE FROM outbox WHERE kind = ? AND entity_id = ? AND state = 'pending' AND attempts = 0`).run(kind, entityId)
    .changes === 1;
}
