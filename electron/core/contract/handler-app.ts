import type { MethodName, MethodOutput, ParsedInput } from '../../../shared/contract/methods';

/** Answers from local data at once: never waits, so hosts and tests may call it synchronously. */
export interface AtOnceHandler<N extends MethodName> {
  waits: 'nothing';
  run: (input: ParsedInput<N>) => MethodOutput<N>;
}

/** Waits until the session's vault has been read (and may talk to the hosted API). */
export interface SessionHandler<N extends MethodName> {
  waits: 'session';
  run: (input: ParsedInput<N>) => Promise<MethodOutput<N>> | MethodOutput<N>;
}

export type MethodHandler<N extends MethodName> = AtOnceHandler<N> | SessionHandler<N>;

/** One domain's slice of the contract: each method's handler, typed by its own input and output. */
export type HandlerApp<K extends MethodName> = { [N in K]: MethodHandler<N> };

/** Every method of the contract, each handled exactly once. */
export type AllHandlers = HandlerApp<MethodName>;

export function answersAtOnce<N extends MethodName>(run: (input: ParsedInput<N>) => MethodOutput<N>): AtOnceHandler<N> {
  return { waits: 'nothing', run };
}

export function afterSession<N extends MethodName>(run: (input: ParsedInput<N>) => Promise<MethodOutput<N>> | MethodOutput<N>): SessionHandler<N> {
  return { waits: 'session', run };
}

/** A domain's handlers; the keys say which slice of the contract it serves. */
export function handlerApp<K extends MethodName>(app: { [N in K]: MethodHandler<N> }): HandlerApp<K> {
  return app;
}

type Merged<Apps extends readonly object[]> = Apps extends readonly [infer First, ...infer Rest extends readonly object[]] ? First & Merged<Rest> : unknown;

/**
 * The domains' handlers as one map (as Actual combines its handler apps). A method two domains
 * both handle is a mistake that would silently shadow one of them: refused at start.
 */
export function combineHandlers<Apps extends readonly object[]>(...apps: Apps): Merged<Apps> {
  const combined: Record<string, unknown> = {};
  for (const app of apps) {
    for (const [method, handler] of Object.entries(app)) {
      if (method in combined) throw new Error(`Two domains handle ${method}`);
      combined[method] = handler;
    }
  }
  return combined as Merged<Apps>;
}
