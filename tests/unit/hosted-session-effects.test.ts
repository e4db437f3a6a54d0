import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../shared/contract/methods';
import type { Db } from '../../electron/core/db/database';
import { EvidenceAtRest } from '../../electron/core/evidence/at-rest';
import { SessionEffects } from '../../electron/core/account/session-effects';
import type { SessionLifecycle } from '../../electron/core/hosted/session';
import { silentLogger } from '../support/silent-logger';
import { listQueue } from '../../electron/core/repositories/batches';
import { listEvidence, saveEvidenceText, setAvailability } from '../../electron/core/repositories/evidence';
import { listNotices } from '../../electron/core/repositories/notices';
import { countUnsent, enqueue } from '../../electron/core/repositories/outbox';
import { loadSnapshot, saveSnapshot } from '../../electron/core/repositories/quality';
import { setWorkOwner } from '../../electron/core/repositories/work-owner';
import { claimedSubmission, emptyDatabase, FakeApi, FakeSession, manifestOf } from '../support/fake-hosted';
import { outboxJobs } from '../../electron/core/app/outbox-jobs';

/** The fake session, signing in and out as the real one does (the epoch moves, `accept` may refuse). */
class FakeLifecycle extends FakeSession implements SessionLifecycle {
  keysReplaced = 0;
  signIn(serverUrl: string, email: string, _password: string, accept: (account: NonNullable<SessionLifecycle['account']>, serverUrl: string) => void): Promise<void> {
    const account = { id: email === 'assessor@example.org' ? 'acct-1' : 'acct-2', email, displayName: email, roles: ['assessor' as const] };
    accept(account, serverUrl);
    this.account = account;
    this.signedIn = true;
    this.currentEpoch += 1;
    return Promise.resolve();
  }
  signOut(): Promise<void> {
    this.end();
    return Promise.resolve();
  }
  replaceEvidenceKey(): Promise<void> {
    this.keysReplaced += 1;
    return Promise.resolve();
  }
  info(): SessionInfo {
    return { signedIn: this.signedIn, serverUrl: this.serverUrl ?? '', email: this.account?.email ?? null, displayName: null, roles: [], storage: 'file', lastEmail: null, ended: null };
  }
}

let store: ReturnType<typeof emptyDatabase>;
let db: Db;
let session: FakeLifecycle;
let effects: SessionEffects;
let events: string[];
let file: string;
const countClaimed = (): number => (db.prepare(`SELECT count(*) AS n FROM submissions WHERE id NOT LIKE 'demo-%'`).get() as { n: number }).n;

beforeEach(() => {
  store = emptyDatabase();
  db = store.db;
  session = new FakeLifecycle(new FakeApi());
  events = [];
  const atRest = new EvidenceAtRest({ db, dataDir: store.dir, key: () => session.evidenceKey, logger: silentLogger, now: () => new Date(), onRemoved: () => undefined });
  effects = new SessionEffects({
    db,
    accountKinds: outboxJobs.kindsWhere((job) => job.belongsToAccount === true),
    session,
    atRest,
    downloads: { abortAll: () => events.push('downloads stopped') },
    loop: { begin: () => events.push('sync began') },
    status: { publish: () => events.push('status') },
    changes: { everything: () => events.push('everything changed') },
    databaseKey: { replace: () => Promise.resolve(void events.push(`database re-keyed with ${countClaimed()} claimed submissions left`)) },
    logger: silentLogger,
    now: () => new Date('2026-12-05T10:00:00.000Z'),
  });
  // Claimed work here: s1 decided but unsent, s2 with a downloaded file and a written response.
  setWorkOwner(db, { serverUrl: 'https://api.test', accountId: 'acct-1' }, '2026-12-01T00:00:00.000Z');
  claimedSubmission(db, 's1', new Date(Date.now() + 60_000));
  claimedSubmission(db, 's2');
  mkdirSync(join(store.dir, 'evidence'), { recursive: true });
  file = join(store.dir, 'evidence', 's2-video.enc');
  writeFileSync(file, 'ciphertext');
  for (const item of manifestOf('s2').evidence) {
    db.prepare('INSERT INTO evidence_items (id, submission_id, position, kind, title, mime_type, bytes, sha256, availability) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)').run(item.id, 's2', item.kind, item.title, item.mimeType, item.bytes, item.sha256, 'remote');
  }
  setAvailability(db, 's2-video', 'available', file);
  saveEvidenceText(db, 's2-text', atRest.seal('s2-text', 'a reflection'));
  saveSnapshot(db, 'qualifications', [], '2026-12-04T00:00:00.000Z');
});
afterEach(() => store.dispose());

describe('what the session’s beginnings and ends do to the work here', () => {
  it('signing out removes everything from candidates and the quality data, and keeps the assessor’s unsent work', async () => {
    await effects.signOut();
    expect(existsSync(file)).toBe(false);
    expect(listEvidence(db, 's2').map((item) => [item.availability, item.localPath, item.text])).toEqual([['remote', null, null], ['remote', null, null]]);
    expect(loadSnapshot(db, 'qualifications')).toBeNull();
    expect(countUnsent(db)).toEqual({ decisions: 1, other: 0 });
    expect(listQueue(db, 'batch-1', new Date())).toHaveLength(2);
    expect(session.keysReplaced).toBe(1);
    expect(events).toEqual(['downloads stopped', 'everything changed', 'status']);
  });

  it('a remote wipe removes the claimed work, says what was synced and what went, then replaces the database key', async () => {
    // Besides the decision: two audit-trail changes on s2 and a referral, none sent yet.
    const at = new Date().toISOString();
    const change = { submissionId: 's2', kind: 'score', target: 'c', before: null, after: '3', at, machine: { id: 'm', name: 'n' } };
    enqueue(db, { kind: 'audit', entityId: 's2', idempotencyKey: 'audit-key-1', payload: { changes: [{ ...change, id: randomUUID() }, { ...change, id: randomUUID() }] }, at });
    enqueue(db, { kind: 'referral', entityId: randomUUID(), idempotencyKey: 'referral-key-1', payload: { submissionId: 's2' }, at });
    await effects.remoteWipe();
    expect(listQueue(db, 'batch-1', new Date())).toEqual([]);
    expect(existsSync(file)).toBe(false);
    expect(listNotices(db)).toEqual([expect.objectContaining({ kind: 'remote_wipe', synced: 0, unsentDecisions: 1, submissions: 2, unsentLabels: ['Submission s1'], evidenceFiles: 1, writtenResponses: 1, unsentOther: 3 })]);
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    expect(events.at(-1)).toBe('database re-keyed with 0 claimed submissions left');
  });

  it('another account may not sign in over unsent work; once it is all synced, the old account’s work is cleared', async () => {
    await expect(effects.signIn('https://api.test', 'other@example.org', 'pw')).rejects.toMatchObject({ code: 'conflict' });
    expect(listQueue(db, 'batch-1', new Date())).toHaveLength(2);
    db.prepare(`UPDATE outbox SET state = 'acknowledged', acknowledged_at = '2026-12-05T09:00:00.000Z'`).run();
    await effects.signIn('https://api.test', 'other@example.org', 'pw');
    expect(listQueue(db, 'batch-1', new Date())).toEqual([]);
    expect(events).toContain('sync began');
  });

  it('the same account signing in again keeps everything and starts syncing', async () => {
    await effects.signOut();
    events.length = 0;
    await effects.signIn('https://api.test', 'assessor@example.org', 'pw');
    expect(countUnsent(db)).toEqual({ decisions: 1, other: 0 });
    expect(events).toEqual(['sync began', 'status']);
  });
});
