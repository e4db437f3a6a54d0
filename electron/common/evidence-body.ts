import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { EncryptedReader, EvidenceIntegrityError } from '../core/evidence/encrypted-file';
import { parseByteRange, rangeHeaders } from './byte-range';
import type { EvidenceFile } from './evidence-file';


export type EvidenceBody =
  | { status: 404 }
  /** The file failed its integrity check (cut, altered or swapped on disk): the host tells core, which fetches it again. */
  | { status: 'unreadable' }
  | { status: 200 | 206 | 416; headers: Record<string, string>; body: Readable | null };

/**
 * The content types evidence may be served as. The type comes from the hosted API's manifest, so
 * anything else (HTML, SVG, scripts) is served as opaque bytes that no browser will render.
 */
const evidenceTypes = new Set([
  'video/mp4', 'video/webm', 'video/ogg', 'video/quicktime',
  'audio/mpeg', 'audio/mp4', 'audio/aac', 'audio/ogg', 'audio/webm', 'audio/wav', 'audio/x-wav', 'audio/flac',
  'application/pdf',
  'image/png', 'image/jpeg', 'image/gif', 'image/webp',
  'text/vtt',
]);

export function servedContentType(mimeType: string): string {
  const type = mimeType.split(';')[0]!.trim().toLowerCase();
  if (!evidenceTypes.has(type)) return 'application/octet-stream';
  return type === 'text/vtt' ? 'text/vtt; charset=utf-8' : type;
}

/**
 * Headers on every evidence answer, in both hosts: never sniffed, never cached, never rendered as a
 * page that could run anything, never named in a Referer.
 */
export const evidenceSecurityHeaders: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

/**
 * The answer to a (possibly ranged) request for evidence, for either host: plain files (the shipped
 * demo) are read directly; encrypted ones are checked against their recorded size and final chunk,
 * then decrypted chunk by chunk, only for the bytes asked for. `onUnreadable` hears of a file that
 * fails its check, before or while it is served.
 */
export async function openEvidenceBody(source: EvidenceFile | null, rangeHeader: string | undefined, headOnly = false, onUnreadable: () => void = () => undefined): Promise<EvidenceBody> {
  if (!source) return { status: 404 };
  let size: number;
  let reader: EncryptedReader | null = null;
  try {
    if (source.sealed) {
      reader = EncryptedReader.open(source.path, Buffer.from(source.sealed.key), source.sealed.evidenceId, source.sealed.bytes);
      size = reader.size;
    } else {
      size = (await stat(source.path)).size;
    }
  } catch (error) {
    if (!(error instanceof EvidenceIntegrityError)) return { status: 404 };
    onUnreadable();
    return { status: 'unreadable' };
  }
  const range = parseByteRange(rangeHeader, size);
  const headers = { ...rangeHeaders(range, size, servedContentType(source.mimeType)), ...evidenceSecurityHeaders };
  if (range.status === 416 || headOnly) {
    reader?.close();
    return { status: range.status, headers, body: null };
  }
  const body = reader ? reader.stream(range.start, range.end) : createReadStream(source.path, { start: range.start, end: range.end });
  body.on('error', (error: Error) => {
    if (error instanceof EvidenceIntegrityError) onUnreadable();
  });
  return { status: range.status, headers, body };
}
