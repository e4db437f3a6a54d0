// Figures for the hosted API and sync (issue 5), measured against the reference server on loopback.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../electron/core/db/database';
import { newDatabaseKey } from '../../electron/core/db/database-keys';
import { evidenceReads, maxEvidenceRead } from '../../electron/core/evidence/plaintext-reads';
import { downloadEvidence } from '../../electron/core/evidence/downloader';
import { HostedApiClient } from '../../electron/core/hosted/api-client';
import { drainOutbox } from '../../electron/core/hosted/outbox/drain';
import { outboxJobs } from '../../electron/core/app/outbox-jobs';
import { countByState, enqueue } from '../../electron/core/repositories/outbox';
import { projectPaths } from '../../electron/launcher/project-paths';
import { cleanup, freshDataDir, startHostedApiProcess } from '../e2e/harness';
import { seed, seededPassword } from '../hosted-api/seed';
import { HostedStore } from '../hosted-api/store';
import { minimalAward } from '../support/decisions';
import type { RubricVersion } from '../../shared/domain/rubric';
import { benchAuditTrail, fillYearOfAudit } from './audit';
import type { Row } from './stats';
import { summarize } from './stats';

const root = projectPaths().root;
const mb = 1024 * 1024;

function writeRandomFile(path: string, size: number): string {
  const fd = openSync(path, 'w');
  const hash = createHash('sha256');
  for (let offset = 0; offset < size; offset += 4 * mb) {
    const block = randomBytes(4 * mb);
    writeSync(fd, block);
    hash.update(block);
  }
  closeSync(fd);
  return hash.digest('hex');
}

/** Each seeded submission's rubric (read from the server's store before it is closed): the decisions the drain sends must fit it. */
function rubricsOf(store: HostedStore): Map<string, RubricVersion> {
  const rows = store.db.prepare('SELECT s.id, r.body FROM submissions s JOIN rubrics r ON r.id = s.rubric_version_id').all() as { id: string; body: string }[];
  return new Map(rows.map((row) => [row.id, JSON.parse(row.body) as RubricVersion]));
}

/**
 * A refused sign-in must cost the same whether the email exists or not (no timing oracle for which
 * accounts exist). Each attempt from an address of its own, failures cleared: throttling is not measured here.
 */
async function benchRefusedSignIns(store: HostedStore, rows: Row[]): Promise<void> {
  const known: number[] = [];
  const unknown: number[] = [];
  for (let run = 0; run < 15; run++) {
    for (const [email, samples] of [['assessor@example.org', known], [`nobody-${run}@example.org`, unknown]] as const) {
      store.db.prepare('DELETE FROM sign_in_attempts').run();
      const started = performance.now();
      const outcome = await store.auth.signIn(email, 'not the password', `bench-${run}`, new Date());
      samples.push(performance.now() - started);
      if (outcome.ok) throw new Error('a wrong password was accepted');
    }
  }
  const knownRow = { name: 'known email', summary: summarize(known) };
  rows.push({ name: 'baseline: sign-in refused, known email (wrong password, scrypt N=2^15)', summary: knownRow.summary, unit: 'ms', target: '' });
  rows.push({ name: 'sign-in refused, unknown email', summary: summarize(unknown), unit: 'ms', target: '≈ 1× known', baseline: knownRow });
}

