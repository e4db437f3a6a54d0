import { randomUUID } from 'node:crypto';
import type { AdjudicationQueue, LeadDashboardView, ConflictChoice, QualitySummary, SessionInfo, SyncConflict, SyncStatus } from '../../../shared/contract/methods';
import { DecisionPayload, RefusalReason } from '../../../shared/domain/decision';
import type { Assignment, SubmissionManifest } from '../../../shared/hosted-api/schemas';
import type { Db } from '../db/database';
import { DomainError } from '../errors';
import { readPreferences, writePreferences } from '../preferences';
import { EvidenceAtRest } from '../evidence/at-rest';
import { defaultRetentionDays, purgeAcknowledged, removeBatch, storageUsage, wipeClaimedWork } from '../evidence/retention';
import type { WipeReport } from '../evidence/retention';
import { getBatch, listQueue, masterSetOf } from '../repositories/batches';
import { getRubricVersion } from '../repositories/credentials';
import { getDraft } from '../repositories/drafts';
import { getAssignedSubmission } from '../repositories/submissions';
import { allCriteria } from '../../../shared/domain/rubric';
import type { Logger } from '../log';
import { saveAssignment, saveBatch } from '../repositories/batches';
import { saveCredential, saveRubricVersion } from '../repositories/credentials';
import { saveEvidence } from '../repositories/evidence';
import { addNotice, dismissNotice, listNotices } from '../repositories/notices';
import { getWorkOwner, setWorkOwner } from '../repositories/work-owner';
import { countByState, countUnsent, enqueue, listConflicts, nextDueAt, reopenHandedBack, resolveConflict } from '../repositories/outbox';
import type { BatchRecord } from '../repositories/batches';
import { clearQualityData, replaceLeadRatings, saveSnapshot } from '../repositories/quality';
import { adjudicationQueue, leadDashboard, precomputeDashboards, qualitySummary } from '../quality/views';
import type { AdjudicationResolutionRequest, QualityRules } from '../../../shared/hosted-api/quality';
import { savePreviousAttempt, saveSubmission } from '../repositories/submissions';
import type { SecretVault } from './secret-vault';
import { failureToError, HostedSession } from './session';
import { mapConcurrently } from './concurrently';
import { drainOutbox } from './sync-engine';
import { EvidenceDownloads } from './downloads';

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
}

/** Manifests fetched at once when a batch arrives. */
const manifestConcurrency = 8;

/**
 * The workstation's link to the hosted API: the session (kept in the vault), claiming batches into
 * the local store, downloading their evidence for offline work, and draining the outbox whenever
 * the network allows. Everything keeps working offline; this only moves data when it can.
 */
export class HostedConnection {
  private state: SyncStatus['state'] = 'signed_out';
  private lastSyncedAt: string | null = null;
  private syncTimer: ReturnType<typeof setTimeout> | null = null;
  private syncing: Promise<void> | null = null;
  private syncAgain = false;
  // Starts at the clock so it keeps growing across restarts of the core.
  private statusRevision = Date.now();
  private lastQualityRefresh = 0;
  private closed = false;
  /** Submissions set aside as unreadable in this run: not fetched again every sync. */
  private readonly setAside = new Set<string>();
  private lastLeaseCheck = 0;
  readonly session: HostedSession;
  /** What is held here from candidates, and how (encrypted files, sealed written responses). */
  readonly atRest: EvidenceAtRest;
  private readonly downloads: EvidenceDownloads;
  /** Resolves once the vault has been read and what is at rest is in the current format; every network method waits for it. */
  readonly ready: Promise<void>;

