import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { EncryptedReader, EncryptedWriter } from './encrypted-file';

export interface DownloadTarget {
  /** Absolute URL of the evidence bytes. */
  url: string;
  accessToken: string;
  bytes: number;
  sha256: string;
  /** The encrypted file to fill (a `.meta` file beside it remembers the server's ETag). */
  path: string;
  masterKey: Buffer;
}

export type DownloadOutcome =
  | { ok: true; fetchedBytes: number }
  | { ok: false; retryable: true; fetchedBytes: number; message: string }
  | { ok: false; retryable: false; fetchedBytes: number; reason: 'sha256_mismatch' | 'size_mismatch' | 'refused'; message: string };

export interface DownloadOptions {
  onProgress?: (doneBytes: number) => void;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

const metaPath = (path: string): string => `${path}.meta`;

function readEtag(path: string): string | null {
  try {
    return (JSON.parse(readFileSync(metaPath(path), 'utf8')) as { etag?: string }).etag ?? null;
  } catch {
    return null;
  }
}

/** Hashes what an interrupted download already holds (and checks every chunk's tag on the way). */
function hashExisting(path: string, masterKey: Buffer, plaintextBytes: number): ReturnType<typeof createHash> {
  const hash = createHash('sha256');
  const reader = EncryptedReader.open(path, masterKey);
  try {
    for (let index = 0, done = 0; done < plaintextBytes; index++) {
      const chunk = reader.chunk(index);
      hash.update(chunk);
      done += chunk.length;
    }
  } finally {
    reader.close();
  }
  return hash;
}

/**
 * Downloads one evidence file into encrypted storage, resuming after the last complete chunk
 * (Range + If-Range, so a changed file starts over), and verifies its size and SHA-256. A file
 * that fails verification is deleted so it is fetched again.
 */
export async function downloadEvidence(target: DownloadTarget, options: DownloadOptions = {}): Promise<DownloadOutcome> {
  let writer: EncryptedWriter;
  let hash: ReturnType<typeof createHash>;
  let offset = 0;
  const etag = readEtag(target.path);
  if (existsSync(target.path) && etag) {
    try {
      const resumed = EncryptedWriter.resume(target.path, target.masterKey);
      writer = resumed.writer;
      offset = resumed.plaintextBytes;
      hash = hashExisting(target.path, target.masterKey, offset);
    } catch {
      writer = EncryptedWriter.create(target.path, target.masterKey);
      hash = createHash('sha256');
      offset = 0;
    }
  } else {
    writer = EncryptedWriter.create(target.path, target.masterKey);
    hash = createHash('sha256');
  }

  let fetchedBytes = 0;
  let done = offset;
  try {
    const response = await (options.fetch ?? fetch)(target.url, {
      headers: { authorization: `Bearer ${target.accessToken}`, ...(offset > 0 && etag ? { range: `bytes=${offset}-`, 'if-range': etag } : {}) },
      signal: options.signal,
      redirect: 'error',
    });
    if (response.status === 200 && offset > 0) {
      // The file changed on the server (If-Range did not match): start again from the beginning.
      writer.abandon();
      writer = EncryptedWriter.create(target.path, target.masterKey);
      hash = createHash('sha256');
      done = 0;
    } else if (response.status !== 200 && response.status !== 206) {
      writer.abandon();
      const retryable = response.status >= 500 || response.status === 429;
      return retryable
        ? { ok: false, retryable: true, fetchedBytes, message: `HTTP ${response.status}` }
        : { ok: false, retryable: false, fetchedBytes, reason: 'refused', message: `HTTP ${response.status}` };
    }
    const newEtag = response.headers.get('etag');
    if (newEtag) writeFileSync(metaPath(target.path), JSON.stringify({ etag: newEtag }), { mode: 0o600 });
    if (!response.body) throw new Error('No body.');
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength); // a view, not a copy
      fetchedBytes += buffer.length;
      done += buffer.length;
      if (done > target.bytes) throw new Error('The server sent more bytes than the manifest promised.');
      hash.update(buffer);
      writer.write(buffer);
      options.onProgress?.(done);
    }
  } catch (error) {
    writer.abandon();
    return { ok: false, retryable: true, fetchedBytes, message: error instanceof Error ? error.message : 'The download was interrupted.' };
  }
  writer.finish();
  const fail = (reason: 'sha256_mismatch' | 'size_mismatch', message: string): DownloadOutcome => {
    rmSync(target.path, { force: true });
    rmSync(metaPath(target.path), { force: true });
    return { ok: false, retryable: false, fetchedBytes, reason, message };
  };
  if (done !== target.bytes) return fail('size_mismatch', `Expected ${target.bytes} bytes, got ${done}.`);
  if (hash.digest('hex') !== target.sha256) return fail('sha256_mismatch', 'The file does not match its SHA-256; it will be fetched again.');
  rmSync(metaPath(target.path), { force: true });
  return { ok: true, fetchedBytes };
}
