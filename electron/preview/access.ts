import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const secretParameter = 'secret';
export const secretHeader = 'x-assessor-secret';
export const secretCookie = (port: number): string => `assessor_preview_${port}`;

export type AccessVerdict = { allowed: true; viaQuery: boolean } | { allowed: false; status: 401 | 403; reason: string };

function sameSecret(candidate: string | undefined, secret: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function httpHostOf(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' ? url.host : null;
  } catch {
    return null;
  }
}

/**
 * Every request to the preview host must come from this machine's own page: the Host header must
 * name the loopback address we bound (defeats DNS rebinding), a present Origin must be our own
 * (defeats cross-site requests and WebSockets), and the per-run secret must be presented (defeats
 * other local users and processes).
 */
export function checkAccess(request: IncomingMessage, port: number, secret: string): AccessVerdict {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const host = request.headers.host;
  if (!host || !allowedHosts.has(host.toLowerCase())) return { allowed: false, status: 403, reason: 'foreign Host header' };
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (!allowedHosts.has(httpHostOf(origin) ?? '')) return { allowed: false, status: 403, reason: 'foreign Origin' };
  }
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const fromQuery = url.searchParams.get(secretParameter) ?? undefined;
  const fromHeader = request.headers[secretHeader];
  const presented = [fromQuery, typeof fromHeader === 'string' ? fromHeader : undefined, cookieValue(request.headers.cookie, secretCookie(port))];
  if (sameSecret(presented[0], secret)) return { allowed: true, viaQuery: true };
  if (presented.slice(1).some((candidate) => sameSecret(candidate, secret))) return { allowed: true, viaQuery: false };
  return { allowed: false, status: 401, reason: 'missing or wrong secret' };
}
