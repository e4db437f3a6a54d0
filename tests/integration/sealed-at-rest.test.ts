import { keysFolderFor } from '../../electron/core/platform/paths';
import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo, SubmissionDetail, SyncStatus, WorkspaceSummary } from '../../shared/contract/methods';
import type { EvidenceComment } from '../../shared/domain/comment';
import { allCriteria } from '../../shared/domain/rubric';
import type { QueueItem } from '../../shared/domain/submission';
import { answerEvidence } from '../../electron/hosts-shared/evidence-answer';
import { openDatabase, WrongDatabaseKey } from '../../electron/core/db/database';
import { DatabaseKeyFile, databaseKeyFileName } from '../../electron/core/db/database-keys';
import { headerBytes } from '../../electron/core/evidence/encrypted-file';
import { databaseFileName } from '../../electron/core/app/service';
import { projectPaths } from '../../electron/launcher/project-paths';
import { seed, seededPassword } from '../hosted-api/seed';
import { defaultOpenApiFile, startHostedApi } from '../hosted-api/server';
import type { HostedApi } from '../hosted-api/server';
import { cleanup } from '../e2e/harness';
import type { CoreFixture } from '../support/core-fixture';
import { evidenceFileOf, openDataFolderDatabase, openTestCore, tempDir, value } from '../support/core-fixture';
import { until } from '../support/until';

const root = projectPaths().root;
let serverDir: string;
let api: HostedApi;
let fixture: CoreFixture;
/** Every written response the server holds: each unique, so finding one on disk means it leaked. */
const writtenResponses: string[] = [];

beforeAll(async () => {
  serverDir = tempDir('assessor-hosted-');
  api = await startHostedApi({ dataDir: serverDir, port: 0, openApiFile: defaultOpenApiFile(root) });
  await seed(api.store, 'demo', join(root, 'resources', 'demo'), serverDir);
  // The seed's reflections repeat the demo's own (which ships in plain text): make each one unique.
  for (const row of api.store.db.prepare(`SELECT id, body FROM evidence WHERE json_extract(body, '$.kind') = 'text'`).all() as { id: string; body: string }[]) {
    const text = `Written reflection ${row.id}: Maya (grade 4) explained compound interest to her group ${randomBytes(8).toString('hex')}.`;
    writtenResponses.push(text);
    api.store.db.prepare(`UPDATE evidence SET body = json_set(body, '$.text', ?, '$.bytes', ?) WHERE id = ?`).run(text, Buffer.byteLength(text), row.id);
  }
  fixture = openTestCore();
  await call('session.signIn', { serverUrl: api.url, email: 'assessor@example.org', password: seededPassword });
});
afterAll(async () => {
  fixture.dispose();
  await api.close();
  cleanup(serverDir);
});

const call = async <T,>(method: string, input: unknown = {}): Promise<T> => value(await fixture.core.invokeAsync(method, input)) as T;
const claimedItems = async (): Promise<QueueItem[]> => {
  const summary = await call<WorkspaceSummary>('workspace.summary');
  const lists = await Promise.all(summary.batches.filter((batch) => !batch.isDemo).map((batch) => call<{ items: QueueItem[] }>('queue.list', { batchId: batch.id })));
  return lists.flatMap((list) => list.items);
};
const everythingHere = async (): Promise<boolean> => {
  for (const item of await claimedItems()) {
    const detail = await call<SubmissionDetail>('submission.open', { submissionId: item.submissionId });
    if (!detail.evidence.every((evidence) => evidence.availability === 'available')) return false;
  }
  return true;
};

/** Every file under the data folder, with its bytes. */
function keyFileFiles(dataDir = fixture.dataDir): { path: string; bytes: Buffer }[] {
  const found: { path: string; bytes: Buffer }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push({ path, bytes: readFileSync(path) });
    }
  };
  walk(dataDir);
  return found;
}

/** The files that hold any of `texts`, in UTF-8 or in SQLite's UTF-16 (should it ever use it). */
function filesHolding(texts: string[]): string[] {
  return keyFileFiles()
    .filter((file) => texts.some((text) => file.bytes.includes(Buffer.from(text, 'utf8')) || file.bytes.includes(Buffer.from(text, 'utf16le'))))
    .map((file) => file.path);
}

