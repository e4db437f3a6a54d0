import type { ErrorCode } from '../../../shared/contract/result';

/** An expected failure with a stable code; anything else reaching the dispatcher is a bug. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
