import type { Migration } from './migration';

const sql = `
-- The audit trail travels in the outbox as 'audit' entries, several per submission over its life
-- (a new one once the last has begun to leave), so the one-entry-per-entity rule skips that kind.
DROP INDEX outbox_one_per_entity;
CREATE UNIQUE INDEX outbox_one_per_entity ON outbox(kind, entity_id) WHERE kind != 'audit';
CREATE INDEX outbox_audit_waiting ON outbox(entity_id, id) WHERE kind = 'audit' AND state = 'pending' AND attempts = 0;

-- Which machine made a change (the audit trail says so): a random id made once per installation.
CREATE TABLE workstation (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  machine_id  TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;
INSERT INTO workstation (id, machine_id, created_at) VALUES (1, lower(hex(randomblob(16))), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
`;

export const migration0011AuditTrail: Migration = {
  version: 11,
  name: 'audit-trail',
  up(db) {
    db.exec(sql);
  },
};
