import type { Migration } from './migration';

const sql = `
-- A file is deleted only after the transaction that stops pointing at it has committed: that
-- transaction writes the path here, and the paths are swept right after it and on every start. A
-- rollback keeps the file; a crash between commit and sweep leaves the path here, not an orphan.
CREATE TABLE files_to_delete (
  path  TEXT PRIMARY KEY
) STRICT;

-- The lead's raw ratings are no longer kept: a worker thread fetches them and turns them into the
-- dashboards (kept in quality_snapshot), so core's own thread never parses or writes them.
DROP TABLE lead_ratings;
`;

export const migration0007FilesToDelete: Migration = {
  version: 7,
  name: 'files-to-delete',
  up(db) {
    db.exec(sql);
  },
};