/** 48-byte windows from 40 places in each evidence file the server holds: none may be found on this machine's disk. */
function evidenceWindows(): Buffer[] {
  const files = (api.store.db.prepare('SELECT DISTINCT file FROM evidence WHERE file IS NOT NULL').all() as { file: string }[]).map((row) => readFileSync(row.file));
  return files.flatMap((bytes) => Array.from({ length: 40 }, (_, index) => bytes.subarray(Math.floor((index * (bytes.length - 48)) / 39), Math.floor((index * (bytes.length - 48)) / 39) + 48)));
}

function expectNothingFromCandidatesOnDisk(): void {
  const files = keyFileFiles();
  const windows = evidenceWindows();
  for (const file of files) {
    for (const text of writtenResponses) {
      // The distinctive part of each response, in UTF-8 and in SQLite's UTF-16 should it ever use it.
      const marker = text.slice(text.indexOf(':') + 2);
      expect(file.bytes.includes(Buffer.from(marker, 'utf8')), `${file.path} holds a written response`).toBe(false);
      expect(file.bytes.includes(Buffer.from(marker, 'utf16le')), `${file.path} holds a written response`).toBe(false);
    }
    for (const window of windows) expect(file.bytes.includes(window), `${file.path} holds evidence bytes`).toBe(false);
  }
}

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('everything from a candidate sealed at rest', () => {
  it('keeps downloaded evidence and written responses only encrypted, in files only this user can open', async () => {
    await call('batch.claim', { size: 14 });
    await until(everythingHere, 'the batch to be here');
    const [first] = await claimedItems();
    const detail = await call<SubmissionDetail>('submission.open', { submissionId: first!.submissionId });
    const text = detail.evidence.find((evidence) => evidence.kind === 'text')!.text!;
    expect(writtenResponses).toContain(text); // readable through core
    await call('draft.setScore', { submissionId: first!.submissionId, criterionId: detail.rubric.components[0]!.criteria[0]!.id, level: 2 });

    expectNothingFromCandidatesOnDisk();
    expect(mode(fixture.dataDir)).toBe(0o700);
    expect(mode(join(fixture.dataDir, 'evidence'))).toBe(0o700);
    for (const name of ['workstation.sqlite', 'workstation.sqlite-wal', 'workstation.sqlite-shm']) expect(mode(join(fixture.dataDir, name)), name).toBe(0o600);
    expect(mode(join(keysFolderFor(fixture.dataDir), 'secrets.json'))).toBe(0o600);
    for (const name of readdirSync(join(fixture.dataDir, 'evidence'))) expect(mode(join(fixture.dataDir, 'evidence', name)), name).toBe(0o600);
    expect(fixture.db.pragma('secure_delete', { simple: true })).toBe(1);
  });

  it('removes all of it at sign-out, keeps the assessor’s own work, and brings it back after signing in', async () => {
    await call('session.signOut');
    expectNothingFromCandidatesOnDisk();
    expect(existsSync(join(fixture.dataDir, 'evidence')) ? readdirSync(join(fixture.dataDir, 'evidence')) : []).toEqual([]);
    const [first] = await claimedItems();
    expect(first!.status).toBe('in_progress'); // the draft stays
    const detail = await call<SubmissionDetail>('submission.open', { submissionId: first!.submissionId });
    expect(detail.evidence.every((evidence) => evidence.availability === 'remote' && evidence.text === null)).toBe(true);
    expect((await call<SessionInfo>('session.get')).signedIn).toBe(false);

    await call('session.signIn', { serverUrl: api.url, email: 'assessor@example.org', password: seededPassword });
    await until(everythingHere, 'the evidence to come back');
    const again = await call<SubmissionDetail>('submission.open', { submissionId: first!.submissionId });
    expect(writtenResponses).toContain(again.evidence.find((evidence) => evidence.kind === 'text')!.text);
    expectNothingFromCandidatesOnDisk();
  });

  it('seals written responses an older version kept in plain text, and leaves no plain copy behind', async () => {
    const [first] = await claimedItems();
    const textItem = (await call<SubmissionDetail>('submission.open', { submissionId: first!.submissionId })).evidence.find((evidence) => evidence.kind === 'text')!;
    fixture.db.prepare('UPDATE evidence_items SET text_content = ? WHERE id = ?').run(textItem.text, textItem.id); // as version 0.1 stored it
    fixture.closeDb();
    fixture.core.close();
    fixture = openTestCore({ dataDir: fixture.dataDir });
    await call('session.get'); // answers once the vault is read and what is at rest was brought up to date
    const reopened = await call<SubmissionDetail>('submission.open', { submissionId: first!.submissionId });
    expect(reopened.evidence.find((evidence) => evidence.id === textItem.id)?.text).toBe(textItem.text);
    expectNothingFromCandidatesOnDisk();
  });
});

