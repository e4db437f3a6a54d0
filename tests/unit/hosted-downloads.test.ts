import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/database';
import { EvidenceAtRest } from '../../electron/core/evidence/at-rest';
import { EncryptedReader } from '../../electron/core/evidence/encrypted-file';
import { EvidenceDownloads } from '../../electron/core/evidence/downloads';
import { silentLogger } from '../support/silent-logger';
import { getEvidence } from '../../electron/core/repositories/evidence';
import { listNotices } from '../../electron/core/repositories/notices';
import { claimedSubmission, emptyDatabase, FakeApi, FakeSession } from '../support/fake-hosted';
import { until } from '../support/until';
import { systemClock } from '../../electron/core/platform/clock';
import { settled } from '../support/settled';

let store: ReturnType<typeof emptyDatabase>;
let db: Db;
let server: Server;
let session: FakeSession;
let downloads: EvidenceDownloads;
let arrived: string[];
/** What the evidence server answers for each item (bytes). */
const served = new Map<string, Buffer>();

const good = Buffer.from('a short clip of a lesson, many bytes long '.repeat(2000));
const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** An evidence item of `submissionId` whose manifest promises `promised`. */
function evidence(submissionId: string, id: string, promised: Buffer): void {
  db.prepare(`INSERT INTO evidence_items (id, submission_id, position, kind, title, mime_type, bytes, sha256, availability) VALUES (?, ?, 0, 'video', 'Lesson', 'video/webm', ?, ?, 'remote')`).run(id, submissionId, promised.length, sha(promised));
}

beforeEach(async () => {
  store = emptyDatabase();
  db = store.db;
  served.clear();
  server = createServer((request, response) => {
    const bytes = served.get(decodeURIComponent(request.url!.replace('/v1/evidence/', '')));
    if (!bytes) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length }).end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  session = new FakeSession(new FakeApi());
  session.serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  arrived = [];
  const atRest = new EvidenceAtRest({ db, dataDir: store.dir, key: () => session.evidenceKey, logger: silentLogger, now: () => new Date(), onRemoved: () => undefined });
  downloads = new EvidenceDownloads({
    db,
    dataDir: store.dir,
    session,
    atRest,
    logger: silentLogger,
    clock: systemClock,
    retentionCutoff: () => new Date(0).toISOString(),
    closed: () => false,
    onProgress: () => undefined,
    onArrived: (submissionId) => arrived.push(submissionId),
    onFailure: (what, error) => {
      throw new Error(`${what}: ${String(error)}`);
    },
  });
  claimedSubmission(db, 's1');
});
afterEach(async () => {
  downloads.abortAll();
  await new Promise((resolve) => server.close(resolve));
  store.dispose();
});

describe('the evidence pump', () => {
  it('fetches a file, keeps it only encrypted, and says which submission it belongs to', async () => {
    evidence('s1', 's1-video', good);
    served.set('s1-video', good);
    expect(downloads.progress()).toMatchObject({ files: 1, totalBytes: good.length });
    downloads.pump();
    await until(() => Promise.resolve(getEvidence(db, 's1-video')?.availability === 'available'), 'the download');
    const path = getEvidence(db, 's1-video')!.localPath!;
    const reader = EncryptedReader.open(path, session.evidenceKey, 's1-video', good.length);
    expect(Buffer.concat(Array.from({ length: reader.chunks }, (_, index) => reader.chunk(index)))).toEqual(good);
    reader.close();
    expect(arrived).toContain('s1');
    expect(downloads.progress()).toMatchObject({ files: 0 });
  });

  it('sets a file aside with a notice after it fails its checksum three times', async () => {
    evidence('s1', 's1-video', good);
    served.set('s1-video', Buffer.from(good).fill(1, 0, 10));
    downloads.pump();
    await until(() => Promise.resolve(listNotices(db).length > 0), 'the quarantine notice');
    expect(listNotices(db)).toEqual([expect.objectContaining({ kind: 'evidence_quarantined', title: 'Lesson', reason: 'sha256_mismatch', attempts: 3 })]);
    expect(getEvidence(db, 's1-video')).toMatchObject({ availability: 'corrupt', localPath: null });
  });

  it('does nothing while paused (kept as a preference) and resumes when asked', async () => {
    evidence('s1', 's1-video', good);
    served.set('s1-video', good);
    downloads.setPaused(true);
    downloads.pump(); // paused: starts nothing
    await settled();
    expect(getEvidence(db, 's1-video')?.availability).toBe('remote');
    expect(downloads.progress()).toMatchObject({ paused: true, files: 1 });
    expect(db.prepare(`SELECT value FROM preferences WHERE key = 'downloadsPaused'`).get()).toEqual({ value: 'true' });
    downloads.setPaused(false);
    await until(() => Promise.resolve(getEvidence(db, 's1-video')?.availability === 'available'), 'the resumed download');
    expect(existsSync(getEvidence(db, 's1-video')!.localPath!)).toBe(true);
  });
});
