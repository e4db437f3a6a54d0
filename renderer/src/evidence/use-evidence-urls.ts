import { useCallback, useEffect, useState } from 'react';
import type { EvidenceSummary } from '../../../shared/domain/submission';
import { useClient } from '../client-context';

export interface EvidenceUrls {
  media: string;
  captions: string | null;
}

type Urls = { state: 'loading' } | { state: 'ready'; urls: EvidenceUrls } | { state: 'failed' };

/**
 * Where the viewer loads an evidence item from, asked of core (the host decides: a plain app://
 * path on the desktop, a short-lived URL signed for this one item in the preview host). `renew`
 * asks again, for a player whose URL lapsed while it was paused for a long time.
 */
export function useEvidenceUrls(evidence: EvidenceSummary | undefined): { urls: Urls; renew: () => void } {
  const client = useClient();
  const [round, setRound] = useState(0);
  const [answer, setAnswer] = useState<{ key: string; urls: Urls } | null>(null);
  const wanted = evidence && evidence.kind !== 'text' && evidence.availability === 'available' ? evidence : null;
  const id = wanted?.id ?? null;
  const hasCaptions = wanted?.hasCaptions ?? false;
  const key = `${id}:${hasCaptions}:${round}`;
  useEffect(() => {
    if (id === null) return;
    let cancelled = false;
    void Promise.all([
      client.invoke('evidence.url', { evidenceId: id, part: 'media' }),
      hasCaptions ? client.invoke('evidence.url', { evidenceId: id, part: 'captions' }) : Promise.resolve(null),
    ]).then(([media, captions]) => {
      if (cancelled) return;
      setAnswer({ key, urls: media.ok ? { state: 'ready', urls: { media: media.value.url, captions: captions?.ok ? captions.value.url : null } } : { state: 'failed' } });
    });
    return () => {
      cancelled = true;
    };
  }, [client, id, hasCaptions, key]);
  const renew = useCallback(() => setRound((value) => value + 1), []);
  // An answer for another item (or an older round) is not this one's: still loading.
  return { urls: answer?.key === key ? answer.urls : { state: 'loading' }, renew };
}
