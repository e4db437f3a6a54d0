import type { Migration } from './migration';

const sql = `
-- Notices gain 'remote_wipe' (the hosted API ordered this machine wiped: what was synced, what went)
-- and 'evidence_unreadable' (a downloaded file failed its integrity check when read: fetched again).
-- The old 'session_revoked' notice was a wipe; it becomes one, with the figures it did not count.
CREATE TABLE sync_notices_next (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('evidence_quarantined', 'submission_quarantined', 'remote_wipe', 'evidence_unreadable')),
  body          TEXT NOT NULL CHECK (json_valid(body)),
  created_at    TEXT NOT NULL,
  dismissed_at  TEXT
) STRICT;
INSERT INTO sync_notices_next (id, kind, body, created_at, dismissed_at)
  SELECT id,
         CASE kind WHEN 'session_revoked' THEN 'remote_wipe' ELSE kind END,
         CASE kind WHEN 'session_revoked' THEN json_set(body, '$.comments', 0, '$.submissions', 0, '$.unsentLabels', json('[]'), '$.writtenResponses', 0) ELSE body END,
         created_at, dismissed_at
  FROM sync_notices;
DROP TABLE sync_notices;
ALTER TABLE sync_notices_next RENAME TO sync_notices;
`;

export const migration0006SealedWork: Migration = {
  version: 6,
  name: 'sealed-work',
  up(db) {
    db.exec(sql);
  },
};