describe('evidence cut, swapped or altered on disk', () => {
  const file = (evidenceId: string): string => evidenceFileOf(fixture, evidenceId)!;
  const serve = async (evidenceId: string) => answerEvidence(fixture.core.evidence, evidenceId, 'media', undefined);

  it('is refused before a byte is served, reported, and fetched again', async () => {
    await until(everythingHere, 'the batch to be here');
    const videos = (fixture.db.prepare(`SELECT id FROM evidence_items WHERE kind = 'video' AND local_path LIKE '%.enc' ORDER BY id`).all() as { id: string }[]).map((row) => row.id);
    const [cut, swappedInto, swappedFrom] = videos;
    truncateSync(file(cut!), headerBytes + 3 * (12 + 64 * 1024 + 16)); // at a chunk boundary
    copyFileSync(file(swappedFrom!), file(swappedInto!)); // another item's file over this one
    expect((await serve(cut!)).status).toBe('unreadable');
    expect((await serve(swappedInto!)).status).toBe('unreadable');
    expect((await serve(swappedFrom!)).status).toBe(200);

    const status = await call<SyncStatus>('sync.status');
    expect(status.notices.filter((notice) => notice.kind === 'evidence_unreadable')).toHaveLength(2);
    await until(everythingHere, 'the damaged files to be fetched again');
    expect((await serve(cut!)).status).toBe(200);
    expect((await serve(swappedInto!)).status).toBe(200);
  });
});

