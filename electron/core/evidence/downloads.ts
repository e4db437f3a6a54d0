import type { DownloadItem, SyncStatus } from '../../../shared/contract/methods';
import { sleep } from '../platform/clock';
import type { Clock } from '../platform/clock';
import type { Db } from '../db/database';
import type { EvidenceAtRest } from './at-rest';
import { downloadEvidence } from './downloader';
import { storageUsage } from './storage';
import type { Logger } from '../platform/log';
import { listSubmissionsMissingText, listToDownload, recordVerificationFailure, saveEvidenceText, setAvailability } from '../repositories/evidence';
import type { EvidenceRecord } from '../repositories/evidence';
import { addNotice } from '../repositories/notices';
import { readPreferences, writePreferences } from '../workspace/preferences';
import { mapConcurrently } from '../hosted/concurrently';
import type { SessionAccess } from '../hosted/session';
import { TransferRate } from './transfer-rate';

export interface DownloadsOptions {
  db: Db;
  dataDir: string;
  session: SessionAccess;
  atRest: EvidenceAtRest;
  logger: Logger;
  clock: Clock;
  /** Work acknowledged before this has had its evidence removed by retention: not fetched again. */
  retentionCutoff: () => string;
  /** Core is closing: nothing new starts. */
  closed: () => boolean;
  /** Progress or an outcome the status should show. */
  onProgress: () => void;
  /** Evidence of this submission arrived (or was set aside). */
  onArrived: (submissionId: string) => void;
  onFailure: (what: string, error: unknown) => void;
}

/** Files fetched at once. */
const concurrency = 2;
/** Manifests fetched at once to bring written responses back. */
const manifestConcurrency = 8;
/** Progress is reported at most this often while bytes flow. */
const progressIntervalMs = 500;
/** Network failures of one file retried within one pass of the pump. */
const networkRetries = 3;

type Attempt = 'done' | 'network' | 'verify';

/**
 * The evidence pump: brings every claimed file (and any written response removed at sign-out) to
 * this machine for offline work, two at a time, resuming where an attempt stopped, renewing a lapsed
 * token on the way, and setting aside a file that keeps failing its checksum.
 */
export class EvidenceDownloads {
  private readonly active = new Map<string, DownloadItem>();
  private readonly aborts = new Map<string, AbortController>();
  private running: Promise<void> | null = null;
  /** Work arrived while the pump was busy with an older list: look again when it finishes. */
  private again = false;
  private readonly rate = new TransferRate();
  private lastProgressAt = 0;
  /** Bytes a pending download would need beyond the free space (0 when it fits). */
  private diskShort = 0;
  private pausedPreference: boolean | null = null;

  constructor(private readonly options: DownloadsOptions) {}

  /** The assessor paused downloads (a preference, kept across restarts; read once). */
  get paused(): boolean {
    this.pausedPreference ??= readPreferences(this.options.db).downloadsPaused ?? false;
    return this.pausedPreference;
  }

  /** Pausing stops the files in flight where they are; resuming continues from the last verified chunk. */
  setPaused(paused: boolean): void {
    writePreferences(this.options.db, { downloadsPaused: paused }, this.options.clock.now().toISOString());
    this.pausedPreference = paused;
    if (paused) this.abortAll();
    else this.pump();
  }

  /** Files still to fetch, and what moves now: the download part of the sync status. */
  progress(): SyncStatus['downloads'] {
    const paused = this.paused;
    const remaining = this.options.session.signedIn ? listToDownload(this.options.db, this.options.retentionCutoff()) : [];
    const totalBytes = remaining.reduce((sum, item) => sum + item.bytes, 0);
    let doneBytes = 0;
    for (const item of this.active.values()) doneBytes += item.doneBytes;
    const bytesPerSecond = paused ? 0 : this.rate.bytesPerSecond(this.options.clock.now().getTime());
    return {
      files: remaining.length,
      doneBytes,
      totalBytes,
      bytesPerSecond,
      secondsLeft: bytesPerSecond > 0 ? Math.ceil((totalBytes - doneBytes) / bytesPerSecond) : null,
      paused,
      blockedByDiskSpace: this.diskShort > 0,
      active: [...this.active.values()].slice(0, 20),
    };
  }

  private mayRun(): boolean {
    return !this.options.closed() && this.options.session.signedIn && !this.paused;
  }

  /** Starts a pass over everything still to fetch (or another after the running one). */
  pump(): void {
    if (!this.mayRun()) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.again = false;
    this.running = this.pass()
      .catch((error: unknown) => this.options.onFailure('downloads stopped', error))
      .finally(() => {
        this.running = null;
        if (this.again) this.pump();
      });
  }

  /** Files in flight stop where they are (their complete chunks stay, to resume from). */
  abortAll(): void {
    for (const abort of this.aborts.values()) abort.abort();
    this.rate.reset();
  }

