import { ServerClock } from './server-clock';
import { sleep } from '../platform/clock';
import type { Clock } from '../platform/clock';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SessionInfo } from '../../../shared/contract/methods';
import { Account } from '../../../shared/hosted-api/schemas';
import { checkServerUrl, serverUrlProblems } from '../../../shared/hosted-api/server-url';
import { DomainError } from '../contract/errors';
import type { Logger } from '../platform/log';
import { HostedApiClient } from './api-client';
import type { ApiFailure, ApiResult } from './api-client';
import type { SecretVault } from './secret-vault';

/** Why a session ended without the assessor signing out. Every one of them keeps the work here. */
export const SessionEnd = z.enum(['expired', 'revoked', 'reused']);
export type SessionEnd = z.infer<typeof SessionEnd>;

/** What the vault holds. The evidence key outlives sessions so downloaded evidence stays readable. */
const VaultContents = z.object({
  evidenceKey: z.string().regex(/^[0-9a-f]{64}$/),
  session: z.object({ serverUrl: z.string().url(), accessToken: z.string(), refreshToken: z.string(), account: Account }).nullable(),
  lastServerUrl: z.string().nullable(),
  lastEmail: z.string().nullable().default(null),
  ended: SessionEnd.nullable().default(null),
});
type VaultContents = z.infer<typeof VaultContents>;
type StoredSession = NonNullable<VaultContents['session']>;

export interface HostedSessionOptions {
  vault: SecretVault;
  /** ASSESSOR_SERVER_URL: pre-fills the sign-in form. */
  defaultServerUrl: string;
  logger: Logger;
  /**
   * The vault came back empty (first start, or a keychain that keeps nothing across restarts): a new
   * evidence key was made, so whatever was encrypted under the old one cannot be read any more.
   */
  onNewEvidenceKey: () => void;
  /** The server ordered this machine wiped (it was reported lost): remove the claimed work now. */
  onRemoteWipe: () => void | Promise<void>;
  /** Signed in, signed out, or the session ended. */
  onChanged: () => void;
  /** Waits between renewal attempts whose reply did not arrive; they all fit in the server's grace period. */
  renewalRetryDelaysMs?: readonly number[];
  /** How requests go out (a fake network in unit tests). */
  fetch?: typeof fetch;
  clock: Clock;
}

/** 1 + 2 + 4 + 8 + 16 s: a lost reply is repeated well inside the server's 60 s grace for a rotated refresh token. */
const defaultRenewalRetryDelaysMs = [1000, 2000, 4000, 8000, 16_000];

/**
 * The session with the hosted API: the vault it lives in (with the evidence key), sign-in and
 * sign-out, and every authorised call, which renews a lapsed access token on the way.
 *
 * Renewal is single-flight (refresh tokens rotate: two renewals with one token look like theft to
 * the server), repeated when its reply is lost (the server gives the same pair again within its grace
 * period), and the new pair is in the vault before anything uses it. A session the server ended
 * keeps everything on this machine and asks the assessor to sign in again; only the server's explicit
 * `remote_wipe` answer removes claimed work.
 */
export class HostedSession {
  private contents: VaultContents | null = null;
  private renewal: Promise<boolean> | null = null;
  private epoch = 0;
  /** Resolves once the vault has been read; every use of the session waits for it. */
  readonly ready: Promise<void>;
  /** The server's clock as its answers tell it: times this machine states are sent on it. */
  readonly serverClock: ServerClock;

  constructor(private readonly options: HostedSessionOptions) {
    this.serverClock = new ServerClock(() => options.clock.now());
    this.ready = this.load().catch((error: unknown) => options.logger.error('could not read the vault', error));
  }

  private async load(): Promise<void> {
    const raw = await this.options.vault.load();
    const parsed = raw ? VaultContents.safeParse(parseJson(raw)) : null;
    if (parsed?.success) {
      this.contents = parsed.data;
      // A session kept by an older version for a server address no longer allowed ends here.
      if (parsed.data.session && !checkServerUrl(parsed.data.session.serverUrl).ok) this.contents = { ...parsed.data, session: null };
      return;
    }
    await this.replace({ evidenceKey: newKey(), session: null, lastServerUrl: null, lastEmail: null, ended: null });
    this.options.onNewEvidenceKey();
  }

  /** Grows with every sign-in, sign-out, end and wipe: work fetched under an older epoch is not stored. */
  get currentEpoch(): number {
    return this.epoch;
  }

  /** Refuses work fetched under a session that has since changed (signed out, ended, wiped, or another sign-in): it is never stored. */
  assertCurrent(epoch: number): void {
    if (epoch !== this.epoch || !this.signedIn) {
      throw new DomainError('forbidden', 'The session ended while work was arriving; nothing of it was kept. Sign in again to fetch it.');
    }
  }

