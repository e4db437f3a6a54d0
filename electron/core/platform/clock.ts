/**
 * Time as core sees it: what time it is, and waiting. Injected everywhere core waits or stamps, so a
 * test can stop it (Vitest's fake timers drive the system clock below, which reads the timer
 * functions when called, not when loaded) or hand core a clock of its own.
 */
export interface Clock {
  now(): Date;
  setTimeout(run: () => void, delayMs: number): ClockTimer;
  clearTimeout(timer: ClockTimer): void;
}

/** A pending wait; `unref` lets a process that has nothing else to do stop meanwhile. */
export interface ClockTimer {
  unref?(): unknown;
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout: (run, delayMs) => globalThis.setTimeout(run, delayMs),
  clearTimeout: (timer) => globalThis.clearTimeout(timer as ReturnType<typeof globalThis.setTimeout>),
};

/** Resolves after `delayMs` on this clock. */
export const sleep = (clock: Clock, delayMs: number): Promise<void> => new Promise((resolve) => void clock.setTimeout(resolve, delayMs));
