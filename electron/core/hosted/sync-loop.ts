import type { WorkspaceChanges } from '../contract/changes';
import type { Clock, ClockTimer } from '../platform/clock';
import type { Db } from '../db/database';
import type { Logger } from '../platform/log';
import { countByState, nextDueAt, releaseSettling, retryFailedNow } from '../repositories/outbox';
import { drainOutbox } from './outbox/drain';
import type { DrainReport, SettledEntry } from './outbox/drain';
import type { OutboxJobs } from './outbox/job';
import type { SessionAccess } from './session';

/** Whether the hosted API was reachable at the last attempt, and when everything was last in step with it. */
export interface LinkState {
  state: 'online' | 'offline' | 'syncing';
  lastSyncedAt: string | null;
}

export interface SyncLoopOptions {
  db: Db;
  session: SessionAccess;
  /** Every kind of work the outbox sends. */
  jobs: OutboxJobs;
  /** Evidence kept no longer than its retention allows (after every pass). */
  retention: { apply(): void };
  /** Evidence downloads, resumed while the server is reachable. */
  downloads: { pump(): void };
  /** Leases held on the server compared with this machine's. */
  work: { recoverLeases(): Promise<unknown> };
  /** Quality data fetched after work was acknowledged, and at least once a minute. */
  quality: { fetch(): Promise<unknown>; isDue(): boolean; markDue(): void };
  /** Tells every renderer the current status. */
  status: { publish(): unknown };
  changes: Pick<WorkspaceChanges, 'submissionsChanged' | 'qualityData'>;
  logger: Logger;
  clock: Clock;
  closed: () => boolean;
  /** Between passes while nothing is due (default 30 s). */
  intervalMs?: number | undefined;
  /** Between passes while the server does not answer (default 3 s): back online within seconds of it answering. */
  offlineProbeMs?: number | undefined;
}

/** Leases held on the server are compared with this machine's at least this often (and on "Sync now"). */
const leaseCheckEveryMs = 60_000;

/**
 * The sync loop: sends what waits in the outbox whenever it is due, decides whether the hosted API
 * is reachable, and runs the periodic tasks that follow each pass: retention, downloads, the lease
 * check, and quality data. One pass at a time; a pass asked for during one runs after it.
 */
export class SyncLoop {
  private state: LinkState['state'] = 'online';
  private lastSyncedAt: string | null = null;
  private timer: ClockTimer | null = null;
  private running: Promise<void> | null = null;
  /** Something new may be waiting that the running pass has already looked past. */
  private again = false;
  private leasesCheckedAt = 0;
  /** Whether the last pass reached the server. */
  private reached = true;

  constructor(private readonly options: SyncLoopOptions) {}

  link(): LinkState {
    return { state: this.state, lastSyncedAt: this.lastSyncedAt };
  }

  /** A session began (signed in, or found in the vault at start): fetch everything it may lack, now. */
  begin(): void {
    this.state = 'online';
    this.leasesCheckedAt = 0;
    this.options.quality.markDue();
    this.schedule(0);
  }

  /** Something is waiting to leave: try soon. */
  nudge(): void {
    this.schedule(0);
  }

  /**
   * Sends what is due now, compares the leases with the server's and fetches the quality data: a pass of its own, after any
   * that is running (whose answers may predate what the assessor just saw happen).
   */
  async syncNow(): Promise<void> {
    this.leasesCheckedAt = 0;
    // Asked for, the quality data comes too (a lead's queues, a qualification), however fresh it was.
    this.options.quality.markDue();
    // "Now" includes what is still settling (the audit trail gathering its changes).
    releaseSettling(this.options.db, this.options.jobs.kindsWhere((job) => job.settlesBeforeLeaving === true), this.options.clock.now().toISOString());
    await this.running?.catch(() => undefined);
    await this.pass();
  }

  stop(): void {
    if (this.timer) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    if (this.options.closed() || !this.options.session.signedIn) return;
    if (this.timer) this.options.clock.clearTimeout(this.timer);
    this.timer = this.options.clock.setTimeout(() => void this.pass().catch((error: unknown) => this.failed('sync failed', error)), delayMs);
  }

  private pass(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.again = false;
    this.running = this.sendAndFollowUp().finally(() => {
      this.running = null;
      if (this.again) this.schedule(0);
    });
    return this.running;
  }