  get signedIn(): boolean {
    return !!this.contents?.session;
  }

  get account(): StoredSession['account'] | null {
    return this.contents?.session?.account ?? null;
  }

  get serverUrl(): string | null {
    return this.contents?.session?.serverUrl ?? null;
  }

  /** The current access token, for requests that cannot go through the API client (evidence downloads). */
  get accessToken(): string | null {
    return this.contents?.session?.accessToken ?? null;
  }

  get evidenceKey(): Buffer {
    if (!this.contents) throw new Error('The session vault has not been read.');
    return Buffer.from(this.contents.evidenceKey, 'hex');
  }

  info(): SessionInfo {
    const session = this.contents?.session ?? null;
    return {
      signedIn: session !== null,
      serverUrl: session?.serverUrl ?? this.contents?.lastServerUrl ?? this.options.defaultServerUrl,
      email: session?.account.email ?? null,
      displayName: session?.account.displayName ?? null,
      roles: session?.account.roles ?? [],
      storage: this.options.vault.kind,
      lastEmail: this.contents?.lastEmail ?? null,
      ended: session ? null : (this.contents?.ended ?? null),
    };
  }

  /**
   * Signs in. `accept` sees the account before the session is kept and may refuse it (another
   * account's unsent work is on this machine).
   */
  async signIn(serverUrl: string, email: string, password: string, accept: (account: StoredSession['account'], serverUrl: string) => void): Promise<void> {
    const checked = checkServerUrl(serverUrl);
    if (!checked.ok) throw new DomainError('invalid_input', serverUrlProblems[checked.problem]);
    const result = await this.anonymousClient(checked.url).signIn(email, password);
    if (!result.ok) throw failureToError(result.failure, 'sign in');
    try {
      accept(result.value.account, checked.url);
    } catch (refusal) {
      // Refused here: the session the server just began ends there too (best effort), not left to lapse in a month.
      await this.anonymousClient(checked.url).signOut(result.value.refreshToken);
      throw refusal;
    }
    this.epoch += 1;
    await this.keep({ serverUrl: checked.url, accessToken: result.value.accessToken, refreshToken: result.value.refreshToken, account: result.value.account });
    this.options.onChanged();
  }

  /** Ends the session here and on the server (best effort: offline, the tokens simply lapse there). */
  async signOut(): Promise<void> {
    const session = this.contents?.session;
    this.epoch += 1;
    await this.forget(null);
    if (session) await this.anonymousClient(session.serverUrl).signOut(session.refreshToken);
    this.options.onChanged();
  }

  /**
   * A new evidence key: whatever was encrypted under the old one (removed first by the caller) can
   * never be read again, even from a disk's free blocks.
   */
  async replaceEvidenceKey(): Promise<void> {
    if (!this.contents) throw new Error('The session vault has not been read.');
    await this.replace({ ...this.contents, evidenceKey: newKey() });
  }

  /** The server's current view of the account (roles change): kept when it differs. */
  async noteAccount(account: StoredSession['account']): Promise<void> {
    const session = this.contents?.session;
    if (!session || JSON.stringify(session.account) === JSON.stringify(account)) return;
    await this.keep({ ...session, account });
  }

  /** A client of the hosted API whose calls carry the session's token and renew it when it lapses. */
  client(): HostedApiClient {
    const session = this.contents?.session;
    if (!session) throw new DomainError('forbidden', 'Sign in to the hosted API first.');
    return new HostedApiClient({ baseUrl: session.serverUrl, accessToken: () => this.accessToken, onUnauthorized: (rejected) => this.recover(rejected), fetch: this.options.fetch, onServerDate: (date) => this.serverClock.observe(date) });
  }

  /** One authorised call, or a DomainError the assessor can read. */
  async call<T>(call: (client: HostedApiClient) => Promise<ApiResult<T>>, doing = 'reach the hosted API'): Promise<T> {
    const result = await call(this.client());
    if (!result.ok) {
      // Refused while the session still stands: its renewal could not get through (no answer), not an end.
      if (result.failure.kind === 'unauthorized' && this.contents?.session) throw new DomainError('unavailable', `Could not ${doing}: the session could not be renewed right now; nothing is lost, try again shortly.`);
      throw failureToError(result.failure, doing);
    }
    return result.value;
  }

  /**
   * The server refused `rejected` (an access token a request carried). True when a newer token is in
   * place and the request may be sent again; false when the session cannot go on for now (renewal
   * unreachable) or at all (ended, or wiped).
   */
  recover(rejected: string): Promise<boolean> {
    const current = this.accessToken;
    if (current === null) return Promise.resolve(false);
    if (current !== rejected) return Promise.resolve(true);
    this.renewal ??= this.renew().finally(() => (this.renewal = null));
    return this.renewal;
  }

