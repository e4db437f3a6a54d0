import { isMethodName, methods } from '../../../shared/contract/methods';
import type { MethodName } from '../../../shared/contract/methods';
import { describeIssues, fail } from '../../../shared/contract/result';
import type { Result } from '../../../shared/contract/result';
import { DomainError } from './errors';
import type { Logger } from '../platform/log';
import type { AllHandlers } from './handler-app';

const notPlainData = Symbol('not plain data');

/**
 * A copy holding only own data properties: nothing inherited through a prototype can satisfy a
 * schema, and functions or other non-data values are refused. (Both transports deliver plain
 * data already; this keeps core safe whoever calls it.)
 */
function ownDataOf(input: unknown): unknown {
  try {
    return structuredClone(input);
  } catch {
    return notPlainData;
  }
}

type Checked = { ok: true; method: MethodName; input: unknown } | ReturnType<typeof fail>;

/**
 * Runs contract methods: the method must exist and its input must pass its schema (strict, plain
 * data) before a handler sees it; an expected failure answers with its stable code, anything else
 * is logged and answered `internal`. Never throws.
 */
export class ContractDispatcher {
  constructor(
    private readonly handlers: AllHandlers,
    /** Resolves once the session's vault has been read; handlers that wait for it run after. */
    private readonly sessionReady: Promise<void>,
    private readonly logger: Logger,
  ) {}

  /** Runs a method that answers at once; a method that waits for the session is refused here. */
  invoke(method: string, input: unknown): Result<unknown> {
    const checked = this.check(method, input);
    if (!checked.ok) return checked;
    const handler = this.handlerOf(checked.method);
    if (handler.waits !== 'nothing') return fail('unavailable', `${method} waits for the session; use invokeAsync.`);
    try {
      return { ok: true, value: handler.run(checked.input) };
    } catch (error) {
      return this.failure(method, error);
    }
  }

  /** Runs any method (what the transports use). */
  async invokeAsync(method: string, input: unknown): Promise<Result<unknown>> {
    const checked = this.check(method, input);
    if (!checked.ok) return checked;
    const handler = this.handlerOf(checked.method);
    try {
      if (handler.waits === 'session') await this.sessionReady;
      return { ok: true, value: await handler.run(checked.input) };
    } catch (error) {
      return this.failure(method, error);
    }
  }

  private handlerOf(method: MethodName): { waits: 'nothing' | 'session'; run: (input: unknown) => unknown } {
    return this.handlers[method] as { waits: 'nothing' | 'session'; run: (input: unknown) => unknown };
  }

  private check(method: string, input: unknown): Checked {
    if (!isMethodName(method)) return fail('unknown_method', `There is no method called ${method.slice(0, 80)}.`);
    const plain = ownDataOf(input);
    if (plain === notPlainData) return fail('invalid_input', `${method}: the payload must be plain data.`);
    const parsed = methods[method].input.safeParse(plain);
    if (!parsed.success) return fail('invalid_input', `${method}: ${describeIssues(parsed.error)}`);
    return { ok: true, method, input: parsed.data };
  }

  private failure(method: string, error: unknown): ReturnType<typeof fail> {
    if (error instanceof DomainError) return fail(error.code, error.message);
    this.logger.error(`${method} failed`, error);
    return fail('internal', 'Something went wrong in the workstation core; your saved work is unaffected.');
  }
}
