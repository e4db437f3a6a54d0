import { useCallback, useEffect, useState } from 'react';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import { useClient } from '../client-context';
import type { Loadable } from '../workspace/use-workspace';

type Keyed = { submissionId: string; detail: Loadable<SubmissionDetail> };

/** The open submission; while another one loads, the previous one is not shown. */
export function useSubmission(submissionId: string): [Loadable<SubmissionDetail>, (detail: SubmissionDetail) => void] {
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
  const replace = useCallback((value: SubmissionDetail) => setLoaded({ submissionId: value.submissionId, detail: { state: 'ready', value } }), []);
  return [loaded?.submissionId === submissionId ? loaded.detail : { state: 'loading' }, replace];
}
