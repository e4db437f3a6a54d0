import type { Migration } from './migration';

const sql = `
CREATE TABLE micro_credentials (
  id          TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  issuer      TEXT NOT NULL,
  stack       TEXT NOT NULL,
  competency  TEXT NOT NULL
) STRICT;

CREATE TABLE rubric_versions (
  id                          TEXT PRIMARY KEY,
  credential_id               TEXT NOT NULL REFERENCES micro_credentials(id),
  version                     INTEGER NOT NULL CHECK (version >= 1),
  passing_level               INTEGER NOT NULL,
  max_criteria_below_passing  INTEGER NOT NULL CHECK (max_criteria_below_passing >= 0),
  minimum_total               INTEGER,
  UNIQUE (credential_id, version)
) STRICT;

CREATE TABLE rubric_components (
  rubric_version_id  TEXT NOT NULL REFERENCES rubric_versions(id) ON DELETE CASCADE,
  id                 TEXT NOT NULL,
  position           INTEGER NOT NULL,
  title              TEXT NOT NULL,
  description        TEXT NOT NULL,
  PRIMARY KEY (rubric_version_id, id)
) STRICT;

CREATE TABLE rubric_criteria (
  rubric_version_id  TEXT NOT NULL,
  id                 TEXT NOT NULL,
  component_id       TEXT NOT NULL,
  position           INTEGER NOT NULL,
  title              TEXT NOT NULL,
  description        TEXT NOT NULL,
  passing_level      INTEGER,
  PRIMARY KEY (rubric_version_id, id),
  FOREIGN KEY (rubric_version_id, component_id) REFERENCES rubric_components(rubric_version_id, id) ON DELETE CASCADE
) STRICT;

CREATE TABLE score_levels (
  rubric_version_id  TEXT NOT NULL,
  criterion_id       TEXT NOT NULL,
  level              INTEGER NOT NULL,
  label              TEXT NOT NULL,
  descriptor         TEXT NOT NULL,
  PRIMARY KEY (rubric_version_id, criterion_id, level),
  FOREIGN KEY (rubric_version_id, criterion_id) REFERENCES rubric_criteria(rubric_version_id, id) ON DELETE CASCADE
) STRICT;

CREATE TABLE batches (
  id                TEXT PRIMARY KEY,
  label             TEXT NOT NULL,
  is_demo           INTEGER NOT NULL CHECK (is_demo IN (0, 1)),
  claimed_at        TEXT NOT NULL,
  lease_expires_at  TEXT NOT NULL,
  due_at            TEXT NOT NULL
) STRICT;

-- Blind by construction: there is no column for the candidate's identity.
CREATE TABLE submissions (
  id                 TEXT PRIMARY KEY,
  credential_id      TEXT NOT NULL REFERENCES micro_credentials(id),
  rubric_version_id  TEXT NOT NULL REFERENCES rubric_versions(id),
  label              TEXT NOT NULL,
  attempt            INTEGER NOT NULL CHECK (attempt >= 1),
  submitted_at       TEXT NOT NULL
) STRICT;

CREATE TABLE assignments (
  submission_id     TEXT PRIMARY KEY REFERENCES submissions(id) ON DELETE CASCADE,
  batch_id          TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
  position          INTEGER NOT NULL,
  lease_expires_at  TEXT NOT NULL,
  due_at            TEXT NOT NULL,
  UNIQUE (batch_id, position)
) STRICT;

CREATE TABLE previous_attempts (
  submission_id     TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  attempt           INTEGER NOT NULL CHECK (attempt >= 1),
  outcome           TEXT NOT NULL CHECK (outcome IN ('award', 'not_yet', 'flag')),
  decided_at        TEXT NOT NULL,
  overall_feedback  TEXT NOT NULL,
  PRIMARY KEY (submission_id, attempt)
) STRICT;

CREATE TABLE previous_attempt_scores (
  submission_id  TEXT NOT NULL,
  attempt        INTEGER NOT NULL,
  criterion_id   TEXT NOT NULL,
  level          INTEGER NOT NULL,
  feedback       TEXT NOT NULL,
  PRIMARY KEY (submission_id, attempt, criterion_id),
  FOREIGN KEY (submission_id, attempt) REFERENCES previous_attempts(submission_id, attempt) ON DELETE CASCADE
) STRICT;

CREATE TABLE evidence_items (
  id              TEXT PRIMARY KEY,
  submission_id   TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  position        INTEGER NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('video', 'audio', 'document', 'image', 'text')),
  title           TEXT NOT NULL,
  mime_type       TEXT NOT NULL,
  bytes           INTEGER NOT NULL CHECK (bytes >= 0),
  sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
  duration_ms     INTEGER CHECK (duration_ms IS NULL OR duration_ms >= 0),
  availability    TEXT NOT NULL CHECK (availability IN ('remote', 'downloading', 'available', 'corrupt')),
  -- Core-only: where the bytes live on this machine. Never sent to the renderer.
  local_path      TEXT,
  captions_path   TEXT,
  text_content    TEXT
) STRICT;
CREATE INDEX evidence_by_submission ON evidence_items(submission_id, position);

CREATE TABLE scoring_drafts (
  submission_id     TEXT PRIMARY KEY REFERENCES submissions(id) ON DELETE CASCADE,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  overall_feedback  TEXT NOT NULL DEFAULT '',
  active_ms         INTEGER NOT NULL DEFAULT 0 CHECK (active_ms >= 0)
) STRICT;

CREATE TABLE draft_scores (
  submission_id  TEXT NOT NULL REFERENCES scoring_drafts(submission_id) ON DELETE CASCADE,
  criterion_id   TEXT NOT NULL,
  level          INTEGER,
  rationale      TEXT NOT NULL DEFAULT '',
  updated_at     TEXT NOT NULL,
  PRIMARY KEY (submission_id, criterion_id)
) STRICT;

CREATE TABLE comments (
  id             TEXT PRIMARY KEY,
  submission_id  TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  evidence_id    TEXT NOT NULL REFERENCES evidence_items(id) ON DELETE CASCADE,
  start_ms       INTEGER CHECK (start_ms IS NULL OR start_ms >= 0),
  end_ms         INTEGER CHECK (end_ms IS NULL OR end_ms >= start_ms),
  page           INTEGER CHECK (page IS NULL OR page >= 1),
  quote          TEXT,
  body           TEXT NOT NULL,
  tag            TEXT NOT NULL CHECK (tag IN ('strength', 'growth_area', 'note')),
  visibility     TEXT NOT NULL CHECK (visibility IN ('candidate', 'internal')),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX comments_by_evidence ON comments(submission_id, evidence_id, start_ms);

CREATE TABLE comment_criteria (
  comment_id    TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
  criterion_id  TEXT NOT NULL,
  PRIMARY KEY (comment_id, criterion_id)
) STRICT;

CREATE TABLE decisions (
  submission_id      TEXT PRIMARY KEY REFERENCES submissions(id) ON DELETE CASCADE,
  outcome            TEXT NOT NULL CHECK (outcome IN ('award', 'not_yet', 'flag')),
  condition_code     TEXT,
  note               TEXT NOT NULL DEFAULT '',
  rubric_version_id  TEXT NOT NULL REFERENCES rubric_versions(id),
  decided_at         TEXT NOT NULL,
  CHECK ((outcome = 'flag') = (condition_code IS NOT NULL))
) STRICT;

-- Written in the same transaction as the data it carries; drained by the sync engine.
CREATE TABLE outbox (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL,
  entity_id        TEXT NOT NULL,
  idempotency_key  TEXT NOT NULL UNIQUE,
  payload          TEXT NOT NULL CHECK (json_valid(payload)),
  state            TEXT NOT NULL CHECK (state IN ('pending', 'acknowledged', 'conflict')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT NOT NULL,
  last_error       TEXT,
  created_at       TEXT NOT NULL,
  acknowledged_at  TEXT
) STRICT;
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
CREATE UNIQUE INDEX outbox_one_per_entity ON outbox(kind, entity_id);
`;

export const migration0001Initial: Migration = {
  version: 1,
  name: '0001-initial',
  up(db) {
    db.exec(sql);
  },
};
