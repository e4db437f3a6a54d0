import { randomUUID } from 'node:crypto';
import { seededPassword } from '../hosted-api/seed';

export interface RawAnswer {
  status: number;
  body: { error?: { code?: string; reason?: string; message?: string; fields?: { path: string; message: string }[] } } & Record<string, unknown>;
  headers: Headers;
}

/**
 * What a dishonest assessor has: their own account and the documented routes, with bodies they
 * write by hand (nothing checks them on the way out, unlike the workstation's client).
 */
export class DishonestClient {
  private constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static async signIn(baseUrl: string, email: string): Promise<DishonestClient> {
    const answer = await send(baseUrl, null, 'POST', '/v1/auth/sign-in', { email, password: seededPassword });
    if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status}`);
    return new DishonestClient(baseUrl, answer.body.accessToken as string);
  }

  get(path: string): Promise<RawAnswer> {
    return send(this.baseUrl, this.token, 'GET', path);
  }

  /** A write with an Idempotency-Key (a fresh one unless given). */
  post(path: string, body: unknown, idempotencyKey: string = randomUUID()): Promise<RawAnswer> {
    return send(this.baseUrl, this.token, 'POST', path, body, { 'idempotency-key': idempotencyKey });
  }

  put(path: string, body: unknown): Promise<RawAnswer> {
    return send(this.baseUrl, this.token, 'PUT', path, body);
  }
}

export async function send(baseUrl: string, token: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const response = await fetch(new URL(path, baseUrl), {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: parseBody(await response.text()), headers: response.headers };
}

function parseBody(text: string): RawAnswer['body'] {
  try {
    return text ? (JSON.parse(text) as RawAnswer['body']) : {};
  } catch {
    return {};
  }
}

/** The field paths a 422 names (each once). */
export const fieldsOf = (answer: RawAnswer): string[] => [...new Set((answer.body.error?.fields ?? []).map((field) => field.path))];
