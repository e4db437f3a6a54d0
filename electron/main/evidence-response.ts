import { Readable } from 'node:stream';
import { evidenceSecurityHeaders, openEvidenceBody } from '../common/evidence-body';
import type { EvidenceFile } from '../common/evidence-file';

/**
 * The app:// answer for evidence: streamed with Range support (seeking in long video reads only
 * what it needs), as an allow-listed type that is never sniffed, cached or rendered as a page (see
 * evidenceSecurityHeaders). Kept apart from the protocol handler so it runs under plain Node in tests.
 */
export async function evidenceResponse(file: EvidenceFile | null, rangeHeader: string | null, onUnreadable: () => void): Promise<Response> {
  const answer = await openEvidenceBody(file, rangeHeader ?? undefined, false, onUnreadable);
  if (answer.status === 404 || answer.status === 'unreadable') {
    const message = answer.status === 404 ? 'No such evidence on this machine.' : 'This evidence file failed its integrity check; it is being fetched again.';
    return new Response(message, { status: 404, headers: { ...evidenceSecurityHeaders, 'content-type': 'text/plain; charset=utf-8' } });
  }
  const body = answer.body ? (Readable.toWeb(answer.body) as ReadableStream<Uint8Array>) : null;
  return new Response(body, { status: answer.status, headers: answer.headers });
}
