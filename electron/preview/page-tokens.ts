import { createHash, randomBytes } from 'node:crypto';

/** What an event socket's upgrade gets: a slot to give back when the connection ends, or a refusal to answer with. */
export type SocketAdmission = { admitted: true; release: () => void } | { admitted: false; status: number; reason: string };

/** One page token: when it was last used, and how many event sockets it holds open now (an open one is a use that lasts). */
interface TokenUse {
  lastUsedAt: number;
  openSockets: number;
}

/** Tokens are looked up by their digest, so how long a lookup takes says nothing about any token's characters. */
function digest(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * The page tokens of one preview-host run: each opening of the printed link makes one. A token lives
 * while its page uses it and expires when the page has been gone for a while; the number of live
 * tokens and of event sockets per token is capped, so no page (or script) can grow the host without end.
 */
export class PageTokens {
  /**
   * A token unused this long (no RPC, no evidence request, no event socket open) expires. A page that is
   * open keeps its socket, so it never idles; two hours lets a laptop closed over lunch (its socket
   * dropped) carry on, while a page abandoned overnight needs the printed link again.
   */
  static readonly idleMs = 2 * 60 * 60_000;
  /**
   * Live tokens at most. A reload or a new tab through the printed link makes another, so an assessor
   * makes a handful a day; fifty is far beyond that and still a small table.
   */
  static readonly maxLive = 50;
  /**
   * Event sockets one token may hold at once: the page's own, the evidence window's (a second tab with
   * the same token), and a reconnect of each that may reach the host before it has seen the old one close.
   */
  static readonly socketsPerToken = 4;

  private readonly tokens = new Map<string, TokenUse>();

  constructor(private readonly clock: () => number) {}

  /**
   * A new token. At the cap, the least recently used token without an open socket makes room; when
   * every live token has a page connected, none is pushed out and null says so.
   */
  issue(): string | null {
    this.dropExpired();
    if (this.tokens.size >= PageTokens.maxLive) {
      const idlest = this.idlestWithoutSocket();
      if (idlest === undefined) return null;
      this.tokens.delete(idlest);
    }
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(digest(token), { lastUsedAt: this.clock(), openSockets: 0 });
    return token;
  }

  /** Whether `candidate` is a live token; when it is, this request counts as its use. */
  use(candidate: string | undefined): boolean {
    const entry = this.live(candidate);
    if (entry) entry.lastUsedAt = this.clock();
    return entry !== undefined;
  }

  /** An event socket for `candidate`: admitted while the token lives and has a free slot; the token stays in use until `release`. */
  openSocket(candidate: string | undefined): SocketAdmission {
    const entry = this.live(candidate);
    if (!entry) return { admitted: false, status: 401, reason: 'This page’s access has ended or was never given: open the link printed when the workstation preview started.' };
    if (entry.openSockets >= PageTokens.socketsPerToken) {
      return { admitted: false, status: 429, reason: `This page already has ${PageTokens.socketsPerToken} event connections open; close one of its tabs first.` };
    }
    entry.openSockets += 1;
    return {
      admitted: true,
      release: () => {
        entry.openSockets -= 1;
        entry.lastUsedAt = this.clock(); // its idle period starts when its last socket closes
      },
    };
  }

  private live(candidate: string | undefined): TokenUse | undefined {
    if (!candidate) return undefined;
    this.dropExpired();
    return this.tokens.get(digest(candidate));
  }

  private dropExpired(): void {
    const now = this.clock();
    for (const [key, entry] of this.tokens) {
      if (entry.openSockets === 0 && now - entry.lastUsedAt > PageTokens.idleMs) this.tokens.delete(key);
    }
  }

  private idlestWithoutSocket(): string | undefined {
    let idlest: [string, TokenUse] | undefined;
    for (const item of this.tokens) if (item[1].openSockets === 0 && (!idlest || item[1].lastUsedAt < idlest[1].lastUsedAt)) idlest = item;
    return idlest?.[0];
  }
}
