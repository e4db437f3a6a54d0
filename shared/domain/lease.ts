import { z } from 'zod';

/**
 * Where the assessor's hold on a submission stands: held; running out within a day; run out (the
 * server may refuse a decision and give the submission to someone else); or reassigned (the server
 * no longer has it as this assessor's). Work on an expired or reassigned submission may be wasted.
 */
export const LeaseState = z.enum(['held', 'due_soon', 'expired', 'reassigned']);
export type LeaseState = z.infer<typeof LeaseState>;

/** A lease that ends within this is "due soon". */
export const leaseWarningMs = 24 * 60 * 60 * 1000;

/** `decisionSynced`: the server has the decision, so the lease no longer matters. */
export function leaseStateOf(lease: { expiresAt: string; reassigned: boolean; decisionSynced: boolean }, now: Date): LeaseState {
  if (lease.decisionSynced) return 'held';
  if (lease.reassigned) return 'reassigned';
  const left = Date.parse(lease.expiresAt) - now.getTime();
  if (left <= 0) return 'expired';
  return left < leaseWarningMs ? 'due_soon' : 'held';
}

export const LeaseCounts = z.object({ dueSoon: z.number().int().min(0), expired: z.number().int().min(0), reassigned: z.number().int().min(0) });
export type LeaseCounts = z.infer<typeof LeaseCounts>;
