import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { openSync, readdirSync, readFileSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EncryptedReader, EncryptedWriter, defaultChunkBytes } from '../../electron/core/evidence/encrypted-file';
import { downloadEvidence } from '../../electron/core/evidence/downloader';
import { HostedApiClient } from '../../electron/core/hosted/api-client';
import { projectPaths } from '../../electron/launcher/project-paths';
import { seed, seededPassword } from '../hosted-api/seed';
import { defaultOpenApiFile, startHostedApi } from '../hosted-api/server';
import type { HostedApi } from '../hosted-api/server';
import { cleanup } from '../e2e/harness';
import { tempDir } from '../support/core-fixture';

const root = projectPaths().root;
const bigBytes = 160 * 1024 * 1024;
const marker = Buffer.from('PLAINTEXT-SIGNATURE-OF-A-MINORS-CLASSROOM');
let serverDir: string;
let localDir: string;
let api: HostedApi;
let token: string;
let bigSha256: string;
let firstSubmission: string;

beforeAll(async () => {
  serverDir = tempDir('assessor-hosted-');
  localDir = tempDir('assessor-local-');
  // Every evidence body is sent slowly, so the download can be killed part-way.
  api = await startHostedApi({ dataDir: serverDir, port: 0, openApiFile: defaultOpenApiFile(root), faults: { slowBodyRate: 1 } });
  await seed(api.store, 'demo', join(root, 'resources', 'demo'), serverDir, 1);
  // A 160 MB "video" whose every 1 MB carries a known plaintext signature.
  const bigFile = join(serverDir, 'big-lesson.webm');
  const fd = openSync(bigFile, 'w');
  const hash = createHash('sha256');
  for (let offset = 0; offset < bigBytes; offset += 1024 * 1024) {
    const block = randomBytes(1024 * 1024);
    marker.copy(block, 0);
    writeSync(fd, block);
    hash.update(block);
  }
  closeSync(fd);
  bigSha256 = hash.digest('hex');
  firstSubmission = api.store.firstSubmissionId();
  api.store.saveEvidence(
    { item: { id: 'big-video', kind: 'video', title: 'Long lesson', mimeType: 'video/webm', bytes: bigBytes, sha256: bigSha256, durationMs: 3_600_000, text: null }, file: bigFile, captionsFile: null, submissionId: firstSubmission },
    9,
  );
  const client = new HostedApiClient({ baseUrl: api.url, accessToken: () => null });
  const signedIn = await client.signIn('assessor@example.org', seededPassword);
  if (!signedIn.ok) throw new Error('sign-in failed');
  token = signedIn.value.accessToken;
  const claimed = await new HostedApiClient({ baseUrl: api.url, accessToken: () => token }).claim(1);
  if (!claimed.ok || claimed.value.assignments[0]?.submissionId !== firstSubmission) throw new Error('claim failed');
}, 120_000);
afterAll(async () => {
  await api.close();
  cleanup(serverDir);
  cleanup(localDir);
});

function runWorker(target: object, killAfterMs: number | null): Promise<{ killed: boolean; output: string }> {
  const loader = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, join(root, 'tests/support/download-worker.ts'), JSON.stringify(target)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) => child.once('exit', (_code, signal) => {
    if (timer) clearTimeout(timer);
    resolve({ killed: signal === 'SIGKILL', output });
  }));
}

