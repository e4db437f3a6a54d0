import { systemClock } from '../../electron/core/platform/clock';
import type { Clock } from '../../electron/core/platform/clock';

/** The system's clock read `offsetMs()` away: a laptop whose clock is off, or time a test moves on without waiting. */
export const shiftedClock = (offsetMs: () => number): Clock => ({ ...systemClock, now: () => new Date(Date.now() + offsetMs()) });

/**
 * The system's clock run `speedup` times fast, and moved on by the test as it likes (`offset.ms`): a wait
 * of d ms fires after d / speedup ms of real time, by when this clock has moved on by d. For a test of a
 * long stretch of work (renewals, retries, the sync loop's passes) that waits on core's own timers.
 */
export function compressedClock(offset: { ms: number }, speedup: number): Clock {
  return {
    now: () => new Date(Date.now() + offset.ms),
    setTimeout: (run, delayMs) =>
      systemClock.setTimeout(() => {
        offset.ms += delayMs - delayMs / speedup;
        run();
      }, delayMs / speedup),
    clearTimeout: (timer) => systemClock.clearTimeout(timer),
  };
}
