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
    // Sync and downloads change what the server side of the page shows (status, decision, the
    // calibration result, evidence availability, or the submission arriving at all); the
    // assessor's own edits are kept as they are on screen.
    const unsubscribe = client.subscribe('workspace.changed', () => {
      void client.invoke('submission.open', { submissionId }).then((result) => {
        if (cancelled || !result.ok) return;
        const fresh = result.value;
        setLoaded((current) =>
          current?.submissionId === submissionId && current.detail.state === 'ready'
            ? { submissionId, detail: { state: 'ready', value: { ...current.detail.value, status: fresh.status, decision: fresh.decision, calibration: fresh.calibration, evidence: fresh.evidence } } }
            : { submissionId, detail: { state: 'ready', value: fresh } },
        );
      });
    });
    return () => {
      cancelled = true;
      unsubscribe();
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
