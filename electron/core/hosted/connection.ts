import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { SessionInfo, SyncStatus } from '../../../shared/contract/methods';
import type { SubmissionManifest } from '../../../shared/hosted-api/schemas';
import type { Db } from '../db/database';
import { DomainError } from '../errors';
import { downloadEvidence } from '../evidence/downloader';
import { purgeAcknowledged, purgeAllDownloaded, storageUsage } from '../evidence/retention';
import type { Logger } from '../log';
import { saveAssignment, saveBatch } from '../repositories/batches';
import { saveCredential, saveRubricVersion } from '../repositories/credentials';
import { listToDownload, saveEvidence, setAvailability } from '../repositories/evidence';
import { countByState, nextDueAt } from '../repositories/outbox';
import { savePreviousAttempt, saveSubmission } from '../repositories/submissions';
import { HostedApiClient } from './api-client';
import type { ApiFailure } from './api-client';
import type { SecretVault } from './secret-vault';
import { drainOutbox } from './sync-engine';

/** What the vault holds. The evidence key outlives sessions so downloaded evidence stays readable. */
const VaultContents = z.object({
  evidenceKey: z.string().regex(/^[0-9a-f]{64}$/),
  session: z
    .object({ serverUrl: z.string().url(), accessToken: z.string(), refreshToken: z.string(), account: z.object({ id: z.string(), email: z.string(), displayName: z.string(), roles: z.array(z.enum(['assessor', 'lead'])) }) })
    .nullable(),
  lastServerUrl: z.string().nullable(),
});
type VaultContents = z.infer<typeof VaultContents>;

export interface ConnectionOptions {
  db: Db;
  dataDir: string;
  vault: SecretVault;
  /** ASSESSOR_SERVER_URL: pre-fills the sign-in form. */
  defaultServerUrl: string;
  logger: Logger;
  now: () => Date;
  onStatus: (status: SyncStatus) => void;
  onWorkspaceChanged: () => void;
  /** Seconds between background sync attempts while something waits. */
  syncIntervalMs?: number;
  /** Days evidence stays after its decision is acknowledged (default 7). */
  retentionDays?: number;
}

const downloadConcurrency = 2;

/**
 * The workstation's link to the hosted API: the session (kept in the vault), claiming batches into
 * the local store, downloading their evidence for offline work, and draining the outbox whenever
 * the network allows. Everything keeps working offline; this only moves data when it can.
 */
export class HostedConnection {
  private contents: VaultContents | null = null;
  private state: SyncStatus['state'] = 'signed_out';
  private lastSyncedAt: string | null = null;
  private syncTimer: ReturnType<typeof setTimeout> | null = null;
  private syncing: Promise<void> | null = null;
  private downloading = new Map<string, { done: number; total: number }>();
  private downloadPump: Promise<void> | null = null;
  private closed = false;
  /** Bytes a pending download would need beyond the free space (0 when it fits). */
  private diskShort = 0;
  /** Resolves once the vault has been read; every network method waits for it. */
  readonly ready: Promise<void>;

  constructor(private readonly options: ConnectionOptions) {
    this.ready = this.start().catch((error: unknown) => options.logger.error('could not read the vault', error));
  }

  private async start(): Promise<void> {
    const raw = await this.options.vault.load();
    const parsed = raw ? VaultContents.safeParse(JSON.parse(raw)) : null;
    this.contents = parsed?.success ? parsed.data : { evidenceKey: randomBytes(32).toString('hex'), session: null, lastServerUrl: null };
    if (!parsed?.success) await this.persist();
    if (this.contents.session) {
      this.state = 'online';
      this.scheduleSync(0);
      this.pumpDownloads();
    }
  }

  stop(): void {
    this.closed = true;
    if (this.syncTimer) clearTimeout(this.syncTimer);
  }

  get evidenceKey(): Buffer {
    if (!this.contents) throw new Error('The connection has not started.');
    return Buffer.from(this.contents.evidenceKey, 'hex');
  }

  session(): SessionInfo {
    const session = this.contents?.session ?? null;
    return {
      signedIn: session !== null,
      serverUrl: session?.serverUrl ?? this.contents?.lastServerUrl ?? this.options.defaultServerUrl,
      email: session?.account.email ?? null,
      displayName: session?.account.displayName ?? null,
      roles: session?.account.roles ?? [],
      storage: this.options.vault.kind,
    };
  }

  status(): SyncStatus {
    const counts = countByState(this.options.db);
    let doneBytes = 0;
    let totalBytes = 0;
    for (const progress of this.downloading.values()) {
      doneBytes += progress.done;
      totalBytes += progress.total;
    }
    const usage = storageUsage(this.options.db, this.options.dataDir);
    return {
      state: this.state,
      storage: usage,
      waiting: this.contents?.session ? counts.pending : 0,
      conflicts: counts.conflict,
      lastSyncedAt: this.lastSyncedAt,
      downloads: { files: this.downloading.size, doneBytes, totalBytes, blockedByDiskSpace: this.diskShort > 0 },
    };
  }

