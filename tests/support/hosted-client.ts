import { HostedApiClient } from '../../electron/core/hosted/api-client';
import type { ApiResult } from '../../electron/core/hosted/api-client';
import { seededPassword } from '../hosted-api/seed';

/** Unwraps a hosted API answer or fails the test with the failure. */
export function ok<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`hosted API call failed: ${JSON.stringify(result.failure)}`);
  return result.value;
}

/** A client of the reference server signed in as one of its seeded accounts. */
export async function signedInClient(baseUrl: string, email: string): Promise<HostedApiClient> {
  const tokens = ok(await new HostedApiClient({ baseUrl, accessToken: () => null }).signIn(email, seededPassword));
  return new HostedApiClient({ baseUrl, accessToken: () => tokens.accessToken });
}