  constructor(private readonly options: ConnectionOptions) {
    this.atRest = new EvidenceAtRest({ db: options.db, dataDir: options.dataDir, key: () => this.session.evidenceKey, logger: options.logger, now: options.now, onChanged: options.onWorkspaceChanged });
    this.session = new HostedSession({
      vault: options.vault,
      defaultServerUrl: options.defaultServerUrl,
      logger: options.logger,
      onNewEvidenceKey: () => this.forgetUnreadableEvidence(),
      onRemoteWipe: () => this.wipeOnServerOrder(),
      onChanged: () => this.afterSessionChange(),
    });
    this.downloads = new EvidenceDownloads({
      db: options.db,
      dataDir: options.dataDir,
      session: this.session,
      atRest: this.atRest,
      logger: options.logger,
      now: options.now,
      retentionCutoff: () => this.retentionCutoff(),
      mayRun: () => !this.closed && this.session.signedIn && !this.downloadsPaused(),
      onProgress: () => this.emitStatus(),
      onWorkspaceChanged: options.onWorkspaceChanged,
      onFailure: (what, error) => this.backgroundFailed(what, error),
    });
    this.ready = this.session.ready.then(() => this.start()).catch((error: unknown) => this.backgroundFailed('could not start the connection', error));
  }

  private start(): void {
    if (this.closed) return;
    this.atRest.sealPlainWrittenResponses();
    this.atRest.rewriteOldFormatFiles(() => this.closed).catch((error: unknown) => this.backgroundFailed('could not rewrite old evidence files', error));
    if (this.session.signedIn) {
      this.state = 'online';
      this.scheduleSync(0);
      this.downloads.pump();
    }
  }

  /** Background work that failed: logged, unless core is closing (its database is gone; the work resumes next start). */
  private backgroundFailed(what: string, error: unknown): void {
    if (!this.closed) this.options.logger.error(what, error);
  }

  stop(): void {
    this.closed = true;
    if (this.syncTimer) clearTimeout(this.syncTimer);
    this.downloads.abortAll();
  }

  get evidenceKey(): Buffer {
    return this.session.evidenceKey;
  }

  status(): SyncStatus {
    const counts = countByState(this.options.db);
    this.statusRevision += 1;
    return {
      revision: this.statusRevision,
      state: this.session.signedIn ? this.state : 'signed_out',
      storage: { ...storageUsage(this.options.db, this.options.dataDir), retentionDays: this.retentionDays() },
      // Waiting is waiting, signed in or not: a session that ended keeps every unsent decision here.
      waiting: counts.pending,
      conflicts: counts.conflict,
      lastSyncedAt: this.lastSyncedAt,
      downloads: this.downloads.progress(this.downloadsPaused()),
      notices: listNotices(this.options.db),
    };
  }

  /** Refused decisions waiting for the assessor's choice, with the server's reason. */
  conflicts(): SyncConflict[] {
    return listConflicts(this.options.db).flatMap((conflict) => {
      const payload = DecisionPayload.safeParse(conflict.payload);
      if (!payload.success) return [];
      const choices: ConflictChoice[] = RefusalReason.safeParse(conflict.reason).success ? ['note_for_lead', 'discarded'] : ['discarded'];
      return [{ submissionId: conflict.submissionId, label: conflict.label, reason: conflict.reason, outcome: payload.data.outcome, decidedAt: payload.data.decidedAt, choices }];
    });
  }

  /**
   * The assessor's choice for a refused decision: keep the scores as a note for the lead (queued in
   * the outbox like any decision, sent with its own idempotency key) or discard them.
   */
  resolveConflict(submissionId: string, choice: ConflictChoice): SyncStatus {
    const conflict = listConflicts(this.options.db).find((item) => item.submissionId === submissionId);
    if (!conflict) throw new DomainError('not_found', 'There is no conflict to resolve for that submission.');
    const reason = RefusalReason.safeParse(conflict.reason);
    const decision = DecisionPayload.safeParse(conflict.payload);
    if (choice === 'note_for_lead' && !(reason.success && decision.success)) {
      throw new DomainError('conflict', 'This decision cannot go to the lead; it can only be discarded.');
    }
    const at = this.options.now().toISOString();
    const note = choice === 'note_for_lead' && reason.success && decision.success ? { idempotencyKey: `lead-note-${randomUUID()}`, payload: { submissionId, reason: reason.data, decision: decision.data }, at } : null;
    resolveConflict(this.options.db, submissionId, choice, note);
    this.options.logger.info(`conflict on ${submissionId} resolved: ${choice}`);
    this.options.onWorkspaceChanged();
    if (note) this.scheduleSync(0);
    return this.emitStatus();
  }

