import type { Migration } from './migration';

const sql = `
-- A comment on an image or a document page may mark a rectangle on it (JSON: x, y, width, height as
-- fractions of the image or page), so image evidence can be cited like a moment of video.
ALTER TABLE comments ADD COLUMN region TEXT CHECK (region IS NULL OR json_valid(region));
`;

export const migration0009CommentRegions: Migration = {
  version: 9,
  name: 'comment-regions',
  up(db) {
    db.exec(sql);
  },
};
