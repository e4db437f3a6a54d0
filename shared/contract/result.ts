import { z } from 'zod';

/** Stable error codes: the renderer branches on these, never on messages. */
export const ErrorCode = z.enum([
  'invalid_input',
  'unknown_method',
  'not_found',
  'conflict',
  'forbidden',
  /** The hosted API did not recognise the email and password (nothing else about the account is said). */
  'bad_credentials',
  /** The hosted API refused live claims: not qualified, or locked out (the qualification status says which and why). */
  'claims_blocked',
  /** The server ended the session (expired, revoked, signed in elsewhere): sign in again; unsent work stays. */
  'session_ended',
  /** Too many attempts in a short time (sign-in): the message says how long to wait ("… in N seconds."). */
  'throttled',
  'unavailable',
  'invalid_output',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ContractErrorShape = z.object({ code: ErrorCode, message: z.string().max(4000) });
export type ContractErrorShape = z.infer<typeof ContractErrorShape>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractErrorShape };

/** The envelope as it crosses a transport, before the value is checked against the method's schema. */
export const ResultEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ContractErrorShape }),
]);

export function fail(code: ErrorCode, message: string): { ok: false; error: ContractErrorShape } {
  return { ok: false, error: { code, message } };
}

/** Turns zod issues into one readable line without echoing the (possibly sensitive) values. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(input)'}: ${issue.message}`)
    .join('; ');
}
