import type { Migration } from './migration';

const sql = `
-- What the hosted API last said about scoring quality, kept for offline use: qualifications,
-- accuracy, calibration sets, quality rules, the lead's credentials/assessors and adjudications.
CREATE TABLE quality_snapshot (
  key         TEXT PRIMARY KEY,
  body        TEXT NOT NULL CHECK (json_valid(body)),
  fetched_at  TEXT NOT NULL
) STRICT;

-- Every rating the lead dashboard computes from (replaced wholesale on each refresh).
CREATE TABLE lead_ratings (
  assessor_id    TEXT NOT NULL,
  credential_id  TEXT NOT NULL,
  submission_id  TEXT NOT NULL,
  criterion_id   TEXT NOT NULL,
  level          INTEGER NOT NULL,
  master_level   INTEGER,
  source         TEXT NOT NULL CHECK (source IN ('calibration', 'gold', 'double')),
  at             TEXT NOT NULL
) STRICT;
CREATE INDEX lead_ratings_by_credential ON lead_ratings(credential_id);

-- Calibration work is scored like live work; its batch says so, and the server's comparison with
-- the master arrives after sync. A lead's master scoring (building a set) is a batch of its own, and
-- so is a submission brought here to adjudicate beside its evidence (read only).
ALTER TABLE batches ADD COLUMN kind TEXT NOT NULL DEFAULT 'live' CHECK (kind IN ('live', 'calibration', 'master', 'review'));
ALTER TABLE batches ADD COLUMN calibration_set_id TEXT;
-- For a master batch: the micro-credential and title of the set being built.
ALTER TABLE batches ADD COLUMN master_set TEXT CHECK (master_set IS NULL OR json_valid(master_set));
CREATE TABLE calibration_results (
  submission_id  TEXT PRIMARY KEY REFERENCES submissions(id) ON DELETE CASCADE,
  body           TEXT NOT NULL CHECK (json_valid(body)),
  received_at    TEXT NOT NULL
) STRICT;
`;

export const migration0004Quality: Migration = {
  version: 4,
  name: 'quality',
  up(db) {
    db.exec(sql);
  },
};
