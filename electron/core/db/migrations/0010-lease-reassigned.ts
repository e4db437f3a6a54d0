import type { Migration } from './migration';

const sql = `
-- Set when the server no longer has the submission as this assessor's (released by a lead, or gone
-- from its list): the queue and the header warn before more work goes into it. Cleared if the
-- server lists it as assigned again.
ALTER TABLE assignments ADD COLUMN reassigned INTEGER NOT NULL DEFAULT 0 CHECK (reassigned IN (0, 1));
`;

export const migration0010LeaseReassigned: Migration = {
  version: 10,
  name: 'lease-reassigned',
  up(db) {
    db.exec(sql);
  },
};
