import type { Migration } from './migration';

const sql = `
-- The account whose claimed work this database holds. It lives with the work, not in the secret
-- store: if the keychain is lost or empty (a Linux desktop without one keeps secrets only in
-- memory), no other account may be shown that work or sync it.
CREATE TABLE work_owner (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  server_url  TEXT NOT NULL,
  account_id  TEXT NOT NULL,
  since       TEXT NOT NULL
) STRICT;
`;

export const migration0005WorkOwner: Migration = {
  version: 5,
  name: 'work-owner',
  up(db) {
    db.exec(sql);
  },
};
