import { useCallback, useEffect, useState } from 'react';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import { useClient } from '../client-context';
import type { Loadable } from '../workspace/use-workspace';

type Keyed = { submissionId: string; detail: Loadable<SubmissionDetail> };

/**
 * The open submission, and a functional updater for local changes (each applied to the latest
 * state, so rapid edits never overwrite each other). While another submission loads, nothing shows.
 */
export function useSubmission(submissionId: string): [Loadable<SubmissionDetail>, (change: (detail: SubmissionDetail) => SubmissionDetail) => void] {
  const client = useClient();
  const [loaded, setLoaded] = useState<Keyed | null>(null);
  useEffect(() => {
    let cancelled = false;
    void client.invoke('submission.open', { submissionId }).then((result) => {
      if (cancelled) return;
      setLoaded({
        submissionId,
        detail: result.ok ? { state: 'ready', value: result.value } : { state: 'error', error: result.error },
      });
    });
    return () => {
      cancelled = true;
    };
  }, [client, submissionId]);
  const update = useCallback(
    (change: (detail: SubmissionDetail) => SubmissionDetail) =>
      setLoaded((current) =>
        current?.detail.state === 'ready' ? { submissionId: current.submissionId, detail: { state: 'ready', value: change(current.detail.value) } } : current,
      ),
    [],
  );
  return [loaded?.submissionId === submissionId ? loaded.detail : { state: 'loading' }, update];
}
