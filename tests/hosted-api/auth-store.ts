import type Database from 'better-sqlite3-multiple-ciphers';
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';

/**
 * The reference server's accounts and sessions, kept the way a careful real service keeps them:
 * passwords under scrypt with explicit cost parameters, tokens stored only as hashes, rotating
 * refresh tokens with a short grace for a lost reply and family revocation on reuse, sign-in
 * throttling per account and per address, and a remote wipe an administrator can order for a machine.
 */
export const authTables = `
CREATE TABLE IF NOT EXISTS accounts (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, roles TEXT NOT NULL, password_hash TEXT NOT NULL) STRICT;
-- One family per sign-in: the tokens one machine holds. Revoking or wiping acts on the family.
CREATE TABLE IF NOT EXISTS session_families (family TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), created_at TEXT NOT NULL,
  revoked_reason TEXT, wipe_requested_at TEXT) STRICT;
-- rotated_at/successor: a refresh token already exchanged, and the pair it gave (sealed with a key
-- only that refresh token yields), kept for the grace period so a lost reply can be repeated.
CREATE TABLE IF NOT EXISTS tokens (hash TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
  family TEXT NOT NULL REFERENCES session_families(family), expires_at TEXT NOT NULL, rotated_at TEXT, successor TEXT) STRICT;
-- One row per sign-in attempt that reached the password check, written before the check (so
-- attempts made at once all count) and kept only while it counts: deleted when the password matched.
CREATE TABLE IF NOT EXISTS sign_in_attempts (id INTEGER PRIMARY KEY, email TEXT NOT NULL, address TEXT NOT NULL, at TEXT NOT NULL) STRICT;
CREATE INDEX IF NOT EXISTS sign_in_attempts_by_email ON sign_in_attempts(email, at);
CREATE INDEX IF NOT EXISTS sign_in_attempts_by_address ON sign_in_attempts(address, at);
`;

/** scrypt at N=2^15, r=8, p=1 (32 MiB, tens of ms here): stated, not left to a library default. */
export const scryptCost = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const satisfies ScryptOptions;
const scryptKeyBytes = 32;

/** A rotated refresh token may be presented again this long (its reply may have been lost). */
export const refreshGraceSeconds = 60;
/**
 * When sign-in is slowed: after 5 failed attempts on one account (the email given, known or not,
 * from any address), and after failures on 10 different accounts from one address (password
 * spraying). One account's failures never slow another account down. Failures are remembered 15
 * minutes; past a limit each attempt waits 30 s, doubling with each further failure, at most 15 minutes.
 */
export const throttleAfter = { accountFailures: 5, addressAccounts: 10 } as const;
export const failureMemoryMs = 15 * 60_000;

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

function scryptHash(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, scryptKeyBytes, { ...cost, maxmem: scryptCost.maxmem }, (error, key) => (error ? reject(error) : resolve(key))));
}

/** `scrypt$N$r$p$salt$hash`: the cost travels with each hash, so it can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptHash(password, salt, scryptCost);
  return ['scrypt', scryptCost.N, scryptCost.r, scryptCost.p, salt.toString('hex'), hash.toString('hex')].join('$');
}

async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const candidate = await scryptHash(password, Buffer.from(salt, 'hex'), { N: Number(n), r: Number(r), p: Number(p) });
  const expected = Buffer.from(hash, 'hex');
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

/** Seconds to wait: 0 below the limit, then 30 s doubling with each count past it, at most 15 minutes, from the last attempt. */
function throttleSeconds(count: number, limit: number, lastAt: string | null, now: Date): number {
  if (count < limit || lastAt === null) return 0;
  const sinceMs = now.getTime() - Date.parse(lastAt);
  const lockMs = Math.min(failureMemoryMs, 30_000 * 2 ** (count - limit));
  return Math.max(0, Math.ceil((lockMs - sinceMs) / 1000));
}

/** Compared against when the email is unknown, so both cases cost one scrypt (no timing oracle). */
const decoyHash = hashPassword(randomBytes(16).toString('hex'));

export interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  roles: string;
  password_hash: string;
}

export interface IssuedPair {
  accessToken: string;
  refreshToken: string;
}

export type AccessCheck = { accountId: string; family: string } | 'unknown' | 'expired' | 'revoked' | 'wipe';
export type RefreshOutcome = { ok: true; accountId: string; pair: IssuedPair } | { ok: false; why: 'unknown' | 'expired' | 'revoked' | 'reused' | 'wipe' };
export type SignInOutcome = { ok: true; account: AccountRow } | { ok: false; why: 'bad_credentials' } | { ok: false; why: 'throttled'; retryAfterSeconds: number };

