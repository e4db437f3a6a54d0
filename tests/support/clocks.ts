import { systemClock } from '../../electron/core/platform/clock';
import type { Clock } from '../../electron/core/platform/clock';

/** The system's clock read `offsetMs()` away: a laptop whose clock is off, or time a test moves on without waiting. */
export const shiftedClock = (offsetMs: () => number): Clock => ({ ...systemClock, now: () => new Date(Date.now() + offsetMs()) });