  private async renew(): Promise<boolean> {
    const delays = this.options.renewalRetryDelaysMs ?? defaultRenewalRetryDelaysMs;
    for (let attempt = 0; ; attempt++) {
      const session = this.contents?.session;
      if (!session) return false;
      const epoch = this.epoch;
      const result = await this.anonymousClient(session.serverUrl).refresh(session.refreshToken);
      if (epoch !== this.epoch) return false; // signed out (or in again) meanwhile: this answer is stale
      if (result.ok) {
        // Kept before use: if the process dies now, the next start holds the only live refresh token.
        await this.keep({ ...session, accessToken: result.value.accessToken, refreshToken: result.value.refreshToken, account: result.value.account });
        return true;
      }
      const failure = result.failure;
      if (failure.kind === 'unauthorized') {
        await this.endFor(failure.code);
        return false;
      }
      // No answer (or a cut one): the server may have rotated the token; asking again within its grace
      // period gets the same pair. Past the last retry the session stays, and a later call tries again.
      const delay = delays[attempt];
      if (delay === undefined) {
        this.options.logger.error(`could not renew the session (${failure.kind}); will try again later`);
        return false;
      }
      await sleep(this.options.clock, delay);
    }
  }

  /** The refresh token was refused: wipe if the server ordered it, otherwise end the session keeping everything. */
  private async endFor(code: string): Promise<void> {
    this.epoch += 1;
    if (code === 'remote_wipe') {
      this.options.logger.error('the server ordered this machine wiped');
      await this.options.onRemoteWipe();
      await this.forget(null);
      await this.replaceEvidenceKey();
    } else {
      const reason: SessionEnd = code === 'token_reused' ? 'reused' : code === 'token_revoked' ? 'revoked' : 'expired';
      this.options.logger.info(`the server ended the session (${code}); unsent work stays until the same account signs in again`);
      await this.forget(reason);
    }
    this.options.onChanged();
  }

  /** For the calls that carry no access token (sign-in, renewal, sign-out). */
  private anonymousClient(baseUrl: string): HostedApiClient {
    return new HostedApiClient({ baseUrl, accessToken: () => null, fetch: this.options.fetch, onServerDate: (date) => this.serverClock.observe(date) });
  }

  /** Keeps a session (new, or renewed): in the vault first, and only then in use. */
  private async keep(session: StoredSession): Promise<void> {
    await this.replace({ ...this.contents!, session, lastServerUrl: session.serverUrl, lastEmail: session.account.email, ended: null });
  }

  private async forget(ended: SessionEnd | null): Promise<void> {
    await this.replace({ ...this.contents!, session: null, ended });
  }

  /** The vault is written before anything here changes: a crash in between leaves the last durable state, never a newer one only in memory. */
  private async replace(next: VaultContents): Promise<void> {
    await this.options.vault.save(JSON.stringify(next));
    this.contents = next;
  }

}

/** What the parts that sync, download and import use of the session (their unit tests give them a fake). */
export type SessionAccess = Pick<HostedSession, 'currentEpoch' | 'signedIn' | 'account' | 'serverUrl' | 'accessToken' | 'evidenceKey' | 'assertCurrent' | 'client' | 'call' | 'recover' | 'noteAccount' | 'serverClock'>;

/** The session as signing in and out sees it. */
export type SessionLifecycle = SessionAccess & Pick<HostedSession, 'signIn' | 'signOut' | 'replaceEvidenceKey' | 'info'>;

function newKey(): string {
  return randomBytes(32).toString('hex');
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

/** A failed call as the assessor should read it. */
export function failureToError(failure: ApiFailure, doing: string): DomainError {
  switch (failure.kind) {
    case 'unauthorized':
      return failure.code === 'bad_credentials'
        ? new DomainError('bad_credentials', 'Email or password is wrong.')
        : new DomainError('session_ended', 'The server ended this session; sign in again. Your unsent work stays here.');
    case 'refused':
      // Not allowed (403), or done already / not any more (409: another lead was first, nothing to reset).
      return new DomainError(failure.code === 'not_qualified' ? 'claims_blocked' : failure.status === 409 ? 'conflict' : 'forbidden', failure.message);
    case 'throttled':
      return doing === 'sign in'
        ? new DomainError('throttled', `Too many failed sign-ins. Try again in ${Math.ceil(failure.retryAfterMs / 1000)} seconds.`)
        : new DomainError('unavailable', `Could not ${doing}: the server is busy; try again shortly.`);
    case 'network':
    case 'server':
      return new DomainError('unavailable', `Could not ${doing}: the server is not reachable right now.`);
    case 'not_found':
      return new DomainError('not_found', `Could not ${doing}: ${failure.message}`);
    default:
      return new DomainError('conflict', `Could not ${doing}: ${'message' in failure ? failure.message : failure.kind}.`);
  }
}