export async function benchHosted(rows: Row[], progress: (message: string) => void): Promise<void> {
  const serverDir = freshDataDir();
  const localDir = freshDataDir();
  // Seeded here, then served by its own process (as a real server would be), so the client's work
  // and the server's do not share one event loop.
  const store = new HostedStore(serverDir);
  await seed(store, 'demo', join(root, 'resources', 'demo'), serverDir, 1500); // 10,500 submissions
  const bigFile = join(serverDir, 'bench-video.webm');
  const size = 256 * mb;
  const sha256 = writeRandomFile(bigFile, size);
  store.saveEvidence({ item: { id: 'bench-video', kind: 'video', title: 'Bench', mimeType: 'video/webm', bytes: size, sha256, durationMs: null, text: null }, file: bigFile, captionsFile: null, submissionId: store.firstSubmissionId() }, 99);
  progress('refused sign-in: known and unknown emails');
  await benchRefusedSignIns(store, rows);
  progress('a year of audit trail');
  const submissionIds = (store.db.prepare('SELECT id FROM submissions ORDER BY id').all() as { id: string }[]).map((row) => row.id);
  const auditEntries = fillYearOfAudit(store, submissionIds);
  const rubrics = rubricsOf(store);
  store.close();
  const api = await startHostedApiProcess({ dataDir: serverDir });
  try {
    let token = '';
    const client = new HostedApiClient({ baseUrl: api.url, accessToken: () => token });
    const signedIn = await client.signIn('assessor@example.org', seededPassword);
    if (!signedIn.ok) throw new Error('sign-in failed');
    token = signedIn.value.accessToken;

    progress('claim + manifests for 50');
    const claimTimes: number[] = [];
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      const claimed = await client.claim(50);
      if (!claimed.ok) throw new Error('claim failed');
      await Promise.all(claimed.value.assignments.map((assignment) => client.manifest(assignment.submissionId)));
      claimTimes.push(performance.now() - started);
    }
    rows.push({ name: 'claim + manifests for 50 submissions', summary: summarize(claimTimes), unit: 'ms', target: '' });

    progress('download throughput');
    const url = `${api.url}/v1/evidence/bench-video`;
    const curlRates: number[] = [];
    const ourRates: number[] = [];
    const key = randomBytes(32);
    for (let run = 0; run < 3; run++) {
      let started = performance.now();
      // curl saves to the same disk, as a download must: the baseline is the network plus the write.
      await promisify(execFile)('curl', ['-s', '-o', join(localDir, 'curl.bin'), '-H', `authorization: Bearer ${token}`, url]);
      curlRates.push(size / mb / ((performance.now() - started) / 1000));
      started = performance.now();
      const outcome = await downloadEvidence({ url, evidenceId: 'bench-video', accessToken: token, bytes: size, sha256, path: join(localDir, `bench-${run}.enc`), masterKey: key });
      if (!outcome.ok) throw new Error('download failed');
      ourRates.push(size / mb / ((performance.now() - started) / 1000));
    }
    const curlRow = { name: 'curl', summary: summarize(curlRates) };
    rows.push({ name: 'baseline: curl download of the same file to disk (256 MB)', summary: curlRow.summary, unit: 'MB/s', target: '' });
    rows.push({ name: 'evidence download, verified + encrypted (256 MB)', summary: summarize(ourRates), unit: 'MB/s', target: '≥ 0.9× curl', baseline: curlRow });

    progress('decrypting read throughput');
    const plainRates: number[] = [];
    const decryptRates: number[] = [];
    for (let run = 0; run < 3; run++) {
      // The plain file streamed; the encrypted one read from core a range at a time, as a host serving it to the player does.
      let started = performance.now();
      for await (const chunk of createReadStream(bigFile)) void chunk;
      plainRates.push(size / mb / ((performance.now() - started) / 1000));
      started = performance.now();
      const reads = evidenceReads(() => ({ path: join(localDir, 'bench-0.enc'), mimeType: 'video/mp4', sealed: { key, evidenceId: 'bench-video', bytes: size } }), () => undefined);
      for (let from = 0; from < size; from += maxEvidenceRead) reads.read('bench-video', 'media', from, Math.min(size, from + maxEvidenceRead) - 1);
      decryptRates.push(size / mb / ((performance.now() - started) / 1000));
    }
    const plainRow = { name: 'plain read', summary: summarize(plainRates) };
    rows.push({ name: 'baseline: plain file read, streamed (256 MB)', summary: plainRow.summary, unit: 'MB/s', target: '' });
    rows.push({ name: 'decrypting read of encrypted evidence, 1 MB ranges (256 MB)', summary: summarize(decryptRates), unit: 'MB/s', target: '', baseline: plainRow });

    progress('outbox drain of 10,000');
    let leased: string[] = [];
    while (leased.length < 10_000) {
      const claimed = await client.claim(200);
      if (!claimed.ok || claimed.value.assignments.length === 0) break;
      leased = leased.concat(claimed.value.assignments.map((item) => item.submissionId));
    }
    const db = openDatabase(join(localDir, 'workstation.sqlite'), newDatabaseKey());
    db.transaction(() => {
      for (const id of leased.slice(0, 10_000)) {
        const payload = minimalAward(id, rubrics.get(id)!);
        enqueue(db, { kind: 'decision', entityId: id, idempotencyKey: randomUUID(), payload, at: new Date().toISOString() });
      }
    })();
    const count = countByState(db).pending;
    const started = performance.now();
    await drainOutbox({ db, client, jobs: outboxJobs, now: () => new Date(), concurrency: 8 });
    const seconds = (performance.now() - started) / 1000;
    const delivered = countByState(db).acknowledged;
    db.close();
    rows.push({ name: `outbox drain of ${count.toLocaleString('en')} decisions (${delivered} acknowledged)`, summary: summarize([delivered / seconds]), unit: 'decisions/s', target: '≥ 500' });

    progress('audit trail: one submission of a year');
    const reader = new HostedStore(serverDir);
    try {
      await benchAuditTrail(rows, reader, api.url, submissionIds, auditEntries);
    } finally {
      reader.close();
    }
  } finally {
    await api.stop();
    cleanup(serverDir);
    cleanup(localDir);
  }
}
