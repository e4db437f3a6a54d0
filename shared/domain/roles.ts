/**
 * Whether an account may do a lead's work: read every assessor's figures, adjudicate, backread, set
 * quality rules, lift lockouts, answer referrals. The one place the rule is spelled; the hosted API
 * decides, the workstation refuses the same before asking it.
 */
export const isLead = (account: { readonly roles: readonly string[] } | null | undefined): boolean => account?.roles.includes('lead') ?? false;
