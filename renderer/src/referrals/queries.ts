import { useMemo } from 'react';
import type { MethodOutput } from '../../../shared/contract/methods';
import { useContractQuery } from '../data/contract-query';
import type { Loadable } from '../data/contract-query';

/** One submission's referral threads, or (null) every referral a lead can answer. */
export function useReferrals(submissionId: string | null): Loadable<MethodOutput<'referral.list'>> {
  return useContractQuery('referral.list', { submissionId });
}

/** The submissions this assessor referred whose thread a lead answered last: marked in the queue until the assessor replies. */
export function useAnsweredReferrals(): ReadonlySet<string> {
  const referrals = useReferrals(null);
  return useMemo(
    () => new Set(referrals.state === 'ready' ? referrals.value.referrals.filter((referral) => referral.state === 'answered' && referral.messages[0]?.mine).map((referral) => referral.submissionId) : []),
    [referrals],
  );
}
