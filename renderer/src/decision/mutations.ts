import { defineMutation } from '../data/contract-mutation';
import { readAgain } from '../data/core-events';
import { patchSubmission, submissionKey } from '../submission/submission-cache';
import { showPreferences } from '../workspace/mutations';

/** Core recorded the decision and made the next undecided submission the open one: the screen follows. */
export const submitDecision = defineMutation('decision.submit', {
  onAnswer: (queries, { status, decision, nextSubmissionId }, { submissionId }) => {
    patchSubmission(queries, submissionId, (current) => ({ ...current, status, decision }));
    if (nextSubmissionId) showPreferences(queries, { openSubmissionId: nextSubmissionId });
  },
});

/**
 * Core withdraws the decision from the outbox and makes the submission the open one; it is read
 * again, editable. Refused (it had already left), it is read again too: its state moved on.
 */
export const undoDecision = defineMutation('decision.undo', {
  onAnswer: (queries, _answer, { submissionId }) => readAgain(queries, { queryKey: submissionKey(submissionId) }).then(() => showPreferences(queries, { openSubmissionId: submissionId })),
  onRefused: (queries, { submissionId }) => readAgain(queries, { queryKey: submissionKey(submissionId) }),
});
