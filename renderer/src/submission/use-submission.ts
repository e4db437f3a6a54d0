import { useCallback, useEffect, useState } from 'react';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import { useClient } from '../client-context';
import type { Loadable } from '../workspace/use-workspace';

export function useSubmission(submissionId: string): [Loadable<SubmissionDetail>, (detail: SubmissionDetail) => void] {
  const client = useClient();
  const [detail, setDetail] = useState<Loadable<SubmissionDetail>>({ state: 'loading' });
  useEffect(() => {
    let cancelled = false;
    setDetail({ state: 'loading' });
    void client.invoke('submission.open', { submissionId }).then((result) => {
      if (cancelled) return;
      setDetail(result.ok ? { state: 'ready', value: result.value } : { state: 'error', message: result.error.message });
    });
    return () => {
      cancelled = true;
    };
  }, [client, submissionId]);
  const replace = useCallback((value: SubmissionDetail) => setDetail({ state: 'ready', value }), []);
  return [detail, replace];
}