  dismissNotice(id: number): SyncStatus {
    dismissNotice(this.options.db, id, this.options.now().toISOString());
    return this.emitStatus();
  }

  private downloadsPaused(): boolean {
    return readPreferences(this.options.db).downloadsPaused ?? false;
  }

  /** Pausing stops the files in flight where they are; resuming continues from the last verified chunk. */
  setDownloadsPaused(paused: boolean): SyncStatus {
    writePreferences(this.options.db, { downloadsPaused: paused }, this.options.now().toISOString());
    if (paused) this.downloads.abortAll();
    else this.downloads.pump();
    return this.emitStatus();
  }

  private retentionDays(): number {
    return readPreferences(this.options.db).evidenceRetentionDays ?? defaultRetentionDays;
  }

  /** Work acknowledged before this has had its evidence removed by retention (and is not fetched again). */
  private retentionCutoff(): string {
    return new Date(this.options.now().getTime() - this.retentionDays() * 86_400_000).toISOString();
  }

  /** The assessor changes how long synced evidence stays here; evidence older than that goes now. */
  setRetentionDays(days: number): SyncStatus {
    const { db } = this.options;
    writePreferences(db, { evidenceRetentionDays: days }, this.options.now().toISOString());
    const purged = purgeAcknowledged(db, this.options.now(), days);
    if (purged > 0) {
      this.options.logger.info(`retention set to ${days} days: ${purged} evidence items removed`);
      this.options.onWorkspaceChanged();
    }
    return this.emitStatus();
  }

  async signIn(serverUrl: string, email: string, password: string): Promise<SessionInfo> {
    await this.session.signIn(serverUrl, email, password, (account, url) => {
      this.handOver({ serverUrl: url, accountId: account.id });
      setWorkOwner(this.options.db, { serverUrl: url, accountId: account.id }, this.options.now().toISOString());
    });
    this.state = 'online';
    this.lastQualityRefresh = 0; // a new session: its quality data and leases are fetched with the first sync
    this.lastLeaseCheck = 0;
    this.emitStatus();
    this.scheduleSync(0);
    return this.session.info();
  }

  /**
   * Another account signs in on this machine: the previous account's claimed work must neither be
   * shown to it nor sent with its token. Work that has all reached the server is cleared; unsent
   * work stops the sign-in until its owner has synced it.
   */
  private handOver(next: { serverUrl: string; accountId: string }): void {
    const owner = getWorkOwner(this.options.db);
    if (!owner || (owner.serverUrl === next.serverUrl && owner.accountId === next.accountId)) return;
    const { db } = this.options;
    const unsent = countUnsent(db);
    if (unsent > 0) throw new DomainError('conflict', `This computer holds ${unsent} unsent decisions of another account. Sign in as that account and sync them first.`);
    this.removeClaimedWork();
    this.options.logger.info('another account signed in: the previous account’s synced work was cleared');
  }

  /** Everything claimed from the hosted API leaves this machine (the demo stays); says what went. */
  private removeClaimedWork(): WipeReport {
    this.downloads.abortAll();
    const { db } = this.options;
    const report = db.transaction(() => {
      const wiped = wipeClaimedWork(db);
      clearQualityData(db);
      return wiped;
    })();
    this.atRest.removeFolder();
    this.atRest.flushDeletedPages();
    this.options.onWorkspaceChanged();
    return report;
  }

  /**
   * Signing out takes everything from candidates off this machine (downloaded files and written
   * responses, under an evidence key that is then replaced) and the lead's quality data. The
   * assessor's own unsent work stays, and syncs when the same account signs in again.
   */
  async signOut(): Promise<SessionInfo> {
    this.downloads.abortAll();
    await this.session.signOut();
    clearQualityData(this.options.db);
    this.atRest.removeAll();
    await this.session.replaceEvidenceKey();
    this.options.onWorkspaceChanged();
    this.emitStatus();
    return this.session.info();
  }

