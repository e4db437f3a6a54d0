import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { EncryptedReader, EncryptedWriter } from './encrypted-file';

export interface DownloadTarget {
  /** Absolute URL of the evidence bytes. */
  url: string;
  /** The item these bytes are: bound into every encrypted chunk. */
  evidenceId: string;
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
  | { ok: false; retryable: false; fetchedBytes: number; reason: 'sha256_mismatch' | 'size_mismatch' | 'refused'; message: string }
  /** The access token was not accepted (it lapsed): renew it, then try again. */
  | { ok: false; retryable: 'after_refresh'; fetchedBytes: number; message: string };

export interface DownloadOptions {
  onProgress?: (doneBytes: number) => void;
  signal?: AbortSignal;
  /** How long the server may send nothing before the attempt is given up (default 30 s). */
  idleTimeoutMs?: number;
}

/**
 * A GET through node:http, not fetch: on loopback it moves bytes about twice as fast, and its idle
 * timeout ends an attempt on a network that went quiet (hotel or plane Wi-Fi) instead of hanging it.
 */
function get(url: URL, headers: OutgoingHttpHeaders, signal: AbortSignal | undefined, idleTimeoutMs: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : null;
    if (!send) return reject(new Error(`Evidence cannot be fetched over ${url.protocol}`));
    let response: IncomingMessage | null = null;
    const request = send(url, { headers, signal, timeout: idleTimeoutMs }, (answer) => {
      // A failure mid-body reaches the caller through its reading; one while an error page is being
      // discarded must not become an uncaught 'error' that stops core.
      answer.on('error', () => undefined);
      resolve((response = answer));
    });
    request.on('timeout', () => (response ?? request).destroy(new Error('The server stopped sending.')));
    request.on('error', reject);
    request.end();
  });
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
function hashExisting(target: DownloadTarget, plaintextBytes: number): ReturnType<typeof createHash> {
  const hash = createHash('sha256');
  const reader = EncryptedReader.openPartial(target.path, target.masterKey, target.evidenceId, target.bytes);
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
  const startOver = (): EncryptedWriter => EncryptedWriter.create(target.path, target.masterKey, target.evidenceId, target.bytes);
  let writer: EncryptedWriter;
  let hash: ReturnType<typeof createHash>;
  let offset = 0;
  const etag = readEtag(target.path);
  if (existsSync(target.path) && etag) {
    try {
      const resumed = EncryptedWriter.resume(target.path, target.masterKey, target.evidenceId, target.bytes);
      writer = resumed.writer;
      offset = resumed.plaintextBytes;
      try {
        hash = hashExisting(target, offset);
      } catch (error) {
        writer.abandon();
        throw error;
      }
    } catch {
      writer = startOver();
      hash = createHash('sha256');
      offset = 0;
    }
  } else {
    writer = startOver();
    hash = createHash('sha256');
  }

  let fetchedBytes = 0;
  let done = offset;
  const fail = (reason: 'sha256_mismatch' | 'size_mismatch', message: string): DownloadOutcome => {
    rmSync(target.path, { force: true });
    rmSync(metaPath(target.path), { force: true });
    return { ok: false, retryable: false, fetchedBytes, reason, message };
  };
  try {
    const headers: OutgoingHttpHeaders = { authorization: `Bearer ${target.accessToken}`, ...(offset > 0 && etag ? { range: `bytes=${offset}-`, 'if-range': etag } : {}) };
    const response = await get(new URL(target.url), headers, options.signal, options.idleTimeoutMs ?? 30_000);
    const status = response.statusCode ?? 0;
    if (status === 200 && offset > 0) {
      // The file changed on the server (If-Range did not match): start again from the beginning.
      writer.abandon();
      writer = startOver();
      hash = createHash('sha256');
      done = 0;
    } else if (status === 416 && offset === target.bytes) {
      response.resume(); // every byte was already here (the last run stopped before checking them)
    } else if (status === 416) {
      response.resume();
      writer.abandon();
      return fail('size_mismatch', `The server holds fewer than the ${offset} bytes already here.`);
    } else if (status !== 200 && status !== 206) {
      response.resume(); // the error page is not needed; let the connection be reused
      writer.abandon();
      if (status >= 500 || status === 429) return { ok: false, retryable: true, fetchedBytes, message: `HTTP ${status}` };
      if (status === 401) return { ok: false, retryable: 'after_refresh', fetchedBytes, message: 'HTTP 401' };
      return { ok: false, retryable: false, fetchedBytes, reason: 'refused', message: `HTTP ${status}` };
    } else if (status === 206 && rangeStart(response.headers['content-range']) !== offset) {
      response.destroy();
      writer.abandon();
      return fail('size_mismatch', `Asked for bytes from ${offset}, the server sent ${response.headers['content-range'] ?? 'no Content-Range'}.`);
    }
    const newEtag = response.headers.etag;
    if (newEtag) writeFileSync(metaPath(target.path), JSON.stringify({ etag: newEtag }), { mode: 0o600 });
    for await (const chunk of response as AsyncIterable<Buffer>) {
      fetchedBytes += chunk.length;
      done += chunk.length;
      if (done > target.bytes) {
        response.destroy();
        writer.abandon();
        return fail('size_mismatch', `The server sent more than the ${target.bytes} bytes the manifest promised.`);
      }
      hash.update(chunk);
      writer.write(chunk);
      options.onProgress?.(done);
    }
  } catch (error) {
    writer.abandon();
    return { ok: false, retryable: true, fetchedBytes, message: error instanceof Error ? error.message : 'The download was interrupted.' };
  }
  // A cut connection throws above (node:http checks the body against its Content-Length), so a
  // body that ended normally is all the server has: shorter than the manifest is a bad file.
  if (done < target.bytes) {
    writer.abandon();
    return fail('size_mismatch', `Expected ${target.bytes} bytes, the server has ${done}.`);
  }
  try {
    writer.finish();
  } catch (error) {
    return fail('size_mismatch', error instanceof Error ? error.message : 'The file could not be completed.');
  }
  if (hash.digest('hex') !== target.sha256) return fail('sha256_mismatch', 'The file does not match its SHA-256; it will be fetched again.');
  rmSync(metaPath(target.path), { force: true });
  return { ok: true, fetchedBytes };
}

/** The first byte a `Content-Range: bytes S-E/T` header covers, or null. */
function rangeStart(header: string | undefined): number | null {
  const match = /^bytes (\d+)-\d+\/(?:\d+|\*)$/.exec(header ?? '');
  return match ? Number(match[1]) : null;
}
