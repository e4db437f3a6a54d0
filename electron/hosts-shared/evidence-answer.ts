import { maxEvidenceRead } from '../core/evidence/plaintext-reads';
import type { EvidenceSummary } from '../core/evidence/plaintext-reads';
import { parseByteRange, rangeHeaders } from './byte-range';
import type { EvidencePart } from './evidence-file';

/** Core's evidence as a host reaches it: in the same process (the preview host) or over the RPC (the desktop's main). */
export interface EvidenceSource {
  describe(evidenceId: string, part: EvidencePart): EvidenceSummary | Promise<EvidenceSummary>;
  read(evidenceId: string, part: EvidencePart, start: number, end: number): Uint8Array | Promise<Uint8Array>;
}

export type EvidenceAnswer =
  | { status: 404 }
  /** The file failed its integrity check (cut, altered or swapped on disk): core has removed it and fetches it again. */
  | { status: 'unreadable' }
  | { status: 200 | 206 | 416; headers: Record<string, string>; body: AsyncIterable<Uint8Array> | null };

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

/** The plaintext of start..end, read from core a bounded piece at a time, as the consumer asks for it. */
async function* plaintext(source: EvidenceSource, evidenceId: string, part: EvidencePart, start: number, end: number): AsyncGenerator<Uint8Array> {
  for (let from = start; from <= end; from += maxEvidenceRead) {
    yield await source.read(evidenceId, part, from, Math.min(end, from + maxEvidenceRead - 1));
  }
}

/**
 * The answer to a (possibly ranged) request for evidence, for either host: core checks the item and
 * decrypts only the bytes asked for; the host never holds the evidence key. A source that cannot be
 * reached answers as if the item were not here.
 */
export async function answerEvidence(source: EvidenceSource, evidenceId: string, part: EvidencePart, rangeHeader: string | undefined, headOnly = false): Promise<EvidenceAnswer> {
  let summary: EvidenceSummary;
  try {
    summary = await source.describe(evidenceId, part);
  } catch {
    return { status: 404 };
  }
  if (!summary.found) return summary.why === 'unreadable' ? { status: 'unreadable' } : { status: 404 };
  const range = parseByteRange(rangeHeader, summary.bytes);
  const headers = { ...rangeHeaders(range, summary.bytes, servedContentType(summary.mimeType)), ...evidenceSecurityHeaders };
  if (range.status === 416 || headOnly) return { status: range.status, headers, body: null };
  return { status: range.status, headers, body: plaintext(source, evidenceId, part, range.start, range.end) };
}
