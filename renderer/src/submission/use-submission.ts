import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import { useClient } from '../client-context';
import { toLoadable } from '../data/contract-query';
import { callCore } from '../data/contract-reads';
import type { Loadable } from '../data/contract-query';
import { saver } from '../save/debounced-saver';
import type { LocalChange } from '../save/debounced-saver';
import { patchSubmission, submissionKey } from './submission-cache';

/**
 * The open submission from the one cache, and how to show a local change at once. When core says the
 * submission changed (sync, downloads), it is read again and the edits not yet acknowledged are
 * laid over it, so nothing the assessor typed flickers away.
 */
export function useSubmission(submissionId: string, batchId?: string): [Loadable<SubmissionDetail>, (change: LocalChange) => void] {
  const client = useClient();
  const queries = useQueryClient();
  const read = async (): Promise<SubmissionDetail> => saver.unsavedChanges(submissionId).reduce((detail, change) => change(detail), await callCore(client, 'submission.open', { submissionId }));
  // Read again whenever this window comes back to the assessor: another window (a second tab, the
  // same submission) may have scored, commented or decided meanwhile, and a decision is made from what
  // core holds, so the screen must not show less. What was typed here and not yet saved stays on top.
  const query = useQuery({ queryKey: submissionKey(submissionId), queryFn: read, refetchOnWindowFocus: 'always' });
  const show = useCallback((change: LocalChange) => patchSubmission(queries, submissionId, change), [queries, submissionId]);
  // The same submission can be other work before (a lead's master scoring, then an assessor's
  // calibration of it): a detail kept from that work is read again, and never shown in this batch
  // until core has answered once more (whatever it then says is shown).
  const foreign = batchId !== undefined && query.data !== undefined && query.data.batchId !== batchId;
  const [askedAgain, setAskedAgain] = useState(false);
  const { isFetching, refetch } = query;
  useEffect(() => {
    if (!foreign || askedAgain || isFetching) return;
    void refetch().then(() => setAskedAgain(true));
  }, [foreign, askedAgain, isFetching, refetch]);
  return [foreign && (!askedAgain || isFetching) ? { state: 'loading' } : toLoadable(query), show];
}