  /** A host found a downloaded file failing its integrity check: it goes, and is fetched again. */
  reportUnreadable(evidenceId: string): void {
    if (!this.atRest.removeUnreadable(evidenceId)) return;
    this.emitStatus();
    this.downloads.pump();
  }

  /** The vault came back empty: what was sealed under the old evidence key is unreadable, so it goes (and is fetched again). */
  private forgetUnreadableEvidence(): void {
    const lost = this.atRest.removeAll();
    if (lost.files + lost.writtenResponses > 0) {
      this.options.logger.info(`the secret store was empty: ${lost.files} evidence files and ${lost.writtenResponses} written responses will be fetched again`);
    }
  }

  /** Signed in, signed out, or the session ended: the status says so at once. */
  private afterSessionChange(): void {
    if (!this.session.signedIn) {
      this.downloads.abortAll();
      this.state = 'signed_out';
    }
    this.options.onWorkspaceChanged();
    this.emitStatus();
  }

  /**
   * The hosted API ordered this machine wiped (it was reported lost). The claimed work goes, after
   * counting what was safe and what went; the notice says so on every start until dismissed.
   */
  private wipeOnServerOrder(): void {
    const report = this.removeClaimedWork();
    addNotice(this.options.db, 'remote_wipe', report, this.options.now().toISOString());
    this.options.logger.error(
      `remote wipe: removed ${report.submissions} submissions, ${report.unsentDecisions} unsent decisions, ${report.drafts} drafts, ${report.comments} comments, ${report.evidenceFiles} evidence files, ${report.writtenResponses} written responses; ${report.synced} decisions were already synced`,
    );
  }

  /**
   * Claims a batch and stores it (rubrics, submissions, evidence manifests) locally, then starts
   * downloading. Submissions whose manifest the network did not deliver come with a later sync.
   */
  async claim(size: number): Promise<{ batchId: string; submissions: number; waiting: number }> {
    const epoch = this.session.currentEpoch;
    const claimed = await this.session.call((client) => client.claim(size));
    const stored = await this.storeLeases({ ...claimed.batch, label: `Batch claimed ${claimed.batch.claimedAt.slice(0, 10)}`, isDemo: false }, claimed.assignments, epoch);
    this.emitStatus();
    return { batchId: claimed.batch.id, ...stored };
  }

  /**
   * Leases the server says this account holds but this machine lacks (a claim whose manifests were
   * cut off by the network) are fetched and stored in their batch.
   */
  private async recoverLeases(): Promise<void> {
    const { db } = this.options;
    const epoch = this.session.currentEpoch;
    const { assignments } = await this.session.call((client) => client.assignments());
    const missing = assignments.filter((lease) => lease.state === 'assigned' && !this.setAside.has(lease.submissionId) && !getAssignedSubmission(db, lease.submissionId));
    const batchIds = [...new Set(missing.map((lease) => lease.batchId))];
    for (const batchId of batchIds) {
      const leases = missing.filter((lease) => lease.batchId === batchId);
      const earliestDue = leases.reduce((due, lease) => (lease.dueAt < due ? lease.dueAt : due), leases[0]!.dueAt);
      const latestLease = leases.reduce((until, lease) => (lease.leaseExpiresAt > until ? lease.leaseExpiresAt : until), leases[0]!.leaseExpiresAt);
      const batch = getBatch(db, batchId) ?? { id: batchId, label: `Batch claimed ${this.options.now().toISOString().slice(0, 10)}`, isDemo: false, claimedAt: this.options.now().toISOString(), leaseExpiresAt: latestLease, dueAt: earliestDue };
      const { submissions } = await this.storeLeases(batch, leases, epoch);
      if (submissions > 0) this.options.logger.info(`${submissions} leased submissions the network had held back arrived`);
    }
  }

