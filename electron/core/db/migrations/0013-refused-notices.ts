import type { Migration } from './migration';

const sql = `
-- Notices gain 'refused_by_server': something other than a decision the server refused for good
-- (audit-trail changes too large for it, a referral over the open limit, a reply to a closed thread),
-- so that nothing is lost without a word. The table is rebuilt with the new kind in its CHECK.
CREATE TABLE sync_notices_next (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('evidence_quarantined', 'submission_quarantined', 'remote_wipe', 'evidence_unreadable', 'refused_by_server')),
  body          TEXT NOT NULL CHECK (json_valid(body)),
  created_at    TEXT NOT NULL,
  dismissed_at  TEXT
) STRICT;
INSERT INTO sync_notices_next (id, kind, body, created_at, dismissed_at) SELECT id, kind, body, created_at, dismissed_at FROM sync_notices;
DROP TABLE sync_notices;
ALTER TABLE sync_notices_next RENAME TO sync_notices;
`;

export const migration0013RefusedNotices: Migration = {
  version: 13,
  name: 'refused-notices',
  up(db) {
    db.exec(sql);
  },
};
