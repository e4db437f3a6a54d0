import { answerEvidence, evidenceSecurityHeaders } from '../hosts-shared/evidence-answer';
import type { EvidenceSource } from '../hosts-shared/evidence-answer';
import type { EvidencePart } from '../hosts-shared/evidence-file';

/** A pull stream over the plaintext core returns: the next piece is asked for only when the player reads on, and a player that stops cancels the rest. */
function streamOf(pieces: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = pieces[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/**
 * The app:// answer for evidence: streamed with Range support (seeking in long video reads only
 * what it needs), as an allow-listed type that is never sniffed, cached or rendered as a page (see
 * evidenceSecurityHeaders). Core decrypts; main only passes the plaintext on. Kept apart from the
 * protocol handler so it runs under plain Node in tests.
 */
export async function evidenceResponse(source: EvidenceSource, evidenceId: string, part: EvidencePart, rangeHeader: string | null): Promise<Response> {
  const answer = await answerEvidence(source, evidenceId, part, rangeHeader ?? undefined);
  if (answer.status === 404 || answer.status === 'unreadable') {
    const message = answer.status === 404 ? 'No such evidence on this machine.' : 'This evidence file failed its integrity check; it is being fetched again.';
    return new Response(message, { status: 404, headers: { ...evidenceSecurityHeaders, 'content-type': 'text/plain; charset=utf-8' } });
  }
  return new Response(answer.body ? streamOf(answer.body) : null, { status: answer.status, headers: answer.headers });
}