function sealSuccessor(refreshToken: string, pair: IssuedPair): string {
  const key = createHash('sha256').update('successor\0').update(refreshToken).digest();
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(pair), 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, sealed, cipher.getAuthTag()]).toString('base64');
}

function openSuccessor(refreshToken: string, sealed: string): IssuedPair {
  const key = createHash('sha256').update('successor\0').update(refreshToken).digest();
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8')) as IssuedPair;
}

export class AuthStore {
  /** Password hashes computed by sign-in: one per attempt that was not throttled, whether the email exists or not. */
  passwordChecks = 0;
  /** Renewals answered again with the same pair, within the grace period (their first reply was lost). */
  graceReplays = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly sql: (text: string) => Database.Statement,
  ) {}

  async addAccount(account: { id: string; email: string; displayName: string; roles: string[] }, password: string): Promise<void> {
    const hash = await hashPassword(password);
    this.sql('INSERT OR IGNORE INTO accounts (id, email, display_name, roles, password_hash) VALUES (?, ?, ?, ?, ?)').run(account.id, account.email, account.displayName, JSON.stringify(account.roles), hash);
  }

  accountByEmail(email: string): AccountRow | null {
    return (this.sql('SELECT * FROM accounts WHERE email = ?').get(email.trim().toLowerCase()) as AccountRow | undefined) ?? null;
  }

  /** Every account that may score (leads included). */
  assessorIds(): string[] {
    return (this.sql(`SELECT id FROM accounts WHERE EXISTS (SELECT 1 FROM json_each(roles) WHERE value = 'assessor') ORDER BY id`).all() as { id: string }[]).map((row) => row.id);
  }

  accountById(id: string): AccountRow | null {
    return (this.sql('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined) ?? null;
  }

  /**
   * Checks a password. The attempt is counted as a failure *before* the password is hashed (and
   * forgotten if it matches), so attempts sent at once are throttled like attempts sent one by one;
   * an unknown email costs the same scrypt as a known one.
   */
  async signIn(email: string, password: string, address: string, now: Date): Promise<SignInOutcome> {
    const key = email.trim().toLowerCase();
    const since = new Date(now.getTime() - failureMemoryMs).toISOString();
    this.sql('DELETE FROM sign_in_attempts WHERE at < ?').run(since);
    const wait = Math.max(this.accountWait(key, since, now), this.addressWait(address, since, now));
    if (wait > 0) return { ok: false, why: 'throttled', retryAfterSeconds: wait };
    const attempt = this.sql('INSERT INTO sign_in_attempts (email, address, at) VALUES (?, ?, ?)').run(key, address, now.toISOString()).lastInsertRowid;
    const account = this.accountByEmail(email);
    this.passwordChecks += 1;
    const matches = await passwordMatches(password, account?.password_hash ?? (await decoyHash));
    if (account && matches) {
      this.sql('DELETE FROM sign_in_attempts WHERE email = ? OR id = ?').run(key, attempt);
      return { ok: true, account };
    }
    return { ok: false, why: 'bad_credentials' };
  }

  /** Seconds this account must wait: its failures from any address. */
  private accountWait(email: string, since: string, now: Date): number {
    const row = this.sql('SELECT count(*) AS n, max(at) AS last FROM sign_in_attempts WHERE email = ? AND at >= ?').get(email, since) as { n: number; last: string | null };
    return throttleSeconds(row.n, throttleAfter.accountFailures, row.last, now);
  }

  /** Seconds this address must wait: the number of different accounts it failed on. */
  private addressWait(address: string, since: string, now: Date): number {
    const row = this.sql('SELECT count(DISTINCT email) AS n, max(at) AS last FROM sign_in_attempts WHERE address = ? AND at >= ?').get(address, since) as { n: number; last: string | null };
    return throttleSeconds(row.n, throttleAfter.addressAccounts, row.last, now);
  }

  /** A new session family (one sign-in on one machine) and its first pair. */
  startSession(accountId: string, now: Date, accessTtlSeconds: number): IssuedPair {
    const family = randomBytes(12).toString('hex');
    this.sql('INSERT INTO session_families (family, account_id, created_at) VALUES (?, ?, ?)').run(family, accountId, now.toISOString());
    return this.issue(accountId, family, now, accessTtlSeconds);
  }

  private issue(accountId: string, family: string, now: Date, accessTtlSeconds: number): IssuedPair {
    const accessToken = randomBytes(32).toString('base64url');
    const refreshToken = randomBytes(32).toString('base64url');
    const insert = this.sql('INSERT INTO tokens (hash, account_id, kind, family, expires_at) VALUES (?, ?, ?, ?, ?)');
    insert.run(tokenHash(accessToken), accountId, 'access', family, new Date(now.getTime() + accessTtlSeconds * 1000).toISOString());
    insert.run(tokenHash(refreshToken), accountId, 'refresh', family, new Date(now.getTime() + 30 * 86_400_000).toISOString());
    return { accessToken, refreshToken };
  }

  private tokenRow(token: string, kind: 'access' | 'refresh') {
    return this.sql(
      `SELECT t.account_id, t.family, t.expires_at, t.rotated_at, t.successor, f.revoked_reason, f.wipe_requested_at
       FROM tokens t JOIN session_families f ON f.family = t.family WHERE t.hash = ? AND t.kind = ?`,
    ).get(tokenHash(token), kind) as
      | { account_id: string; family: string; expires_at: string; rotated_at: string | null; successor: string | null; revoked_reason: string | null; wipe_requested_at: string | null }
      | undefined;
  }

  /** The account a live access token belongs to, or why it is not live. A wipe order outranks everything. */
  checkAccess(token: string, now: Date): AccessCheck {
    const row = this.tokenRow(token, 'access');
    if (!row) return 'unknown';
    if (row.wipe_requested_at) return 'wipe';
    if (row.revoked_reason) return 'revoked';
    if (row.expires_at <= now.toISOString()) return 'expired';
    return { accountId: row.account_id, family: row.family };
  }

  /**
   * Exchanges a refresh token for a new pair (rotation: each works once). Presented again within
   * the grace period, before its successor was used, it gets the same pair again (the first reply
   * was lost); any other reuse means two parties hold it, so the whole family is revoked.
   */
  rotate(refreshToken: string, now: Date, accessTtlSeconds: number): RefreshOutcome {
    return this.db.transaction((): RefreshOutcome => {
      const row = this.tokenRow(refreshToken, 'refresh');
      if (!row) return { ok: false, why: 'unknown' };
      if (row.wipe_requested_at) return { ok: false, why: 'wipe' };
      if (row.revoked_reason) return { ok: false, why: 'revoked' };
      if (row.expires_at <= now.toISOString()) return { ok: false, why: 'expired' };
      if (row.rotated_at) {
        const withinGrace = now.getTime() - Date.parse(row.rotated_at) <= refreshGraceSeconds * 1000;
        const successor = row.successor ? openSuccessor(refreshToken, row.successor) : null;
        const successorUnused = successor !== null && this.tokenRow(successor.refreshToken, 'refresh')?.rotated_at === null;
        if (withinGrace && successor && successorUnused) {
          this.graceReplays += 1;
          return { ok: true, accountId: row.account_id, pair: successor };
        }
        this.revokeFamily(row.family, 'refresh_token_reused');
        return { ok: false, why: 'reused' };
      }
      const pair = this.issue(row.account_id, row.family, now, accessTtlSeconds);
      this.sql('UPDATE tokens SET rotated_at = ?, successor = ? WHERE hash = ?').run(now.toISOString(), sealSuccessor(refreshToken, pair), tokenHash(refreshToken));
      return { ok: true, accountId: row.account_id, pair };
    })();
  }

  /** Sign-out: the family of this refresh token ends. Unknown tokens are ignored (the answer is the same). */
  endSession(refreshToken: string): void {
    const row = this.tokenRow(refreshToken, 'refresh');
    if (row) this.revokeFamily(row.family, 'signed_out');
  }

  revokeFamily(family: string, reason: string): void {
    this.sql('UPDATE session_families SET revoked_reason = coalesce(revoked_reason, ?) WHERE family = ?').run(reason, family);
    // The grace copies go too: nothing of a revoked family can be had again.
    this.sql('UPDATE tokens SET successor = NULL WHERE family = ?').run(family);
  }

  /** An administrator disables the account: every session ends (the machines keep their unsent work). */
  revokeAccount(accountId: string): void {
    for (const { family } of this.sql('SELECT family FROM session_families WHERE account_id = ?').all(accountId) as { family: string }[]) this.revokeFamily(family, 'account_disabled');
  }

  /** An administrator reports the account's machines lost: each is told to wipe the claimed work it holds. */
  orderRemoteWipe(accountId: string, now: Date): void {
    this.sql('UPDATE session_families SET wipe_requested_at = coalesce(wipe_requested_at, ?) WHERE account_id = ? AND revoked_reason IS NULL').run(now.toISOString(), accountId);
  }

  /** Why the family holding this token ended, or null while it lives (tests and administrators). */
  familyState(token: string, kind: 'access' | 'refresh'): { revokedReason: string | null; wipeRequested: boolean } | null {
    const row = this.tokenRow(token, kind);
    return row ? { revokedReason: row.revoked_reason, wipeRequested: row.wipe_requested_at !== null } : null;
  }
}
