import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/database';
import type { Db } from '../../electron/core/db/database';
import { newDatabaseKey } from '../../electron/core/db/database-keys';
import { tempDir } from '../support/core-fixture';

const opened: { db: Db; dir: string }[] = [];
const open = (): Db => {
  const dir = tempDir('assessor-statements-');
  const db = openDatabase(join(dir, 'workstation.sqlite'), newDatabaseKey());
  opened.push({ db, dir });
  return db;
};
afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('prepared statements, cached per connection', () => {
  it('prepares each SQL text once per connection, and each connection has its own', () => {
    const db = open();
    const sql = 'SELECT value FROM preferences WHERE key = ?';
    expect(db.prepare(sql)).toBe(db.prepare(sql));
    expect(db.prepare(sql)).not.toBe(db.prepare('SELECT key FROM preferences'));
    expect(open().prepare(sql)).not.toBe(db.prepare(sql));
  });

  it('hands a statement out in plain row mode whatever its last caller set', () => {
    const db = open();
    db.prepare(`INSERT INTO preferences (key, value, updated_at) VALUES ('undoWindowSeconds', '10', 't')`).run();
    const sql = 'SELECT key, value FROM preferences';
    expect(db.prepare(sql).pluck().get()).toBe('undoWindowSeconds');
    expect(db.prepare(sql).get()).toEqual({ key: 'undoWindowSeconds', value: '10' });
    expect(db.prepare(sql).raw().get()).toEqual(['undoWindowSeconds', '10']);
    expect(db.prepare(sql).all()).toEqual([{ key: 'undoWindowSeconds', value: '10' }]);
  });

  it('still sees a table changed after the statement was prepared', () => {
    const db = open();
    const count = 'SELECT count(*) AS n FROM comment_bank';
    expect(db.prepare(count).get()).toEqual({ n: 0 });
    db.prepare(`INSERT INTO comment_bank (id, title, body, tag, created_at, updated_at) VALUES ('c', 'T', 'B', 'note', 't', 't')`).run();
    expect(db.prepare(count).get()).toEqual({ n: 1 });
  });
});