  async signIn(serverUrl: string, email: string, password: string): Promise<SessionInfo> {
    const client = new HostedApiClient({ baseUrl: serverUrl, accessToken: () => null });
    const result = await client.signIn(email, password);
    if (!result.ok) throw this.failureToError(result.failure, 'sign in');
    this.contents = { ...this.contents!, session: { serverUrl, ...result.value, account: result.value.account }, lastServerUrl: serverUrl };
    await this.persist();
    this.state = 'online';
    this.emitStatus();
    this.scheduleSync(0);
    return this.session();
  }

  async signOut(): Promise<SessionInfo> {
    const session = this.contents?.session;
    if (session) {
      await fetch(new URL('/v1/auth/sign-out', session.serverUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
        signal: AbortSignal.timeout(5000),
      }).catch(() => undefined);
    }
    this.contents = { ...this.contents!, session: null };
    await this.persist();
    purgeAllDownloaded(this.options.db);
    this.state = 'signed_out';
    this.options.onWorkspaceChanged();
    this.emitStatus();
    return this.session();
  }

  /** Claims a batch and stores it (rubrics, submissions, evidence manifests) locally, then starts downloading. */
  async claim(size: number): Promise<{ batchId: string; submissions: number }> {
    const claimed = await this.withAuth((client) => client.claim(size));
    const manifests: SubmissionManifest[] = [];
    for (const assignment of claimed.assignments) {
      manifests.push(await this.withAuth((client) => client.manifest(assignment.submissionId)));
    }
    const { db } = this.options;
    const evidenceDir = join(this.options.dataDir, 'evidence');
    mkdirSync(evidenceDir, { recursive: true });
    db.transaction(() => {
      saveBatch(db, { ...claimed.batch, label: `Batch claimed ${claimed.batch.claimedAt.slice(0, 10)}`, isDemo: false });
      claimed.assignments.forEach((assignment, index) => {
        const manifest = manifests[index]!;
        saveCredential(db, manifest.credential);
        saveRubricVersion(db, manifest.rubric);
        saveSubmission(db, { id: manifest.id, credentialId: manifest.credential.id, rubricVersionId: manifest.rubric.id, label: manifest.label, attempt: manifest.attempt, submittedAt: manifest.submittedAt });
        saveAssignment(db, { submissionId: manifest.id, batchId: claimed.batch.id, position: assignment.position, leaseExpiresAt: assignment.leaseExpiresAt, dueAt: assignment.dueAt });
        for (const attempt of manifest.previousAttempts) savePreviousAttempt(db, manifest.id, attempt);
        manifest.evidence.forEach((item, position) => {
          saveEvidence(db, {
            id: item.id,
            submissionId: manifest.id,
            position,
            kind: item.kind,
            title: item.title,
            mimeType: item.mimeType,
            bytes: item.bytes,
            sha256: item.sha256,
            durationMs: item.durationMs,
            availability: item.kind === 'text' ? 'available' : 'remote',
            localPath: null,
            captionsPath: null,
            text: item.text,
          });
        });
      });
    })();
    this.options.onWorkspaceChanged();
    this.pumpDownloads();
    return { batchId: claimed.batch.id, submissions: claimed.assignments.length };
  }

  /** Sends what waits in the outbox now (and keeps trying in the background). */
  async syncNow(): Promise<SyncStatus> {
    await this.runSync();
    return this.status();
  }

  /** A new decision is waiting: try to send it soon. */
  nudge(): void {
    this.scheduleSync(0);
  }

  private scheduleSync(delayMs: number): void {
    if (this.closed || !this.contents?.session) return;
    if (this.syncTimer) clearTimeout(this.syncTimer);
    this.syncTimer = setTimeout(() => void this.runSync(), delayMs);
  }

