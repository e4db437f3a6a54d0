import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { EncryptedReader } from '../core/evidence/encrypted-file';
import { parseByteRange, rangeHeaders } from './byte-range';

export interface EvidenceSource {
  path: string;
  mimeType: string;
  /** Present when the file is encrypted at rest. */
  key?: Buffer | Uint8Array | undefined;
}

export type EvidenceBody = { status: 404 } | { status: 200 | 206 | 416; headers: Record<string, string>; body: Readable | null };

/**
 * The answer to a (possibly ranged) request for evidence, for either host: plain files are read
 * directly; encrypted ones are decrypted chunk by chunk, only for the bytes asked for.
 */
export async function openEvidenceBody(source: EvidenceSource | null, rangeHeader: string | undefined, headOnly = false): Promise<EvidenceBody> {
  if (!source) return { status: 404 };
  let size: number;
  let reader: EncryptedReader | null = null;
  try {
    if (source.key) {
      reader = EncryptedReader.open(source.path, Buffer.from(source.key));
      size = reader.size;
    } else {
      size = (await stat(source.path)).size;
    }
  } catch {
    return { status: 404 };
  }
  const range = parseByteRange(rangeHeader, size);
  const headers = rangeHeaders(range, size, source.mimeType);
  if (range.status === 416 || headOnly) {
    reader?.close();
    return { status: range.status, headers, body: null };
  }
  const body = reader ? reader.stream(range.start, range.end) : createReadStream(source.path, { start: range.start, end: range.end });
  return { status: range.status, headers, body };
}
