import type { MethodOutput } from '../../../shared/contract/methods';
import { useContractQuery } from '../data/contract-query';
import type { Loadable } from '../data/contract-query';

/** A micro-credential's dashboard (null: the first the lead leads), read again when quality data changes. */
export function useLeadDashboard(credentialId: string | null): Loadable<MethodOutput<'lead.dashboard'>> {
  return useContractQuery('lead.dashboard', { credentialId });
}

/** `enabled: false` in review mode's other submissions (nothing under review to show). */
export function useAdjudications(enabled = true): Loadable<MethodOutput<'lead.adjudications'>> {
  return useContractQuery('lead.adjudications', {}, { enabled });
}

export function useBackreads(enabled = true): Loadable<MethodOutput<'lead.backreads'>> {
  return useContractQuery('lead.backreads', {}, { enabled });
}
