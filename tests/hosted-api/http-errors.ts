import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { requestLimits } from '../../shared/hosted-api/schemas';

/** An answer other than success, with the contract's error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

export const fail = (status: number, code: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): HttpError =>
  new HttpError(status, { error: { code, message, ...extra } }, headers);

/** 422 naming each field the request got wrong. */
export const refuseFields = (fields: { path: string; message: string }[]): HttpError =>
  new HttpError(422, { error: { code: 'invalid', message: fields.length === 1 ? fields[0]!.message : 'The request did not validate.', fields: fields.slice(0, 100) } });

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > requestLimits.bodyBytes) throw fail(413, 'too_large', 'Request body is too large.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function parseJson<T>(raw: Buffer, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8') || '{}');
  } catch {
    throw fail(400, 'malformed', 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw refuseFields(parsed.error.issues.slice(0, 50).map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
  return parsed.data;
}

