/**
 * Resolves once everything already resolved has run its callbacks (a turn of the event loop): for
 * showing that something has *not* happened yet without waiting for time to pass.
 */
export const settled = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
