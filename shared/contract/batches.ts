import { z } from 'zod';
import { Id } from '../domain/rubric';

/** Claiming a batch of live work. */
export const batchesMethods = {
  'batch.claim': {
    input: z.object({ size: z.number().int().min(1).max(200) }).strict(),
    /** `waiting`: claimed, but the network has not delivered them yet; they come with a later sync. */
    output: z.object({ batchId: Id, submissions: z.number().int().min(0), waiting: z.number().int().min(0) }),
  },
} as const;