describe('nothing readable on a lost laptop', () => {
  const unique = (text: string): string => `${text} ${randomBytes(6).toString('hex')}`;
  /** What the assessor writes here, each unique: finding one in a file means it is readable at rest. */
  const words = {
    rationale: unique('Rationale: the hook at 0:12 had every group predict the interest before the worked example'),
    commentBody: unique('Comment: this passage shows the student reasoning aloud about compounding'),
    feedback: unique('Overall feedback: a well-paced lesson whose questioning let the group find the rule'),
    note: unique('Decision note: awarded after a second look at the exit tickets'),
    question: unique('Referral: does a photo of the whiteboard count as student work here'),
  };
  /** A passage the assessor quotes from a written response (the candidate's words, in the assessor's comment). */
  let quote = '';
  /** The audit trail's records of those edits, by their ids. */
  let auditIds: string[] = [];
  let submissionId = '';

  const expectNothingReadable = (): void => {
    expect(filesHolding([...Object.values(words), quote, ...auditIds])).toEqual([]);
    expectNothingFromCandidatesOnDisk();
  };

  it('holds the assessor’s words and the evidence only encrypted, signed in with work in progress, after sign-out, and once the server has them', async () => {
    await until(everythingHere, 'the batch to be here');
    const live = (await claimedItems()).find((item) => item.status === 'not_started')!;
    submissionId = live.submissionId;
    const detail = await call<SubmissionDetail>('submission.open', { submissionId });
    const text = detail.evidence.find((evidence) => evidence.kind === 'text')!;
    quote = text.text!.slice(text.text!.indexOf('explained'));
    const criteria = allCriteria(detail.rubric);
    for (const criterion of criteria) await call('draft.setScore', { submissionId, criterionId: criterion.id, level: 3 });
    await call('draft.setRationale', { submissionId, criterionId: criteria[0]!.id, rationale: words.rationale });
    const comment: EvidenceComment = { id: randomUUID(), evidenceId: text.id, startMs: null, endMs: null, page: 1, quote, region: null, body: words.commentBody, tag: 'strength', visibility: 'candidate', criterionIds: [criteria[0]!.id] };
    await call('comment.save', { submissionId, comment });
    await call('draft.setFeedback', { submissionId, componentId: null, body: words.feedback });
    await call('referral.create', { submissionId, reason: 'rubric_unclear', question: words.question });
    const trail = fixture.db.prepare(`SELECT payload FROM outbox WHERE kind = 'audit' AND entity_id = ?`).all(submissionId) as { payload: string }[];
    auditIds = trail.flatMap((row) => (JSON.parse(row.payload) as { changes: { id: string }[] }).changes.map((change) => change.id));
    fixture.closeDb();
    expect(auditIds.length).toBeGreaterThan(criteria.length);
    expectNothingReadable();

    await call('session.signOut');
    expectNothingReadable();
    // Unsent work stays readable after sign-out: the database key is not one of the session's secrets.
    const signedOut = await call<SubmissionDetail>('submission.open', { submissionId });
    expect(signedOut.comments.map((saved) => [saved.body, saved.quote])).toEqual([[words.commentBody, quote]]);

    await call('session.signIn', { serverUrl: api.url, email: 'assessor@example.org', password: seededPassword });
    await call('decision.submit', { submissionId, outcome: 'award', conditionCode: null, note: words.note });
    await call('sync.now');
    await until(async () => (await call<SyncStatus>('sync.status')).waiting === 0, 'the decision and the referral to reach the server');
    await until(everythingHere, 'the evidence to be here again');
    const sent = fixture.db.prepare(`SELECT kind, payload FROM outbox WHERE state = 'acknowledged' AND entity_id = ? ORDER BY kind`).all(submissionId);
    fixture.closeDb();
    expect(sent).toEqual([{ kind: 'audit', payload: '{}' }, { kind: 'decision', payload: '{}' }]);
    expectNothingReadable();
  });

  it('keeps only the key in the key file, 0600, beside the data folder and never in it', () => {
    const keyFile = join(keysFolderFor(fixture.dataDir), databaseKeyFileName);
    expect(readdirSync(fixture.dataDir)).not.toContain(databaseKeyFileName);
    expect(readdirSync(fixture.dataDir)).not.toContain('secrets.json');
    expect(mode(keysFolderFor(fixture.dataDir))).toBe(0o700);
    expect(mode(keyFile)).toBe(0o600);
    expect(Object.keys(JSON.parse(readFileSync(keyFile, 'utf8')) as object)).toEqual(['current', 'next']);
    expect(new DatabaseKeyFile(keyFile).loadOrCreate()).toEqual({ current: expect.any(Buffer) as Buffer, next: null });
  });

  it('a copy of the data folder reads as noise without the key; after a remote wipe a copy taken before it cannot be opened with the key left on the machine', async () => {
    const copy = tempDir('assessor-copied-');
    cpSync(fixture.dataDir, copy, { recursive: true });
    const copiedDatabase = join(copy, databaseFileName);
    expect(() => new Database(copiedDatabase, { readonly: true }).prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(expect.objectContaining({ code: 'SQLITE_NOTADB' }));
    const keyBefore = new DatabaseKeyFile(join(keysFolderFor(fixture.dataDir), databaseKeyFileName)).loadOrCreate().current;
    const readable = openDatabase(copiedDatabase, keyBefore);
    expect(readable.prepare('SELECT note FROM decisions WHERE submission_id = ?').pluck().get(submissionId)).toBe(words.note);
    readable.close();

    api.store.auth.orderRemoteWipe(api.store.accountByEmail('assessor@example.org')!.id, new Date());
    await call('sync.now');
    await until(async () => !(await call<SessionInfo>('session.get')).signedIn, 'the wipe');
    await until(() => Promise.resolve(!new DatabaseKeyFile(join(keysFolderFor(fixture.dataDir), databaseKeyFileName)).loadOrCreate().current.equals(keyBefore)), 'the database key to be replaced');

    const keyNow = new DatabaseKeyFile(join(keysFolderFor(fixture.dataDir), databaseKeyFileName)).loadOrCreate();
    expect(keyNow.next).toBeNull();
    expect(() => openDatabase(copiedDatabase, keyNow.current)).toThrow(WrongDatabaseKey);
    // The machine itself goes on under the new key, with the demo and without the wiped work.
    const now = openDataFolderDatabase(fixture.dataDir);
    expect(now.prepare(`SELECT count(*) FROM submissions WHERE id NOT LIKE 'demo-%'`).pluck().get()).toBe(0);
    expect(now.prepare(`SELECT count(*) FROM submissions WHERE id LIKE 'demo-%'`).pluck().get()).toBeGreaterThan(0);
    now.close();
    expectNothingReadable();
    // The copy carries no key at all: the preview host keeps its keys beside the data folder, not in it.
    expect(readdirSync(copy).filter((name) => name.endsWith('.key') || name === 'secrets.json')).toEqual([]);
    cleanup(copy);
  });
});
