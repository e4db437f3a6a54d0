import { z } from 'zod';
import { AdjudicationResolutionRequest } from '../../../../shared/hosted-api/quality';
import { outboxJob } from '../../hosted/outbox/job';

/** A lead's resolution of a double-scored submission whose readings disagree. */
export const adjudicationResolutionJob = outboxJob({
  kind: 'adjudication_resolution',
  payload: z.object({ submissionId: z.string(), resolution: AdjudicationResolutionRequest }),
  send: ({ submissionId, resolution }, { client, idempotencyKey }) => client.resolveAdjudication(submissionId, idempotencyKey, resolution),
  shownIn: 'quality',
});