  private async runSync(): Promise<void> {
    if (this.syncing) return this.syncing;
    this.syncing = (async () => {
      const session = this.contents?.session;
      if (!session) return;
      this.state = 'syncing';
      this.emitStatus();
      const client = new HostedApiClient({ baseUrl: session.serverUrl, accessToken: () => this.contents?.session?.accessToken ?? null });
      let report = await drainOutbox({ db: this.options.db, client, now: this.options.now });
      if (report.unauthorized && (await this.refresh())) report = await drainOutbox({ db: this.options.db, client, now: this.options.now });
      const reachable = report.acknowledged > 0 || report.retrying === 0;
      this.state = this.contents?.session ? (reachable ? 'online' : 'offline') : 'signed_out';
      if (report.acknowledged > 0 || (reachable && countByState(this.options.db).pending === 0)) this.lastSyncedAt = this.options.now().toISOString();
      if (purgeAcknowledged(this.options.db, this.options.now(), this.options.retentionDays) > 0 || report.acknowledged > 0 || report.conflicts > 0) {
        this.options.onWorkspaceChanged();
      }
      this.emitStatus();
      const due = nextDueAt(this.options.db);
      this.scheduleSync(due ? Math.max(250, new Date(due).getTime() - Date.now()) : (this.options.syncIntervalMs ?? 30_000));
    })().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private pumpDownloads(): void {
    if (this.downloadPump || this.closed) return;
    this.downloadPump = (async () => {
      const queue = listToDownload(this.options.db);
      const needed = queue.reduce((sum, item) => sum + item.bytes, 0);
      const { freeBytes } = storageUsage(this.options.db, this.options.dataDir);
      // Keep 1 GiB spare: a full disk would also stop the database from saving scores.
      if (needed > freeBytes - 1024 ** 3) {
        this.options.logger.error(`not downloading: ${needed} bytes needed, ${freeBytes} free`);
        this.diskShort = needed;
        this.emitStatus();
        return;
      }
      this.diskShort = 0;
      const worker = async (): Promise<void> => {
        for (let item = queue.shift(); item; item = queue.shift()) await this.downloadOne(item.id, item.bytes, item.sha256);
      };
      await Promise.all(Array.from({ length: downloadConcurrency }, worker));
    })().finally(() => {
      this.downloadPump = null;
    });
  }

  private async downloadOne(evidenceId: string, bytes: number, sha256: string): Promise<void> {
    const session = this.contents?.session;
    if (!session || this.closed) return;
    const path = join(this.options.dataDir, 'evidence', `${evidenceId}.enc`);
    setAvailability(this.options.db, evidenceId, 'downloading', null);
    this.downloading.set(evidenceId, { done: 0, total: bytes });
    const outcome = await downloadEvidence(
      { url: new URL(`/v1/evidence/${encodeURIComponent(evidenceId)}`, session.serverUrl).toString(), accessToken: session.accessToken, bytes, sha256, path, masterKey: this.evidenceKey },
      {
        onProgress: (done) => {
          this.downloading.set(evidenceId, { done, total: bytes });
        },
      },
    );
    this.downloading.delete(evidenceId);
    if (outcome.ok) setAvailability(this.options.db, evidenceId, 'available', path);
    else if (!outcome.retryable) {
      setAvailability(this.options.db, evidenceId, 'corrupt', null);
      this.options.logger.error(`evidence ${evidenceId} quarantined: ${outcome.reason}`);
    } else setAvailability(this.options.db, evidenceId, 'remote', null);
    this.options.onWorkspaceChanged();
    this.emitStatus();
  }

  private async refresh(): Promise<boolean> {
    const session = this.contents?.session;
    if (!session) return false;
    const result = await new HostedApiClient({ baseUrl: session.serverUrl, accessToken: () => null }).refresh(session.refreshToken);
    if (!result.ok) {
      if (result.failure.kind === 'unauthorized') {
        // The server ended this session: nothing more can be sent until the assessor signs in again.
        this.contents = { ...this.contents!, session: null };
        await this.persist();
        this.state = 'signed_out';
      }
      return false;
    }
    this.contents = { ...this.contents!, session: { ...session, accessToken: result.value.accessToken, refreshToken: result.value.refreshToken, account: result.value.account } };
    await this.persist();
    return true;
  }

  private async withAuth<T>(call: (client: HostedApiClient) => Promise<{ ok: true; value: T } | { ok: false; failure: ApiFailure }>): Promise<T> {
    const session = this.contents?.session;
    if (!session) throw new DomainError('forbidden', 'Sign in to the hosted API first.');
    const client = new HostedApiClient({ baseUrl: session.serverUrl, accessToken: () => this.contents?.session?.accessToken ?? null });
    let result = await call(client);
    if (!result.ok && result.failure.kind === 'unauthorized' && (await this.refresh())) result = await call(client);
    if (!result.ok) throw this.failureToError(result.failure, 'reach the hosted API');
    return result.value;
  }

  private failureToError(failure: ApiFailure, doing: string): DomainError {
    switch (failure.kind) {
      case 'unauthorized':
        return new DomainError('forbidden', failure.code === 'bad_credentials' ? 'Email or password is wrong.' : 'The server ended this session; sign in again.');
      case 'network':
      case 'server':
      case 'throttled':
        return new DomainError('unavailable', `Could not ${doing}: the server is not reachable right now.`);
      default:
        return new DomainError('conflict', `Could not ${doing}: ${'message' in failure ? failure.message : failure.kind}.`);
    }
  }

  private emitStatus(): void {
    this.options.onStatus(this.status());
  }

  private async persist(): Promise<void> {
    if (this.contents) await this.options.vault.save(JSON.stringify(this.contents));
  }
}
