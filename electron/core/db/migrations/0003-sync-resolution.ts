import type { Migration } from './migration';

const sql = `
-- A conflict the assessor has settled: 'resolved' with how (kept as a note for the lead, or discarded).
CREATE TABLE outbox_next (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL,
  entity_id        TEXT NOT NULL,
  idempotency_key  TEXT NOT NULL UNIQUE,
  payload          TEXT NOT NULL CHECK (json_valid(payload)),
  state            TEXT NOT NULL CHECK (state IN ('pending', 'acknowledged', 'conflict', 'resolved')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT NOT NULL,
  last_error       TEXT,
  created_at       TEXT NOT NULL,
  acknowledged_at  TEXT,
  resolution       TEXT CHECK (resolution IS NULL OR resolution IN ('note_for_lead', 'discarded')),
  CHECK ((state = 'resolved') = (resolution IS NOT NULL))
) STRICT;
INSERT INTO outbox_next (id, kind, entity_id, idempotency_key, payload, state, attempts, next_attempt_at, last_error, created_at, acknowledged_at)
  SELECT id, kind, entity_id, idempotency_key, payload, state, attempts, next_attempt_at, last_error, created_at, acknowledged_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
CREATE UNIQUE INDEX outbox_one_per_entity ON outbox(kind, entity_id);

-- Failed verifications per evidence file: fetched again a few times, then quarantined.
ALTER TABLE evidence_items ADD COLUMN download_failures INTEGER NOT NULL DEFAULT 0 CHECK (download_failures >= 0);

-- What the assessor must be told about sync: quarantined items, a session the server revoked.
-- Kept until dismissed so a restart does not swallow them. Never holds evidence or identity.
CREATE TABLE sync_notices (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('evidence_quarantined', 'submission_quarantined', 'session_revoked')),
  body          TEXT NOT NULL CHECK (json_valid(body)),
  created_at    TEXT NOT NULL,
  dismissed_at  TEXT
) STRICT;
`;

export const migration0003SyncResolution: Migration = {
  version: 3,
  name: 'sync-resolution',
  up(db) {
    db.exec(sql);
  },
};
