import type { Logger } from '../../electron/core/platform/log';

/** Core's log, quiet: tests say what they check themselves. */
export const silentLogger: Logger = { info: () => undefined, error: () => undefined };