  /**
   * Fetches the manifests of leased submissions and stores them in their batch. An unreadable one is
   * set aside with a notice (the rest of the batch is still usable); one the network did not deliver
   * waits for `recoverLeases`. Nothing is stored if the session changed since `epoch` (signed out,
   * ended or wiped while the manifests were on their way).
   */
  private async storeLeases(batch: BatchRecord, leases: Assignment[], epoch: number): Promise<{ submissions: number; waiting: number }> {
    const at = this.options.now().toISOString();
    const client = this.session.client();
    const answers = await mapConcurrently(leases, manifestConcurrency, (lease) => client.manifest(lease.submissionId));
    this.requireEpoch(epoch);
    const manifests: SubmissionManifest[] = [];
    let waiting = 0;
    for (const [index, lease] of leases.entries()) {
      const result = answers[index]!;
      if (result.ok) manifests.push(result.value);
      else if (result.failure.kind === 'malformed' || result.failure.kind === 'not_found' || result.failure.kind === 'invalid') {
        const problem = result.failure.kind === 'invalid' ? 'The server refused the request.' : result.failure.message;
        this.setAside.add(lease.submissionId);
        addNotice(this.options.db, 'submission_quarantined', { submissionId: lease.submissionId, problem: problem.slice(0, 500) }, at);
        this.options.logger.error(`submission ${lease.submissionId} quarantined: ${result.failure.kind}`);
      } else if (result.failure.kind === 'network' || result.failure.kind === 'server' || result.failure.kind === 'throttled') waiting += 1;
      else throw failureToError(result.failure, 'fetch the batch');
    }
    if (manifests.length > 0) {
      this.importBatch(batch, leases, manifests, epoch);
      this.options.onWorkspaceChanged();
      this.downloads.pump();
    }
    return { submissions: manifests.length, waiting };
  }

  /** Every submission's manifest, or an error if any cannot be had. */
  private manifests(submissionIds: readonly string[]): Promise<SubmissionManifest[]> {
    return mapConcurrently(submissionIds, manifestConcurrency, (submissionId) => this.session.call((client) => client.manifest(submissionId)));
  }

