import type { QueryClient } from '@tanstack/react-query';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import { queryKeyOf } from '../data/contract-reads';
import type { LocalChange } from '../save/debounced-saver';

export const submissionKey = (submissionId: string) => queryKeyOf('submission.open', { submissionId });

/** Shows a change to an open submission at once (nothing when it is not read yet). */
export function patchSubmission(queries: QueryClient, submissionId: string, change: LocalChange): void {
  queries.setQueryData<SubmissionDetail>(submissionKey(submissionId), (current) => (current ? change(current) : current));
}
