/**
 * A scoring window and the evidence window it opened share a pair id, made by the scoring window
 * with `crypto.randomUUID()` when "New window" is pressed: each acts only on its partner's messages.
 * Anything else in its place (from an address or an IPC call) is refused, so an id can neither be
 * guessed from another pair's nor smuggle more into the evidence window's address.
 */
const pairIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isWindowPairId(value: unknown): value is string {
  return typeof value === 'string' && pairIdPattern.test(value);
}