describe('resumable, verified, encrypted downloads', () => {
  it('survives SIGKILL at random points, completes with a verified hash, and fetches under 1% twice', async () => {
    const key = randomBytes(32);
    const path = join(localDir, 'big-video.evidence');
    const target = { url: `${api.url}/v1/evidence/big-video`, evidenceId: 'big-video', accessToken: token, bytes: bigBytes, sha256: bigSha256, path, masterKey: key.toString('hex') };
    let kills = 0;
    for (const delay of [900, 1400, 1100]) {
      const run = await runWorker(target, delay + Math.floor(Math.random() * 400));
      if (run.killed) kills += 1;
    }
    const last = await runWorker(target, null);
    expect(JSON.parse(last.output.trim())).toMatchObject({ ok: true });
    expect(kills).toBeGreaterThanOrEqual(2);
    const refetched = api.stats.evidenceBytesSent - bigBytes;
    expect(refetched / bigBytes).toBeLessThan(0.01);

    const reader = EncryptedReader.open(path, key, 'big-video', bigBytes);
    expect(reader.size).toBe(bigBytes);
    reader.close();
    // No plaintext at rest: the signature that is in every megabyte of the original is nowhere in the cache.
    for (const name of readdirSync(localDir)) expect(readFileSync(join(localDir, name)).includes(marker), name).toBe(false);
  }, 120_000);

  it('deletes a file whose SHA-256 does not match, so it is fetched again', async () => {
    const path = join(localDir, 'corrupt.evidence');
    const outcome = await downloadEvidence({
      url: `${api.url}/v1/evidence/${firstSubmission}-ev-0`,
      evidenceId: `${firstSubmission}-ev-0`,
      accessToken: token,
      bytes: readFileSync(join(root, 'resources/demo/media/credit-scores-discussion.webm')).length,
      sha256: '0'.repeat(64),
      path,
      masterKey: randomBytes(32),
    });
    expect(outcome).toMatchObject({ ok: false, retryable: false, reason: 'sha256_mismatch' });
    expect(readdirSync(localDir)).not.toContain('corrupt.evidence');
  });

  const demoClip = (): { bytes: number; sha256: string } => {
    const bytes = readFileSync(join(root, 'resources/demo/media/credit-scores-discussion.webm'));
    return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  };

  it('asks for a silent refresh when the access token is not accepted, and keeps nothing', async () => {
    const path = join(localDir, 'stale-token.evidence');
    const outcome = await downloadEvidence({ url: `${api.url}/v1/evidence/${firstSubmission}-ev-0`, evidenceId: `${firstSubmission}-ev-0`, accessToken: 'lapsed', ...demoClip(), path, masterKey: randomBytes(32) });
    expect(outcome).toMatchObject({ ok: false, retryable: 'after_refresh' });
  });

  it('refuses a file shorter than its manifest says, and deletes it', async () => {
    const path = join(localDir, 'short.evidence');
    const clip = demoClip();
    const outcome = await downloadEvidence({ url: `${api.url}/v1/evidence/${firstSubmission}-ev-0`, evidenceId: `${firstSubmission}-ev-0`, accessToken: token, bytes: clip.bytes + 1000, sha256: clip.sha256, path, masterKey: randomBytes(32) });
    expect(outcome).toMatchObject({ ok: false, retryable: false, reason: 'size_mismatch' });
    expect(readdirSync(localDir)).not.toContain('short.evidence');
  });

  it('finishes a file whose every byte arrived before the run stopped, fetching nothing again', async () => {
    const bytes = 4 * defaultChunkBytes; // whole chunks only: a resume asks for the range after the end
    const file = join(serverDir, 'whole-chunks.webm');
    const content = randomBytes(bytes);
    writeFileSync(file, content);
    const sha256 = createHash('sha256').update(content).digest('hex');
    api.store.saveEvidence({ item: { id: 'whole-chunks', kind: 'video', title: 'Whole chunks', mimeType: 'video/webm', bytes, sha256, durationMs: 1000, text: null }, file, captionsFile: null, submissionId: firstSubmission }, 10);
    const target = { url: `${api.url}/v1/evidence/whole-chunks`, evidenceId: 'whole-chunks', accessToken: token, bytes, sha256, path: join(localDir, 'whole-chunks.evidence'), masterKey: randomBytes(32) };
    expect(await downloadEvidence(target)).toMatchObject({ ok: true, fetchedBytes: bytes });
    writeFileSync(`${target.path}.meta`, JSON.stringify({ etag: `"${sha256}"` })); // killed before it was checked
    expect(await downloadEvidence(target)).toEqual({ ok: true, fetchedBytes: 0 });
  });

    it('gives up on a server that goes quiet, keeping every complete chunk to resume from', async () => {
    // A server that sends part of a body and then nothing, like Wi-Fi that drops without a reset.
    const sent = 4 * defaultChunkBytes + 1000;
    const quiet = createServer((_request, response) => {
      response.writeHead(200, { 'content-length': String(10 * defaultChunkBytes), etag: '"quiet-1"' });
      response.write(randomBytes(sent));
    });
    await new Promise<void>((resolve) => quiet.listen(0, '127.0.0.1', resolve));
    try {
      const key = randomBytes(32);
      const path = join(localDir, 'quiet.evidence');
      const target = { url: `http://127.0.0.1:${(quiet.address() as AddressInfo).port}/`, evidenceId: 'quiet', accessToken: token, bytes: 10 * defaultChunkBytes, sha256: '0'.repeat(64), path, masterKey: key };
      const outcome = await downloadEvidence(target, { idleTimeoutMs: 300 });
      expect(outcome).toMatchObject({ ok: false, retryable: true, fetchedBytes: sent, message: 'The server stopped sending.' });
      const { writer, plaintextBytes } = EncryptedWriter.resume(path, key, 'quiet', 10 * defaultChunkBytes);
      writer.abandon();
      expect(plaintextBytes).toBe(4 * defaultChunkBytes);
    } finally {
      quiet.closeAllConnections();
      await new Promise((resolve) => quiet.close(resolve));
    }
  });
});
