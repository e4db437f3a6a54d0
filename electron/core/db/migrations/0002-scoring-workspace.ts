import type { Migration } from './migration';

const sql = `
-- The assessor's own settings (keymap, split, last open submission): small JSON values by key.
CREATE TABLE preferences (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL CHECK (json_valid(value)),
  updated_at  TEXT NOT NULL
) STRICT;

-- The personal comment bank: reusable feedback snippets.
CREATE TABLE comment_bank (
  id          TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  tag         TEXT NOT NULL CHECK (tag IN ('strength', 'growth_area', 'note')),
  used_count  INTEGER NOT NULL DEFAULT 0 CHECK (used_count >= 0),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE component_feedback (
  submission_id  TEXT NOT NULL REFERENCES scoring_drafts(submission_id) ON DELETE CASCADE,
  component_id   TEXT NOT NULL,
  body           TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  PRIMARY KEY (submission_id, component_id)
) STRICT;

-- Where the assessor was in the evidence, so a restart returns to the same moment.
ALTER TABLE scoring_drafts ADD COLUMN playback_evidence_id TEXT;
ALTER TABLE scoring_drafts ADD COLUMN playback_position_ms INTEGER CHECK (playback_position_ms IS NULL OR playback_position_ms >= 0);
`;

export const migration0002ScoringWorkspace: Migration = {
  version: 2,
  name: '0002-scoring-workspace',
  up(db) {
    db.exec(sql);
  },
};
