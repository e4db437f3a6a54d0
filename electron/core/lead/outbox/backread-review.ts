import { z } from 'zod';
import { BackreadReviewRequest } from '../../../../shared/hosted-api/backreading';
import { outboxJob } from '../../hosted/outbox/job';

/** A lead's backreading of one sampled decision: agree or override, criterion by criterion. */
export const backreadReviewJob = outboxJob({
  kind: 'backread_review',
  payload: z.object({ submissionId: z.string(), review: BackreadReviewRequest }),
  send: ({ submissionId, review }, { client, idempotencyKey }) => client.reviewBackread(submissionId, idempotencyKey, review),
  shownIn: 'quality',
});
