import type { MethodOutput } from '../../../shared/contract/methods';
import { useContractQuery } from '../data/contract-query';
import type { Loadable } from '../data/contract-query';

/** One submission's referral threads, or (null) every referral a lead can answer. */
export function useReferrals(submissionId: string | null): Loadable<MethodOutput<'referral.list'>> {
  return useContractQuery('referral.list', { submissionId });
}
