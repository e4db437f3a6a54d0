import type { Assignment, SubmissionManifest } from '../../../shared/hosted-api/schemas';
import type { Db } from '../db/database';
import type { EvidenceAtRest } from '../evidence/at-rest';
import { DomainError } from '../contract/errors';
import type { Logger } from '../platform/log';
import { getBatch, reconcileLeases, saveAssignment, saveBatch } from '../repositories/batches';
import type { BatchRecord, MasterSet } from '../repositories/batches';
import { saveCredential, saveRubricVersion } from '../repositories/credentials';
import { saveEvidence } from '../repositories/evidence';
import { addNotice } from '../repositories/notices';
import { reopenHandedBack } from '../repositories/outbox';
import { getAssignedSubmission, savePreviousAttempt, saveSubmission } from '../repositories/submissions';
import { mapConcurrently } from '../hosted/concurrently';
import { failureToError } from '../hosted/session';
import type { SessionAccess } from '../hosted/session';

export interface WorkImportOptions {
  db: Db;
  session: SessionAccess;
  atRest: EvidenceAtRest;
  logger: Logger;
  now: () => Date;
  /** Submissions arrived in a batch: show them, and fetch their evidence. */
  onImported: (submissionIds: string[]) => void;
  /** The server renewed, released or no longer lists these leases: their queue rows say so. */
  onLeasesChanged: (submissionIds: string[]) => void;
}

/**
 * Work that does not come from a claim: a calibration set to score, a lead's master scoring, a
 * submission brought here to adjudicate. It has no lease; it stays `days` days.
 */
export interface LocalBatch {
  id: string;
  /** Its name in the batch list, or how to name it from what arrived. */
  label: string | ((manifests: readonly SubmissionManifest[]) => string);
  kind: 'calibration' | 'master' | 'review';
  days: number;
  submissionIds: readonly string[];
  calibrationSetId?: string;
  masterSet?: MasterSet;
}

/** Where a submission sits in its batch, and until when it is held. */
type Placement = Pick<Assignment, 'submissionId' | 'position' | 'leaseExpiresAt' | 'dueAt'>;

/** Manifests fetched at once. */
const manifestConcurrency = 8;
const dayMs = 86_400_000;

/**
 * Brings work from the hosted API into the local store: claimed batches, leases the network held
 * back, and local batches (calibration, master, review). Every import goes the same way: manifests
 * fetched eight at a time, then one transaction stores the batch, its submissions, rubrics and
 * evidence manifests (written responses sealed); evidence files are fetched afterwards. Nothing
 * arriving after the session changed is stored.
 */
export class WorkImport {
  /** Submissions set aside as unreadable in this run: not fetched again every sync. */
  private readonly setAside = new Set<string>();

  constructor(private readonly options: WorkImportOptions) {}

  /** Claims a batch. Submissions whose manifest the network did not deliver come with a later lease check. */
  async claim(size: number): Promise<{ batchId: string; submissions: number; waiting: number }> {
    const { session } = this.options;
    const epoch = session.currentEpoch;
    const claimed = await session.call((client) => client.claim(size));
    // The screen names a claim by when it was claimed and its size; this label is for logs and support.
    const batch = { ...claimed.batch, label: `Claimed ${claimed.batch.claimedAt}`, isDemo: false };
    return { batchId: claimed.batch.id, ...(await this.storeLeases(batch, claimed.assignments, epoch)) };
  }

  /**
   * Leases the server says this account holds but this machine lacks (a claim whose manifests were
   * cut off by the network) are fetched and stored in their batch.
   */
  async recoverLeases(): Promise<void> {
    const { db, session } = this.options;
    const epoch = session.currentEpoch;
    const { assignments } = await session.call((client) => client.assignments());
    session.assertCurrent(epoch);
    const changed = reconcileLeases(db, assignments);
    if (changed.length > 0) this.options.onLeasesChanged(changed);
    const missing = assignments.filter((lease) => lease.state === 'assigned' && !this.setAside.has(lease.submissionId) && !getAssignedSubmission(db, lease.submissionId));
    for (const batchId of new Set(missing.map((lease) => lease.batchId))) {
      const leases = missing.filter((lease) => lease.batchId === batchId);
      const earliestDue = leases.reduce((due, lease) => (lease.dueAt < due ? lease.dueAt : due), leases[0]!.dueAt);
      const latestLease = leases.reduce((until, lease) => (lease.leaseExpiresAt > until ? lease.leaseExpiresAt : until), leases[0]!.leaseExpiresAt);
      const now = this.options.now().toISOString();
      const batch = getBatch(db, batchId) ?? { id: batchId, label: `Claimed ${now}`, isDemo: false, claimedAt: now, leaseExpiresAt: latestLease, dueAt: earliestDue };
      const { submissions } = await this.storeLeases(batch, leases, epoch);
      if (submissions > 0) this.options.logger.info(`${submissions} leased submissions the network had held back arrived`);
    }
  }

