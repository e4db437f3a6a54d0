import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/database';
import { newDatabaseKey } from '../../electron/core/db/database-keys';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { tempDir } from '../support/core-fixture';

const dirs: string[] = [];
const freshFile = (): string => {
  const dir = tempDir('assessor-migration-');
  dirs.push(dir);
  return join(dir, 'workstation.sqlite');
};
const key = newDatabaseKey();
/** A connection as any SQLCipher 4 client would make it, given the raw key. */
const sqlcipherClient = (file: string, withKey = key): Database.Database => {
  const db = new Database(file);
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = 'raw:${withKey.toString('hex')}'`);
  return db;
};
/** A real encrypted file migrated up to `version`, foreign keys on as the workstation runs it. */
const databaseAt = (version: number): Database.Database => {
  const db = sqlcipherClient(freshFile());
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  return db;
};
/** A plain file at `version`, as a version of the workstation before encryption left it (WAL, and pages still in the WAL). */
const plainDatabaseAt = (version: number): { file: string; db: Database.Database } => {
  const file = freshFile();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  return { file, db };
};
/** Every file in the database's folder, and whether any holds `text` (UTF-8 or UTF-16). */
const folderHolds = (file: string, text: string): string[] =>
  readdirSync(dirname(file)).filter((name) => {
    const bytes = readFileSync(join(dirname(file), name));
    return bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'));
  });
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const tablesOf0001 = [
  'assignments', 'batches', 'comment_criteria', 'comments', 'decisions', 'draft_scores', 'evidence_items', 'micro_credentials',
  'outbox', 'previous_attempt_scores', 'previous_attempts', 'rubric_components', 'rubric_criteria', 'rubric_versions',
  'score_levels', 'scoring_drafts', 'submissions',
];

describe('every migration', () => {
  it('has a test of its own here (upgrading from the one before, with data in it)', () => {
    const here = readFileSync(__filename, 'utf8');
    const labelOf = ({ version, name }: { version: number; name: string }): string => (name.startsWith(String(version).padStart(4, '0')) ? name : `${String(version).padStart(4, '0')}-${name}`);
    const untested = migrations.filter((migration) => !here.includes(`describe('migration ${labelOf(migration)}'`));
    expect(untested.map((migration) => migration.name)).toEqual([]);
  });
});

describe('database file settings', () => {
  it('uses WAL, synchronous=FULL, secure_delete and foreign keys on a real, encrypted file', () => {
    const file = freshFile();
    const db = openDatabase(file, key);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    // SQLCipher 4's format: any SQLCipher client with the key reads it, and WAL is kept in the file.
    const client = sqlcipherClient(file);
    expect(client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(client.pragma('user_version', { simple: true })).toBe(migrations.length);
    client.close();
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  });

  it('refuses a database written by a newer workstation', () => {
    const file = freshFile();
    const db = openDatabase(file, key);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    expect(() => openDatabase(file, key)).toThrow(/newer than this workstation/);
  });

  it('without its key, says so and leaves the file exactly as it was', () => {
    const file = freshFile();
    const db = openDatabase(file, key);
    db.exec(`INSERT INTO preferences (key, value, updated_at) VALUES ('undoWindowSeconds', '10', 't')`);
    db.close();
    const before = readFileSync(file);
    expect(() => openDatabase(file, newDatabaseKey())).toThrow(/cannot be read with the key this computer holds/);
    expect(() => sqlcipherClient(file, newDatabaseKey()).prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(expect.objectContaining({ code: 'SQLITE_NOTADB' }));
    expect(readFileSync(file).equals(before)).toBe(true);
    const again = openDatabase(file, key);
    expect(again.prepare('SELECT value FROM preferences').pluck().get()).toBe('10');
    again.close();
  });

  it('can be backed up: VACUUM INTO writes a copy encrypted with the same key', () => {
    const file = freshFile();
    const db = openDatabase(file, key);
    db.exec(`INSERT INTO comment_bank (id, title, body, tag, created_at, updated_at) VALUES ('c', 'Snippet', 'A backed-up snippet of feedback', 'note', 't', 't')`);
    const copy = join(dirname(file), 'backup.sqlite');
    db.prepare('VACUUM INTO ?').run(copy);
    db.close();
    expect(readFileSync(copy).includes(Buffer.from('A backed-up snippet of feedback'))).toBe(false);
    const restored = openDatabase(copy, key);
    expect(restored.prepare('SELECT body FROM comment_bank').pluck().get()).toBe('A backed-up snippet of feedback');
    restored.close();
    expect(() => openDatabase(copy, newDatabaseKey())).toThrow(/cannot be read/);
  });
});

describe('a plain database from a version before encryption', () => {
  it.each(migrations.map((migration) => migration.version))('at schema %i is encrypted in place, migrated, and leaves no plain copy in the folder', (version) => {
    const { file: running, db } = plainDatabaseAt(version);
    db.exec(`INSERT INTO micro_credentials VALUES ('c', 'Rationale quoted from a plain file: the lesson hook worked', 'I', 'S', 'X')`);
    // The folder as the old version left it when it stopped without closing: the new row only in its WAL.
    const file = freshFile();
    copyFileSync(running, file);
    copyFileSync(`${running}-wal`, `${file}-wal`);
    db.close();
    expect(folderHolds(file, 'the lesson hook worked')).toEqual(['workstation.sqlite-wal']);

    const encrypted = openDatabase(file, key);
    expect(encrypted.prepare('SELECT title FROM micro_credentials').pluck().get()).toBe('Rationale quoted from a plain file: the lesson hook worked');
    expect(encrypted.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(encrypted.pragma('integrity_check', { simple: true })).toBe('ok');
    encrypted.close();
    expect(folderHolds(file, 'the lesson hook worked')).toEqual([]);
    expect(readdirSync(dirname(file)).sort()).toEqual(['workstation.sqlite']);
    expect(() => new Database(file).prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
  });

  it('a crash while encrypting left a half-made copy: the plain original is encrypted again from the start', () => {
    const { file, db } = plainDatabaseAt(migrations.length);
    db.exec(`INSERT INTO micro_credentials VALUES ('c', 'kept', 'I', 'S', 'X')`);
    db.close();
    const copy = `${file}.encrypting`;
    writeFileSync(copy, readFileSync(file).subarray(0, 4096)); // what a crash while copying leaves
    const encrypted = openDatabase(file, key);
    expect(encrypted.prepare('SELECT title FROM micro_credentials').pluck().get()).toBe('kept');
    encrypted.close();
    expect(existsSync(copy)).toBe(false);
  });
});

describe('migration 0001-initial', () => {
  it('creates every table as STRICT and sets user_version = 1', () => {
    const db = sqlcipherClient(freshFile());
    expect(migrate(db, 1)).toBe(1);
    const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string; sql: string }[];
    expect(tables.map((table) => table.name)).toEqual(tablesOf0001);
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT$/);
    db.close();
  });

  it('is applied once: reopening changes nothing', () => {
    const file = freshFile();
    openDatabase(file, key).close();
    const db = openDatabase(file, key);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('enforces types, checks and foreign keys', () => {
    const db = openDatabase(freshFile(), key);
    expect(() => db.prepare(`INSERT INTO batches (id, label, is_demo, claimed_at, lease_expires_at, due_at) VALUES ('b', 'B', 'yes', 't', 't', 't')`).run()).toThrow(/cannot store TEXT value in INTEGER column|CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO submissions (id, credential_id, rubric_version_id, label, attempt, submitted_at) VALUES ('s', 'nope', 'nope', 'S', 1, 't')`).run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.prepare(`INSERT INTO outbox (kind, entity_id, idempotency_key, payload, state, next_attempt_at, created_at) VALUES ('decision', 's', 'k', '{bad', 'pending', 't', 't')`).run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('has no column that could hold a candidate’s identity', () => {
    const db = openDatabase(freshFile(), key);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((row) => row.name);
    expect(tables).toContain('outbox');
    const columns = tables.flatMap((table) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name));
    for (const column of columns) expect(column).not.toMatch(/candidate|email|first_name|last_name|^name$|educator|teacher/);
    db.close();
  });
});

