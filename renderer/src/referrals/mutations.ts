import type { QueryClient } from '@tanstack/react-query';
import type { MethodOutput } from '../../../shared/contract/methods';
import { defineMutation } from '../data/contract-mutation';
import { queryKeyOf } from '../data/contract-reads';
import { readAgain } from '../data/core-events';

/**
 * Both answer with the submission's threads as they now stand (the new message marked "waiting to
 * sync"): kept for that submission, and a lead's list of every referral is read again.
 */
function keepThreads(queries: QueryClient, answer: MethodOutput<'referral.list'>, submissionId: string): void {
  queries.setQueryData(queryKeyOf('referral.list', { submissionId }), answer);
  void readAgain(queries, { queryKey: queryKeyOf('referral.list', { submissionId: null }) });
}

export const createReferral = defineMutation('referral.create', { onAnswer: (queries, answer, input) => keepThreads(queries, answer, input.submissionId) });

export const replyToReferral = defineMutation('referral.reply', {
  onAnswer: (queries, answer) => {
    const submissionId = answer.referrals[0]?.submissionId;
    if (submissionId) keepThreads(queries, answer, submissionId);
  },
});
