export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 500, capMs: 5 * 60_000 };

/**
 * Exponential backoff with full jitter: a random wait between 0 and base·2^attempt (capped), so a
 * fleet of workstations coming back online does not retry in lockstep. A server's Retry-After is a floor.
 */
export function retryDelayMs(attempts: number, policy: BackoffPolicy, random: () => number, retryAfterMs = 0): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempts, 30));
  return Math.max(retryAfterMs, Math.floor(random() * ceiling));
}