  private async pass(): Promise<void> {
    const { db, logger } = this.options;
    await this.fetchMissingWrittenResponses().catch((error: unknown) => logger.error('could not fetch written responses again', error));
    const queue = listToDownload(db, this.options.retentionCutoff());
    const needed = queue.reduce((sum, item) => sum + item.bytes, 0);
    const { freeBytes } = storageUsage(db, this.options.dataDir);
    // Keep 1 GiB spare: a full disk would also stop the database from saving scores.
    if (needed > freeBytes - 1024 ** 3) {
      logger.error(`not downloading: ${needed} bytes needed, ${freeBytes} free`);
      this.diskShort = needed;
      this.options.onProgress();
      return;
    }
    this.diskShort = 0;
    const worker = async (): Promise<void> => {
      for (let item = queue.shift(); item && this.mayRun(); item = queue.shift()) {
        for (let attempt = 0; this.mayRun(); attempt++) {
          const next = await this.attempt(item);
          if (next === 'done') break;
          if (next === 'network' && attempt >= networkRetries) break;
          if (next === 'network') await sleep(this.options.clock, 1000 * (attempt + 1));
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    this.rate.reset();
    this.options.onProgress();
  }

  /** Written responses removed at sign-out (or sealed under a lost key) come again with their manifests. */
  private async fetchMissingWrittenResponses(): Promise<void> {
    const { db, session, atRest } = this.options;
    const submissionIds = listSubmissionsMissingText(db, this.options.retentionCutoff());
    if (submissionIds.length === 0) return;
    const epoch = session.currentEpoch;
    const client = session.client();
    const answers = await mapConcurrently(submissionIds, manifestConcurrency, (submissionId) => client.manifest(submissionId));
    if (epoch !== session.currentEpoch || !session.signedIn) return; // signed out or wiped meanwhile: nothing is kept
    db.transaction(() => {
      for (const answer of answers) {
        if (!answer.ok) continue; // tried again with the next pass
        for (const item of answer.value.evidence) if (item.kind === 'text' && item.text !== null) saveEvidenceText(db, item.id, atRest.seal(item.id, item.text));
      }
    })();
    for (const answer of answers) if (answer.ok) this.options.onArrived(answer.value.id);
  }

  /** One attempt at one file: 'done' (stored, or quarantined), or why it should be tried again. */
  private async attempt(item: EvidenceRecord & { submissionLabel: string }): Promise<Attempt> {
    const { db, logger, session } = this.options;
    const accessToken = session.accessToken!;
    const path = this.options.atRest.fileFor(item.id);
    setAvailability(db, item.id, 'downloading', null);
    const abort = new AbortController();
    this.aborts.set(item.id, abort);
    const shown = (doneBytes: number): DownloadItem => ({ evidenceId: item.id, title: item.title, submissionLabel: item.submissionLabel, doneBytes, totalBytes: item.bytes });
    this.active.set(item.id, shown(0));
    let previous: number | null = null;
    const outcome = await downloadEvidence(
      { url: new URL(`/v1/evidence/${encodeURIComponent(item.id)}`, session.serverUrl!).toString(), evidenceId: item.id, accessToken, bytes: item.bytes, sha256: item.sha256, path, masterKey: session.evidenceKey },
      {
        signal: abort.signal,
        onProgress: (done) => {
          // The first report includes what an earlier attempt already holds: not transferred now.
          if (previous !== null) this.rate.add(done - previous, this.options.clock.now().getTime());
          previous = done;
          this.active.set(item.id, shown(done));
          const nowMs = this.options.clock.now().getTime();
          if (nowMs - this.lastProgressAt >= progressIntervalMs) {
            this.lastProgressAt = nowMs;
            this.options.onProgress();
          }
        },
      },
    );
    this.active.delete(item.id);
    this.aborts.delete(item.id);
    let next: Attempt = 'done';
    if (outcome.ok) setAvailability(db, item.id, 'available', path);
    else if (outcome.retryable === 'after_refresh') {
      // The access token lapsed during a long download session: renew it silently and go on.
      setAvailability(db, item.id, 'remote', null);
      next = (await session.recover(accessToken)) ? 'network' : 'done';
    } else if (outcome.retryable) {
      setAvailability(db, item.id, 'remote', null);
      next = abort.signal.aborted ? 'done' : 'network';
    } else {
      const { failures, quarantined } = recordVerificationFailure(db, item.id);
      logger.error(`evidence ${item.id} failed verification (${outcome.reason}, attempt ${failures})${quarantined ? '; quarantined' : '; fetching again'}`);
      if (quarantined) addNotice(db, 'evidence_quarantined', { title: item.title, submissionLabel: item.submissionLabel, reason: outcome.reason, attempts: failures }, this.options.clock.now().toISOString());
      else next = 'verify';
    }
    this.options.onArrived(item.submissionId);
    this.options.onProgress();
    return next;
  }
}
