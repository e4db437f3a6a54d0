import type { Migration } from './migration';

const sql = `
-- Calibration, master-scoring and adjudication batches keep their plain title; the screen says what
-- kind they are, in the assessor's language. Labels written by older versions lose their English prefix.
UPDATE batches SET label = substr(label, length('Calibration: ') + 1) WHERE kind = 'calibration' AND label LIKE 'Calibration: %';
UPDATE batches SET label = substr(label, length('Master scoring: ') + 1) WHERE kind = 'master' AND label LIKE 'Master scoring: %';
UPDATE batches SET label = substr(label, length('Adjudication: ') + 1) WHERE kind = 'review' AND label LIKE 'Adjudication: %';
`;

export const migration0008BatchTitles: Migration = {
  version: 8,
  name: 'batch-titles',
  up(db) {
    db.exec(sql);
  },
};