describe('migration 0002-scoring-workspace', () => {
  it('adds preferences, the comment bank, component feedback and playback position, keeping existing drafts', () => {
    const db = databaseAt(1);
    db.exec(`
      INSERT INTO micro_credentials VALUES ('c', 'C', 'I', 'S', 'X');
      INSERT INTO rubric_versions VALUES ('r', 'c', 1, 3, 0, NULL);
      INSERT INTO submissions VALUES ('s', 'c', 'r', 'S', 1, 't');
      INSERT INTO scoring_drafts (submission_id, created_at, updated_at, overall_feedback, active_ms) VALUES ('s', 't', 't', 'kept', 42);
    `);
    expect(migrate(db, 2)).toBe(2);
    const tables = (db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table'`).all() as { name: string; sql: string }[]).filter((table) =>
      ['preferences', 'comment_bank', 'component_feedback'].includes(table.name),
    );
    expect(tables).toHaveLength(3);
    for (const table of tables) expect(table.sql).toMatch(/\)\s*STRICT$/);
    expect(db.prepare('SELECT overall_feedback, active_ms, playback_position_ms FROM scoring_drafts').get()).toEqual({
      overall_feedback: 'kept',
      active_ms: 42,
      playback_position_ms: null,
    });
    expect(() => db.prepare(`UPDATE scoring_drafts SET playback_position_ms = -1`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO preferences VALUES ('k', 'not json', 't')`).run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 0003-sync-resolution', () => {
  it('rebuilds the outbox with a resolved state, keeping every entry, and adds notices and download failures', () => {
    const db = databaseAt(2);
    db.exec(`
      INSERT INTO outbox (kind, entity_id, idempotency_key, payload, state, attempts, next_attempt_at, created_at) VALUES ('decision', 's', 'key-1', '{}', 'conflict', 2, 't', 't');
      INSERT INTO outbox (kind, entity_id, idempotency_key, payload, state, next_attempt_at, created_at) VALUES ('decision', 's2', 'key-2', '{}', 'pending', 't', 't');
    `);
    expect(migrate(db, 3)).toBe(3);
    expect(db.prepare('SELECT idempotency_key, state, attempts, resolution FROM outbox ORDER BY id').all()).toEqual([
      { idempotency_key: 'key-1', state: 'conflict', attempts: 2, resolution: null },
      { idempotency_key: 'key-2', state: 'pending', attempts: 0, resolution: null },
    ]);
    db.prepare(`UPDATE outbox SET state = 'resolved', resolution = 'note_for_lead' WHERE idempotency_key = 'key-1'`).run();
    expect(() => db.prepare(`UPDATE outbox SET state = 'resolved' WHERE idempotency_key = 'key-2'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO sync_notices (kind, body, created_at) VALUES ('gossip', '{}', 't')`).run()).toThrow(/CHECK/);
    expect((db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'outbox'`).get() as { sql: string }).sql).toMatch(/\)\s*STRICT$/);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all()).toEqual([
      { name: 'outbox_due' },
      { name: 'outbox_one_per_entity' },
    ]);
    db.close();
  });
});

