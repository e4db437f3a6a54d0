/**
 * Core's log. Evidence shows minors and submissions are blind, so log lines carry method names,
 * error codes and ids only: never payloads, feedback text, file paths of evidence or tokens.
 */
export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(`[core] ${message}`),
  error: (message, error) => {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : '';
    console.error(`[core] ${message}${detail ? ` (${detail})` : ''}`);
  },
};