  private async sendAndFollowUp(): Promise<void> {
    const { db, session, clock } = this.options;
    const now = (): Date => clock.now();
    if (!session.signedIn) return;
    this.state = 'syncing';
    this.options.status.publish();
    // The client renews a lapsed token on the way; `unauthorized` means the session could not go on.
    // A decision that begins to leave can no longer be undone: the screens offering Undo are told at once.
    const onLeaving = (entries: SettledEntry[]): void => this.options.changes.submissionsChanged(entries.filter((entry) => entry.shownIn === 'submission').map((entry) => entry.entityId));
    const report = await drainOutbox({ db, client: session.client(), jobs: this.options.jobs, now, onLeaving, serverTime: session.serverClock.isOff() ? (at) => session.serverClock.toServer(at) : null });
    const reachable = await this.reachable(report);
    if (!session.signedIn) return;
    const cameBack = reachable && !this.reached;
    this.reached = reachable;
    this.state = reachable ? 'online' : 'offline';
    // What failed while the server was away goes now, not at the end of its backoff.
    if (cameBack && retryFailedNow(db, now().toISOString()) > 0) this.again = true;
    if (report.acknowledged > 0 || (reachable && countByState(db).pending === 0)) this.lastSyncedAt = now().toISOString();
    this.tellWhatSettled(report);
    this.options.retention.apply();
    this.options.status.publish();
    if (reachable) await this.followUp(report);
    this.schedule(this.nextPassInMs(report, reachable));
  }

  /**
   * When to look again: when the next entry is due; while the server does not answer, every few
   * seconds (to be back online soon after it answers); a renewal that could not reach the server is
   * not retried hot, and waits the interval.
   */
  private nextPassInMs(report: DrainReport, reachable: boolean): number {
    const interval = this.options.intervalMs ?? 30_000;
    if (report.unauthorized) return interval;
    const due = nextDueAt(this.options.db);
    const untilDue = due ? Math.max(250, new Date(due).getTime() - this.options.clock.now().getTime()) : interval;
    return reachable ? untilDue : Math.min(untilDue, this.options.offlineProbeMs ?? 3000);
  }

  /** Something went out: its answers say whether the server is there. Nothing did: ask it. */
  private async reachable(report: DrainReport): Promise<boolean> {
    if (report.unauthorized) return false;
    if (report.acknowledged + report.retrying + report.conflicts > 0) return report.acknowledged > 0 || report.conflicts > 0 || report.retrying === 0;
    return this.serverAnswers();
  }

  /** Periodic tasks while the server is reachable: downloads, missing leases, quality data. */
  private async followUp(report: DrainReport): Promise<void> {
    const { session, downloads, work, quality, logger } = this.options;
    downloads.pump();
    const nowMs = this.options.clock.now().getTime();
    if (session.signedIn && nowMs - this.leasesCheckedAt > leaseCheckEveryMs) {
      this.leasesCheckedAt = nowMs;
      await work.recoverLeases().catch((error: unknown) => logger.error('could not check the leases held on the server', error));
    }
    // Quality data follows the work: after anything was acknowledged, and at least once a minute.
    if (session.signedIn && (report.acknowledged > 0 || quality.isDue())) {
      await quality.fetch().catch((error: unknown) => logger.error('could not fetch quality data', error));
    }
  }

  private tellWhatSettled(report: DrainReport): void {
    const submissions = report.settled.filter((entry) => entry.shownIn === 'submission').map((entry) => entry.entityId);
    if (submissions.length > 0) this.options.changes.submissionsChanged(submissions);
    if (report.settled.some((entry) => entry.shownIn === 'quality')) this.options.changes.qualityData();
  }

  /**
   * Whether the server answers, asked when the outbox had nothing to send: "online" must mean the
   * server was reached, not merely that nothing failed. The answer also keeps the account's roles current.
   */
  private async serverAnswers(): Promise<boolean> {
    const { session } = this.options;
    if (!session.signedIn) return false;
    const result = await session.client().me();
    if (result.ok) await session.noteAccount(result.value);
    return result.ok || !['network', 'server', 'throttled', 'unauthorized'].includes(result.failure.kind);
  }

  private failed(what: string, error: unknown): void {
    if (!this.options.closed()) this.options.logger.error(what, error);
  }
}