describe('migration 0004-quality', () => {
  it('adds quality snapshots, lead ratings and calibration results, and gives existing batches the live kind', () => {
    const db = databaseAt(3);
    db.exec(`INSERT INTO batches (id, label, is_demo, claimed_at, lease_expires_at, due_at) VALUES ('b', 'B', 0, 't', 't', 't')`);
    expect(migrate(db, 4)).toBe(4);
    expect(db.prepare('SELECT id, kind, calibration_set_id, master_set FROM batches').get()).toEqual({ id: 'b', kind: 'live', calibration_set_id: null, master_set: null });
    for (const name of ['quality_snapshot', 'lead_ratings', 'calibration_results']) {
      expect((db.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).get(name) as { sql: string }).sql).toMatch(/\)\s*STRICT$/);
    }
    expect(() => db.prepare(`UPDATE batches SET kind = 'mystery'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO lead_ratings VALUES ('a', 'c', 's', 'k', 2, NULL, 'rumour', 't')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO calibration_results VALUES ('missing-submission', '{}', 't')`).run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('migration 0005-work-owner', () => {
  it('keeps one owner of the claimed work, as a STRICT table', () => {
    const db = databaseAt(4);
    expect(migrate(db, 5)).toBe(5);
    expect((db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'work_owner'`).get() as { sql: string }).sql).toMatch(/\)\s*STRICT$/);
    db.exec(`INSERT INTO work_owner VALUES (1, 'https://api.example', 'acct-1', 't')`);
    expect(() => db.exec(`INSERT INTO work_owner VALUES (2, 'https://api.example', 'acct-2', 't')`)).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 0006-sealed-work', () => {
  it('turns the old revocation notice into a remote wipe with the figures it lacked, keeping the others', () => {
    const db = databaseAt(5);
    db.exec(`INSERT INTO sync_notices (id, kind, body, created_at) VALUES (1, 'session_revoked', '{"synced":2,"unsentDecisions":1,"drafts":0,"evidenceFiles":3}', 't1')`);
    db.exec(`INSERT INTO sync_notices (id, kind, body, created_at, dismissed_at) VALUES (2, 'submission_quarantined', '{"submissionId":"s","problem":"p"}', 't2', 't3')`);
    expect(migrate(db, 6)).toBe(6);
    const rows = db.prepare('SELECT id, kind, body, dismissed_at FROM sync_notices ORDER BY id').all() as { id: number; kind: string; body: string; dismissed_at: string | null }[];
    expect(rows.map((row) => [row.kind, JSON.parse(row.body) as unknown, row.dismissed_at])).toEqual([
      ['remote_wipe', { synced: 2, unsentDecisions: 1, drafts: 0, evidenceFiles: 3, comments: 0, submissions: 0, unsentLabels: [], writtenResponses: 0 }, null],
      ['submission_quarantined', { submissionId: 's', problem: 'p' }, 't3'],
    ]);
    expect(() => db.exec(`INSERT INTO sync_notices (kind, body, created_at) VALUES ('session_revoked', '{}', 't')`)).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 0007-files-to-delete', () => {
  it('keeps paths to delete after commit, as a STRICT table, and no longer keeps the lead’s raw ratings', () => {
    const db = databaseAt(6);
    db.exec(`INSERT INTO lead_ratings VALUES ('a', 'c', 's', 'k', 2, NULL, 'gold', 't')`);
    expect(migrate(db, 7)).toBe(7);
    expect((db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'files_to_delete'`).get() as { sql: string }).sql).toMatch(/\)\s*STRICT$/);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name LIKE 'lead_ratings%'`).all()).toEqual([]);
    db.exec(`INSERT INTO files_to_delete VALUES ('/data/evidence/a.enc')`);
    expect(() => db.exec(`INSERT INTO files_to_delete VALUES ('/data/evidence/a.enc')`)).toThrow(/UNIQUE/);
    db.close();
  });
});

describe('migration 0008-batch-titles', () => {
  it('keeps the plain title of calibration, master and adjudication batches, and leaves claims and the demo alone', () => {
    const db = databaseAt(7);
    const insert = db.prepare(`INSERT INTO batches (id, label, is_demo, claimed_at, lease_expires_at, due_at, kind) VALUES (?, ?, ?, 't', 't', 't', ?)`);
    insert.run('c', 'Calibration: Credit anchors', 0, 'calibration');
    insert.run('m', 'Master scoring: New set', 0, 'master');
    insert.run('r', 'Adjudication: Submission 7', 0, 'review');
    insert.run('l', 'Batch claimed 2026-12-02', 0, 'live');
    insert.run('d', 'Demo batch: Financial Literacy', 1, 'live');
    expect(migrate(db, 8)).toBe(8);
    expect((db.prepare('SELECT id, label FROM batches ORDER BY id').all() as { id: string; label: string }[]).map((row) => [row.id, row.label])).toEqual([
      ['c', 'Credit anchors'],
      ['d', 'Demo batch: Financial Literacy'],
      ['l', 'Batch claimed 2026-12-02'],
      ['m', 'New set'],
      ['r', 'Submission 7'],
    ]);
    db.close();
  });
});

/** One submission with a video, claimed in a live batch: what the later migrations find in a file. */
const seedClaimedSubmission = (db: Database.Database): void => {
  db.exec(`
    INSERT INTO micro_credentials VALUES ('c', 'C', 'I', 'S', 'X');
    INSERT INTO rubric_versions VALUES ('r', 'c', 1, 3, 0, NULL);
    INSERT INTO submissions VALUES ('s', 'c', 'r', 'S', 1, 't');
    INSERT INTO batches (id, label, is_demo, claimed_at, lease_expires_at, due_at) VALUES ('b', 'Batch claimed 2026-12-02', 0, 't', 't', 't');
    INSERT INTO assignments (submission_id, batch_id, position, lease_expires_at, due_at) VALUES ('s', 'b', 1, 't', 't');
    INSERT INTO evidence_items (id, submission_id, position, kind, title, mime_type, bytes, sha256, availability)
      VALUES ('e', 's', 1, 'image', 'Board', 'image/png', 1, '${'0'.repeat(64)}', 'remote');
  `);
};

describe('migration 0009-comment-regions', () => {
  it('lets a comment mark a rectangle (valid JSON or nothing), keeping the comments already there', () => {
    const db = databaseAt(8);
    seedClaimedSubmission(db);
    db.exec(`INSERT INTO comments (id, submission_id, evidence_id, page, body, tag, visibility, created_at, updated_at) VALUES ('k', 's', 'e', 1, 'Kept as it was', 'note', 'candidate', 't', 't')`);
    expect(migrate(db, 9)).toBe(9);
    expect(db.prepare('SELECT body, region FROM comments').get()).toEqual({ body: 'Kept as it was', region: null });
    db.prepare(`UPDATE comments SET region = ?`).run(JSON.stringify({ x: 0.1, y: 0.2, width: 0.3, height: 0.4 }));
    expect(() => db.prepare(`UPDATE comments SET region = 'not json'`).run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 0010-lease-reassigned', () => {
  it('marks no existing assignment as reassigned, and takes only 0 or 1', () => {
    const db = databaseAt(9);
    seedClaimedSubmission(db);
    expect(migrate(db, 10)).toBe(10);
    expect(db.prepare('SELECT submission_id, reassigned FROM assignments').all()).toEqual([{ submission_id: 's', reassigned: 0 }]);
    db.prepare(`UPDATE assignments SET reassigned = 1`).run();
    expect(() => db.prepare(`UPDATE assignments SET reassigned = 2`).run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 0011-audit-trail', () => {
  it('lets the audit trail hold several entries per submission while every other kind keeps one, and names this machine once', () => {
    const db = databaseAt(10);
    seedClaimedSubmission(db);
    const entry = db.prepare(`INSERT INTO outbox (kind, entity_id, idempotency_key, payload, state, next_attempt_at, created_at) VALUES (?, 's', ?, '{}', 'pending', 't', 't')`);
    entry.run('decision', 'k1');
    expect(migrate(db, 11)).toBe(11);
    expect(db.prepare('SELECT kind, idempotency_key FROM outbox').all()).toEqual([{ kind: 'decision', idempotency_key: 'k1' }]);
    entry.run('audit', 'k2');
    entry.run('audit', 'k3');
    expect(() => entry.run('decision', 'k4')).toThrow(/UNIQUE/);
    const machine = db.prepare('SELECT machine_id FROM workstation').all() as { machine_id: string }[];
    expect(machine).toHaveLength(1);
    expect(machine[0]!.machine_id).toMatch(/^[0-9a-f]{32}$/);
    expect(() => db.prepare(`INSERT INTO workstation VALUES (2, 'another', 't')`).run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 0012-sent-payloads-forgotten', () => {
  it('empties what acknowledged and settled entries carried, keeping unsent ones and referral threads not yet fetched', () => {
    const db = databaseAt(11);
    const entry = db.prepare(`INSERT INTO outbox (kind, entity_id, idempotency_key, payload, state, next_attempt_at, created_at, acknowledged_at, resolution) VALUES (?, ?, ?, ?, ?, 't', 't', ?, ?)`);
    const words = JSON.stringify({ rationale: 'The assessor’s own words' });
    entry.run('decision', 's1', 'k1', words, 'acknowledged', 't', null);
    entry.run('audit', 's1', 'k2', words, 'acknowledged', 't', null);
    entry.run('decision', 's2', 'k3', words, 'resolved', null, 'discarded');
    entry.run('decision', 's3', 'k4', words, 'pending', null, null);
    entry.run('decision', 's4', 'k5', words, 'conflict', null, null);
    entry.run('referral', 'r1', 'k6', words, 'acknowledged', 't', null);
    entry.run('referral_message', 'm1', 'k7', words, 'acknowledged', 't', null);
    expect(migrate(db, 12)).toBe(12);
    expect(db.prepare('SELECT idempotency_key, state, payload FROM outbox ORDER BY id').all()).toEqual([
      { idempotency_key: 'k1', state: 'acknowledged', payload: '{}' },
      { idempotency_key: 'k2', state: 'acknowledged', payload: '{}' },
      { idempotency_key: 'k3', state: 'resolved', payload: '{}' },
      { idempotency_key: 'k4', state: 'pending', payload: words },
      { idempotency_key: 'k5', state: 'conflict', payload: words },
      { idempotency_key: 'k6', state: 'acknowledged', payload: words },
      { idempotency_key: 'k7', state: 'acknowledged', payload: words },
    ]);
    db.close();
  });
});

describe('migration 0013-refused-notices', () => {
  it('takes notices of what the server refused for good, keeping every notice there was', () => {
    const db = databaseAt(12);
    db.exec(`INSERT INTO sync_notices (id, kind, body, created_at, dismissed_at) VALUES (1, 'evidence_unreadable', '{"title":"Video","submissionLabel":"S1"}', 't1', NULL), (2, 'remote_wipe', '{"synced":1}', 't2', 't3')`);
    expect(() => db.exec(`INSERT INTO sync_notices (kind, body, created_at) VALUES ('refused_by_server', '{}', 't')`)).toThrow(/CHECK/);
    expect(migrate(db, 13)).toBe(13);
    expect(db.prepare('SELECT id, kind, body, created_at, dismissed_at FROM sync_notices ORDER BY id').all()).toEqual([
      { id: 1, kind: 'evidence_unreadable', body: '{"title":"Video","submissionLabel":"S1"}', created_at: 't1', dismissed_at: null },
      { id: 2, kind: 'remote_wipe', body: '{"synced":1}', created_at: 't2', dismissed_at: 't3' },
    ]);
    db.exec(`INSERT INTO sync_notices (kind, body, created_at) VALUES ('refused_by_server', '{"what":"audit"}', 't4')`);
    expect(() => db.exec(`INSERT INTO sync_notices (kind, body, created_at) VALUES ('anything', '{}', 't')`)).toThrow(/CHECK/);
    db.close();
  });
});