  /**
   * Stores a batch, its submissions, rubrics and evidence manifests (written responses sealed);
   * evidence files are fetched afterwards. Refused if the session changed since `epoch`: work that
   * arrives after a sign-out or a wipe is never stored.
   */
  private importBatch(batch: BatchRecord, assignments: { submissionId: string; position: number; leaseExpiresAt: string; dueAt: string }[], manifests: SubmissionManifest[], epoch: number): void {
    const { db } = this.options;
    this.requireEpoch(epoch);
    const manifestById = new Map(manifests.map((manifest) => [manifest.id, manifest]));
    db.transaction(() => {
      saveBatch(db, batch);
      for (const assignment of assignments) {
        const manifest = manifestById.get(assignment.submissionId);
        if (!manifest) continue;
        saveCredential(db, manifest.credential);
        saveRubricVersion(db, manifest.rubric);
        saveSubmission(db, { id: manifest.id, credentialId: manifest.credential.id, rubricVersionId: manifest.rubric.id, label: manifest.label, attempt: manifest.attempt, submittedAt: manifest.submittedAt });
        saveAssignment(db, { submissionId: manifest.id, batchId: batch.id, position: assignment.position, leaseExpiresAt: assignment.leaseExpiresAt, dueAt: assignment.dueAt });
        reopenHandedBack(db, manifest.id);
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
            availability: item.kind === 'text' && item.text !== null ? 'available' : 'remote',
            localPath: null,
            captionsPath: null,
            text: item.text === null ? null : this.atRest.seal(item.id, item.text),
          });
        });
      }
    })();
  }

  /** Work fetched under a session that has since ended (signed out, ended, or wiped) is never stored. */
  private requireEpoch(epoch: number): void {
    if (epoch !== this.session.currentEpoch || !this.session.signedIn) {
      throw new DomainError('forbidden', 'The session ended while work was arriving; nothing of it was kept. Sign in again to fetch it.');
    }
  }

  /** Fetches qualification, accuracy and calibration sets (and, for a lead, the dashboard's data) for offline use. */
  async refreshQuality(): Promise<QualitySummary> {
    const epoch = this.session.currentEpoch;
    const [qualifications, accuracy, sets] = await Promise.all([
      this.session.call((client) => client.qualifications()),
      this.session.call((client) => client.accuracy()),
      this.session.call((client) => client.calibrationSets()),
    ]);
    const { db } = this.options;
    const at = this.options.now().toISOString();
    this.requireEpoch(epoch);
    db.transaction(() => {
      saveSnapshot(db, 'qualifications', qualifications.qualifications, at);
      saveSnapshot(db, 'accuracy', accuracy, at);
      saveSnapshot(db, 'calibration_sets', sets.sets, at);
    })();
    if (this.session.account?.roles.includes('lead')) {
      const [data, adjudications] = await Promise.all([this.session.call((client) => client.leadRatings()), this.session.call((client) => client.adjudications())]);
      this.requireEpoch(epoch);
      db.transaction(() => {
        replaceLeadRatings(db, data.ratings);
        saveSnapshot(db, 'lead_meta', { credentials: data.credentials, assessors: data.assessors, rules: data.rules }, data.generatedAt);
        saveSnapshot(db, 'adjudications', adjudications.adjudications, at);
      })();
      precomputeDashboards(db);
      // A resolved adjudication's evidence is not needed here any more.
      for (const item of adjudications.adjudications) if (item.resolution) removeBatch(db, `review-${item.submissionId}`);
    }
    this.lastQualityRefresh = Date.now();
    this.options.onWorkspaceChanged();
    return qualitySummary(db);
  }

  /** Brings a calibration set here as its own batch: scored like live work, responses sent through the outbox. */
  async startCalibration(setId: string): Promise<{ batchId: string; submissions: number }> {
    const epoch = this.session.currentEpoch;
    const { sets } = await this.session.call((client) => client.calibrationSets());
    const set = sets.find((candidate) => candidate.id === setId);
    if (!set) throw new DomainError('not_found', 'That calibration set is not on the server.');
    const manifests = await this.manifests(set.submissionIds);
    const now = this.options.now();
    const until = new Date(now.getTime() + 30 * 86_400_000).toISOString();
    const batchId = `calibration-${setId}`;
    this.importBatch(
      { id: batchId, label: `Calibration: ${set.title}`, isDemo: false, kind: 'calibration', calibrationSetId: setId, claimedAt: now.toISOString(), leaseExpiresAt: until, dueAt: until },
      set.submissionIds.map((submissionId, position) => ({ submissionId, position, leaseExpiresAt: until, dueAt: until })),
      manifests,
      epoch,
    );
    this.options.onWorkspaceChanged();
    this.downloads.pump();
    this.emitStatus();
    return { batchId, submissions: manifests.length };
  }

  /** A lead changes a micro-credential's rules on the server (online only: they govern every assessor's claims). */
  async setQualityRules(rules: QualityRules): Promise<LeadDashboardView> {
    await this.session.call((client) => client.setQualityRules(rules));
    await this.refreshQuality();
    return leadDashboard(this.options.db, rules.credentialId);
  }

  /** A submission under adjudication comes here (read only) so the lead can compare both readings with its evidence. */
  async openAdjudication(submissionId: string): Promise<{ batchId: string }> {
    const open = adjudicationQueue(this.options.db).adjudications.find((item) => item.submissionId === submissionId);
    if (!open) throw new DomainError('not_found', 'That submission is not in the last synced adjudication queue.');
    const epoch = this.session.currentEpoch;
    const manifest = await this.session.call((client) => client.manifest(submissionId));
    const now = this.options.now();
    const until = new Date(now.getTime() + 7 * 86_400_000).toISOString();
    const batchId = `review-${submissionId}`;
    this.importBatch({ id: batchId, label: `Adjudication: ${manifest.label}`, isDemo: false, kind: 'review', claimedAt: now.toISOString(), leaseExpiresAt: until, dueAt: until }, [{ submissionId, position: 0, leaseExpiresAt: until, dueAt: until }], [manifest], epoch);
    this.options.onWorkspaceChanged();
    this.downloads.pump();
    return { batchId };
  }

  /** Submissions a lead may put in a new calibration set. */
  async calibrationCandidates(credentialId: string): Promise<{ submissions: { id: string; label: string }[] }> {
    const { submissions } = await this.session.call((client) => client.calibrationCandidates(credentialId));
    return { submissions: submissions.map(({ id, label }) => ({ id, label })) };
  }

  /**
   * A lead starts a calibration set: the chosen submissions come here as a master batch, scored in
   * the ordinary workspace (a level and a rationale per criterion), then published as the set.
   */
  async prepareMasterSet(credentialId: string, title: string, submissionIds: string[]): Promise<{ batchId: string; submissions: number }> {
    const epoch = this.session.currentEpoch;
    const manifests = await this.manifests(submissionIds);
    if (manifests.some((manifest) => manifest.credential.id !== credentialId)) throw new DomainError('conflict', 'Every submission of a set must be for the same micro-credential.');
    const now = this.options.now();
    const until = new Date(now.getTime() + 30 * 86_400_000).toISOString();
    const batchId = `master-${randomUUID().slice(0, 8)}`;
    this.importBatch(
      { id: batchId, label: `Master scoring: ${title}`, isDemo: false, kind: 'master', masterSet: { credentialId, title }, claimedAt: now.toISOString(), leaseExpiresAt: until, dueAt: until },
      submissionIds.map((submissionId, position) => ({ submissionId, position, leaseExpiresAt: until, dueAt: until })),
      manifests,
      epoch,
    );
    this.options.onWorkspaceChanged();
    this.downloads.pump();
    return { batchId, submissions: manifests.length };
  }

  /** Publishes a master batch as a calibration set; every criterion needs a level and a rationale first. */
  async publishMasterSet(batchId: string): Promise<{ setId: string; title: string; submissions: number }> {
    const { db } = this.options;
    const set = masterSetOf(db, batchId);
    if (!set) throw new DomainError('not_found', 'That is not a master-scoring batch.');
    const items = listQueue(db, batchId).map((item) => {
      const submission = getAssignedSubmission(db, item.submissionId)!;
      const rubric = getRubricVersion(db, submission.rubricVersionId)!;
      const draft = getDraft(db, item.submissionId);
      const scores = allCriteria(rubric).map((criterion) => {
        const score = draft.scores.find((candidate) => candidate.criterionId === criterion.id);
        return { criterionId: criterion.id, level: score?.level ?? null, rationale: score?.rationale.trim() ?? '' };
      });
      const missing = scores.filter((score) => score.level === null || score.rationale === '').length;
      if (missing > 0) throw new DomainError('conflict', `${item.label}: ${missing} criteria still need a master level and a rationale.`);
      return { submissionId: item.submissionId, scores: scores.map((score) => ({ ...score, level: score.level! })) };
    });
    const created = await this.session.call((client) => client.createCalibrationSet({ credentialId: set.credentialId, title: set.title, items }));
    removeBatch(db, batchId);
    await this.refreshQuality().catch((error: unknown) => this.options.logger.error('could not refresh quality data', error));
    this.options.onWorkspaceChanged();
    return { setId: created.id, title: created.title, submissions: created.submissionIds.length };
  }

  /** A lead's resolution: queued in the outbox (works offline), sent with its own idempotency key. */
  resolveAdjudication(submissionId: string, resolution: AdjudicationResolutionRequest): AdjudicationQueue {
    const { db } = this.options;
    const open = adjudicationQueue(db).adjudications.find((item) => item.submissionId === submissionId);
    if (!open) throw new DomainError('not_found', 'That adjudication is not in the last synced queue.');
    if (open.resolution || open.resolutionQueued) throw new DomainError('conflict', 'That adjudication is already resolved.');
    db.transaction(() => enqueue(db, { kind: 'adjudication_resolution', entityId: submissionId, idempotencyKey: randomUUID(), payload: { submissionId, resolution }, at: this.options.now().toISOString() }))();
    this.scheduleSync(0);
    return adjudicationQueue(db);
  }

  /** Sends what waits in the outbox now (and keeps trying in the background), and fetches any leased work missing here. */
  async syncNow(): Promise<SyncStatus> {
    this.lastLeaseCheck = 0;
    await this.runSync();
    return this.status();
  }

  /** A new decision is waiting: try to send it soon. */
  nudge(): void {
    this.scheduleSync(0);
  }

  private scheduleSync(delayMs: number): void {
    if (this.closed || !this.session.signedIn) return;
    if (this.syncTimer) clearTimeout(this.syncTimer);
    this.syncTimer = setTimeout(() => void this.runSync().catch((error: unknown) => this.backgroundFailed('sync failed', error)), delayMs);
  }

  private async runSync(): Promise<void> {
    if (this.syncing) {
      // Something new may be waiting that the running pass has already looked past: go again after it.
      this.syncAgain = true;
      return this.syncing;
    }
    this.syncAgain = false;
    this.syncing = (async () => {
      if (!this.session.signedIn) return;
      this.state = 'syncing';
      this.emitStatus();
      // The client renews a lapsed token on the way; `unauthorized` means the session could not go on.
      const report = await drainOutbox({ db: this.options.db, client: this.session.client(), now: this.options.now });
      // Something went out: its answers say whether the server is there. Nothing did: ask it.
      const sentAny = report.acknowledged + report.retrying + report.conflicts > 0;
      const reachable = !report.unauthorized && (sentAny ? report.acknowledged > 0 || report.conflicts > 0 || report.retrying === 0 : await this.serverAnswers());
      if (!this.session.signedIn) return;
      this.state = reachable ? 'online' : 'offline';
      if (report.acknowledged > 0 || (reachable && countByState(this.options.db).pending === 0)) this.lastSyncedAt = this.options.now().toISOString();
      if (purgeAcknowledged(this.options.db, this.options.now(), this.retentionDays()) > 0 || report.acknowledged > 0 || report.conflicts > 0) {
        this.options.onWorkspaceChanged();
      }
      this.emitStatus();
      if (reachable) this.downloads.pump();
      if (reachable && this.session.signedIn && Date.now() - this.lastLeaseCheck > 60_000) {
        this.lastLeaseCheck = Date.now();
        await this.recoverLeases().catch((error: unknown) => this.options.logger.error('could not check the leases held on the server', error));
      }
      // Quality data follows the work: after anything was acknowledged, and at least once a minute.
      if (reachable && this.session.signedIn && (report.acknowledged > 0 || Date.now() - this.lastQualityRefresh > 60_000)) {
        await this.refreshQuality().catch((error: unknown) => this.options.logger.error('could not refresh quality data', error));
      }
      // A renewal that could not reach the server is not retried hot: the next pass waits the interval.
      const due = report.unauthorized ? null : nextDueAt(this.options.db);
      this.scheduleSync(due ? Math.max(250, new Date(due).getTime() - Date.now()) : (this.options.syncIntervalMs ?? 30_000));
    })().finally(() => {
      this.syncing = null;
      if (this.syncAgain) this.scheduleSync(0);
    });
    return this.syncing;
  }

  /**
   * Whether the server answers, asked when the outbox had nothing to send: "online" must mean the
   * server was reached, not merely that nothing failed. The answer also keeps the account's roles current.
   */
  private async serverAnswers(): Promise<boolean> {
    if (!this.session.signedIn) return false;
    const result = await this.session.client().me();
    if (result.ok) await this.session.noteAccount(result.value);
    return result.ok || !['network', 'server', 'throttled', 'unauthorized'].includes(result.failure.kind);
  }

  private emitStatus(): SyncStatus {
    const status = this.status();
    this.options.onStatus(status);
    return status;
  }

}
