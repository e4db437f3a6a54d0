import { z } from 'zod';
import { NoInput } from './common';

export const SessionInfo = z.object({
  signedIn: z.boolean(),
  /** Pre-filled in the sign-in form (ASSESSOR_SERVER_URL or the last server used). */
  serverUrl: z.string().max(500),
  email: z.string().max(320).nullable(),
  displayName: z.string().max(200).nullable(),
  roles: z.array(z.enum(['assessor', 'lead'])),
  /** Where the session is kept: the OS keychain, a file only this user can read, or nowhere (memory). */
  storage: z.enum(['os', 'file', 'memory']),
  /** The account last signed in here: pre-fills the form (its unsent work syncs once it signs in again). */
  lastEmail: z.string().max(320).nullable(),
  /** Signed out because the server ended the session (expired, revoked, or its refresh token reused), not by the assessor. */
  ended: z.enum(['expired', 'revoked', 'reused']).nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** The session: signing in and out of the hosted API. */
export const accountMethods = {
  'session.get': { input: NoInput, output: SessionInfo },
  'session.signIn': {
    input: z.object({ serverUrl: z.string().url().max(500), email: z.string().trim().email().max(320), password: z.string().min(1).max(1000) }).strict(),
    output: SessionInfo,
  },
  'session.signOut': { input: NoInput, output: SessionInfo },
} as const;