  /** A local batch, whole: every manifest must arrive, or nothing is stored. */
  async importLocalBatch(local: LocalBatch): Promise<{ batchId: string; submissions: number }> {
    const { session } = this.options;
    const epoch = session.currentEpoch;
    const manifests = await mapConcurrently(local.submissionIds, manifestConcurrency, (submissionId) => session.call((client) => client.manifest(submissionId)));
    // A master batch becomes one calibration set, and a set is for one micro-credential.
    if (local.masterSet && manifests.some((manifest) => manifest.credential.id !== local.masterSet?.credentialId)) {
      throw new DomainError('conflict', 'Every submission of a set must be for the same micro-credential.');
    }
    const now = this.options.now();
    const until = new Date(now.getTime() + local.days * dayMs).toISOString();
    const batch: BatchRecord = {
      id: local.id,
      label: typeof local.label === 'string' ? local.label : local.label(manifests),
      isDemo: false,
      kind: local.kind,
      calibrationSetId: local.calibrationSetId ?? null,
      masterSet: local.masterSet ?? null,
      claimedAt: now.toISOString(),
      leaseExpiresAt: until,
      dueAt: until,
    };
    this.store(batch, local.submissionIds.map((submissionId, position) => ({ submissionId, position, leaseExpiresAt: until, dueAt: until })), manifests, epoch);
    return { batchId: batch.id, submissions: manifests.length };
  }

  /**
   * Fetches the manifests of leased submissions and stores them in their batch. An unreadable one is
   * set aside with a notice (the rest of the batch is still usable); one the network did not deliver
   * waits for `recoverLeases`.
   */
  private async storeLeases(batch: BatchRecord, leases: Placement[], epoch: number): Promise<{ submissions: number; waiting: number }> {
    const at = this.options.now().toISOString();
    const client = this.options.session.client();
    const answers = await mapConcurrently(leases, manifestConcurrency, (lease) => client.manifest(lease.submissionId));
    this.options.session.assertCurrent(epoch);
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
    if (manifests.length > 0) this.store(batch, leases, manifests, epoch);
    return { submissions: manifests.length, waiting };
  }

  /** The one way work enters the store: in one transaction, and only under the session it was fetched in. */
  private store(batch: BatchRecord, placements: readonly Placement[], manifests: readonly SubmissionManifest[], epoch: number): void {
    const { db, atRest } = this.options;
    this.options.session.assertCurrent(epoch);
    const manifestById = new Map(manifests.map((manifest) => [manifest.id, manifest]));
    const stored: string[] = [];
    db.transaction(() => {
      saveBatch(db, batch);
      for (const placement of placements) {
        const manifest = manifestById.get(placement.submissionId);
        if (!manifest) continue;
        saveCredential(db, manifest.credential);
        saveRubricVersion(db, manifest.rubric);
        saveSubmission(db, { id: manifest.id, credentialId: manifest.credential.id, rubricVersionId: manifest.rubric.id, label: manifest.label, attempt: manifest.attempt, submittedAt: manifest.submittedAt });
        saveAssignment(db, { submissionId: manifest.id, batchId: batch.id, position: placement.position, leaseExpiresAt: placement.leaseExpiresAt, dueAt: placement.dueAt });
        reopenHandedBack(db, manifest.id);
        for (const attempt of manifest.previousAttempts) savePreviousAttempt(db, manifest.id, attempt);
        manifest.evidence.forEach((item, itemPosition) => {
          saveEvidence(db, {
            id: item.id,
            submissionId: manifest.id,
            position: itemPosition,
            kind: item.kind,
            title: item.title,
            mimeType: item.mimeType,
            bytes: item.bytes,
            sha256: item.sha256,
            durationMs: item.durationMs,
            availability: item.kind === 'text' && item.text !== null ? 'available' : 'remote',
            localPath: null,
            captionsPath: null,
            text: item.text === null ? null : atRest.seal(item.id, item.text),
          });
        });
        stored.push(manifest.id);
      }
    })();
    this.options.onImported(stored);
  }
}
