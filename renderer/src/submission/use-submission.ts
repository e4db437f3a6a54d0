import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
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
export function useSubmission(submissionId: string): [Loadable<SubmissionDetail>, (change: LocalChange) => void] {
  const client = useClient();
  const queries = useQueryClient();
  const read = async (): Promise<SubmissionDetail> => saver.unsavedChanges(submissionId).reduce((detail, change) => change(detail), await callCore(client, 'submission.open', { submissionId }));
  const loaded = toLoadable(useQuery({ queryKey: submissionKey(submissionId), queryFn: read }));
  const show = useCallback((change: LocalChange) => patchSubmission(queries, submissionId, change), [queries, submissionId]);
  return [loaded, show];
}
