import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { EvidencePart } from '../hosts-shared/evidence-file';
import { PageTokens } from './page-tokens';
import type { SocketAdmission } from './page-tokens';

export const secretParameter = 'secret';
/** For programs on this machine (tests, scripts) that hold the printed secret: sent as a header, never as a cookie. */
export const secretHeader = 'x-assessor-secret';
/** What the page sends on its WebSocket, beside the token: browsers let a page choose only the subprotocols. */
export const eventsProtocol = 'assessor.events.v1';
export const tokenProtocolPrefix = 'assessor.token.';

export type OriginVerdict = { allowed: true } | { allowed: false; reason: string };

function same(candidate: string | undefined, expected: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
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
 * Every request must be addressed to the loopback address we bound (the Host header: defeats DNS
 * rebinding) and, if it says where it comes from, come from our own page (the Origin: defeats
 * cross-site requests and WebSockets from other sites and other local ports).
 */
export function checkOrigin(request: IncomingMessage, port: number): OriginVerdict {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const host = request.headers.host;
  if (!host || !allowedHosts.has(host.toLowerCase())) return { allowed: false, reason: 'foreign Host header' };
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedHosts.has(httpHostOf(origin) ?? '')) return { allowed: false, reason: 'foreign Origin' };
  return { allowed: true };
}

/**
 * The preview host's credentials. Nothing is ambient: no cookie carries any of them, because a
 * browser sends cookies for 127.0.0.1 to every port, so any other local server the browser visits
 * would receive them.
 *
 * - The per-run secret (in the printed link) is traded once per page load for a page token, which
 *   the page keeps in memory and sends as an Authorization header and as a WebSocket subprotocol.
 *   Tokens expire when unused and are capped in number and in sockets (see PageTokens).
 * - Media and captions, which a <video> or <img> fetches without headers, use signed URLs: bound to
 *   one evidence item and part, short-lived, kept alive while the player keeps reading them.
 */
export class PreviewCredentials {
  /**
   * Event sockets opened with the secret itself at once. Only programs on this machine send it (tests,
   * scripts), each with a socket or two; sixteen leaves room for several at once and bounds a runaway loop.
   */
  static readonly secretSockets = 16;

  readonly secret: string;
  private readonly pageTokens: PageTokens;
  private openSecretSockets = 0;
  private readonly signingKey = randomBytes(32);
  /** Signed URLs in use, and until when each stays valid (each read extends it, up to a cap). */
  private readonly liveUrls = new Map<string, number>();

  constructor(
    secret = randomBytes(24).toString('base64url'),
    private readonly clock: () => number = Date.now,
  ) {
    this.secret = secret;
    this.pageTokens = new PageTokens(clock);
  }

  isSecret(candidate: string | undefined): boolean {
    return same(candidate, this.secret);
  }

  /** A new page token (the link was opened), or null when the cap of live tokens is held by connected pages. */
  issueToken(): string | null {
    return this.pageTokens.issue();
  }

  /** An RPC or evidence request: the page's token as `Authorization: Bearer` (a use of it), or the secret as a header. */
  authorisesRequest(request: IncomingMessage): boolean {
    const bearer = /^Bearer ([A-Za-z0-9_-]+)$/.exec(request.headers.authorization ?? '')?.[1];
    const secret = request.headers[secretHeader];
    return this.pageTokens.use(bearer) || this.isSecret(typeof secret === 'string' ? secret : undefined);
  }

  /**
   * A WebSocket upgrade: the secret as a header (what a program sends), or the token offered as a
   * subprotocol (what a page can send). Each kind has its cap of sockets open at once.
   */
  admitSocket(request: IncomingMessage): SocketAdmission {
    const secret = request.headers[secretHeader];
    if (this.isSecret(typeof secret === 'string' ? secret : undefined)) return this.admitSecretSocket();
    const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((item) => item.trim());
    return this.pageTokens.openSocket(offered.find((item) => item.startsWith(tokenProtocolPrefix))?.slice(tokenProtocolPrefix.length));
  }

  private admitSecretSocket(): SocketAdmission {
    if (this.openSecretSockets >= PreviewCredentials.secretSockets) {
      return { admitted: false, status: 429, reason: `${PreviewCredentials.secretSockets} event connections are already open with the secret; close one first.` };
    }
    this.openSecretSockets += 1;
    return { admitted: true, release: () => void (this.openSecretSockets -= 1) };
  }

  /** How long a signed URL lives unread, and at most. */
  static readonly urlIdleMs = 5 * 60_000;
  static readonly urlMaxMs = 12 * 60 * 60_000;

  /** `/evidence/<id>[/captions]?exp=…&sig=…`: valid for this item and part only. */
  signEvidenceUrl(evidenceId: string, part: EvidencePart): string {
    const expires = this.clock() + PreviewCredentials.urlIdleMs;
    const path = `/evidence/${encodeURIComponent(evidenceId)}${part === 'captions' ? '/captions' : ''}`;
    return `${path}?exp=${expires}&sig=${this.signature(evidenceId, part, expires)}`;
  }

  /**
   * Whether a signed URL is valid now for this item and part. Each valid read keeps it alive for
   * another idle period (a long video is read in ranges for as long as it plays), never past the cap.
   */
  acceptsEvidenceUrl(evidenceId: string, part: EvidencePart, query: URLSearchParams): boolean {
    const expires = Number(query.get('exp'));
    const signature = query.get('sig') ?? '';
    if (!Number.isSafeInteger(expires) || !same(signature, this.signature(evidenceId, part, expires))) return false;
    const now = this.clock();
    const validUntil = Math.max(expires, this.liveUrls.get(signature) ?? 0);
    if (now > validUntil || now > expires - PreviewCredentials.urlIdleMs + PreviewCredentials.urlMaxMs) return false;
    this.liveUrls.set(signature, now + PreviewCredentials.urlIdleMs);
    for (const [key, until] of this.liveUrls) if (until < now) this.liveUrls.delete(key);
    return true;
  }

  private signature(evidenceId: string, part: string, expires: number): string {
    return createHmac('sha256', this.signingKey).update(`${evidenceId}\n${part}\n${expires}`).digest('base64url');
  }
}

/**
 * Where the secret exchange may send the browser: a path on this host only. Anything that a browser
 * could read as another host (`//evil.example`, `/\evil.example`) becomes `/`.
 */
export function sameOriginPath(url: URL): string {
  const path = url.pathname;
  if (!/^\/(?![/\\])[^\\]*$/.test(path)) return '/';
  const rest = new URLSearchParams(url.search);
  rest.delete(secretParameter);
  const search = rest.toString();
  return search ? `${path}?${search}` : path;
}
