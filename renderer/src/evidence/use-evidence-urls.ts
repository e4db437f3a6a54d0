import { useQuery } from '@tanstack/react-query';
import type { EvidenceSummary } from '../../../shared/domain/submission';
import { useClient } from '../client-context';
import { callCore } from '../data/contract-reads';

export interface EvidenceUrls {
  media: string;
  captions: string | null;
}

type Urls = { state: 'loading' } | { state: 'ready'; urls: EvidenceUrls } | { state: 'failed' };

/**
 * Where the viewer loads an evidence item from, asked of core (the host decides: a plain app://
 * path on the desktop, a short-lived URL signed for this one item in the preview host). Kept only
 * while the viewer shows it (a signed URL is not worth keeping); `renew` asks again, for a player
 * whose URL lapsed while it was paused for a long time.
 */
export function useEvidenceUrls(evidence: EvidenceSummary | undefined): { urls: Urls; renew: () => void } {
  const client = useClient();
  const wanted = evidence && evidence.kind !== 'text' && evidence.availability === 'available' ? evidence : null;
  const query = useQuery({
    queryKey: ['evidence.url', wanted?.id ?? null, wanted?.hasCaptions ?? false],
    enabled: wanted !== null,
    gcTime: 0,
    queryFn: async (): Promise<EvidenceUrls> => {
      const [media, captions] = await Promise.all([
        callCore(client, 'evidence.url', { evidenceId: wanted!.id, part: 'media' }),
        wanted!.hasCaptions ? callCore(client, 'evidence.url', { evidenceId: wanted!.id, part: 'captions' }).catch(() => null) : null,
      ]);
      return { media: media.url, captions: captions?.url ?? null };
    },
  });
  const urls: Urls = query.isSuccess ? { state: 'ready', urls: query.data } : query.isError ? { state: 'failed' } : { state: 'loading' };
  return { urls, renew: () => void query.refetch() };
}
