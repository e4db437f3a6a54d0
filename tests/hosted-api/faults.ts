/** Fault injection for the reference server, so clients are tested against a network that misbehaves. */
export interface FaultOptions {
  /** Share of requests answered 500, 502 or 503 before anything is done. */
  errorRate: number;
  /** Share of requests answered 429 with Retry-After. */
  throttleRate: number;
  /** Added to every request, in ms. */
  latencyMs: number;
  /** Share of requests processed, then cut off mid-body (connection reset). */
  resetRate: number;
  /** Share of requests processed, then answered with half the promised body. */
  truncateRate: number;
  /** Share of requests whose body is sent slowly in small pieces. */
  slowBodyRate: number;
  /**
   * Share of session renewals (POST /v1/auth/refresh) that the server carries out and whose reply
   * is then lost (cut or reset): the client holds a refresh token the server has already rotated.
   */
  lostRefreshRate: number;
  seed: number;
}

export const noFaults: FaultOptions = { errorRate: 0, throttleRate: 0, latencyMs: 0, resetRate: 0, truncateRate: 0, slowBodyRate: 0, lostRefreshRate: 0, seed: 1 };

/** A small seeded generator (mulberry32): the same seed gives the same faults. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Fault = 'none' | 'error' | 'throttle' | 'reset' | 'truncate' | 'slow';

export function pickFault(options: FaultOptions, random: () => number, path = ''): Fault {
  if (path === '/v1/auth/refresh' && options.lostRefreshRate > 0 && random() < options.lostRefreshRate) return random() < 0.5 ? 'truncate' : 'reset';
  const roll = random();
  let edge = 0;
  for (const [fault, rate] of [
    ['error', options.errorRate],
    ['throttle', options.throttleRate],
    ['reset', options.resetRate],
    ['truncate', options.truncateRate],
    ['slow', options.slowBodyRate],
  ] as const) {
    edge += rate;
    if (roll < edge) return fault;
  }
  return 'none';
}
