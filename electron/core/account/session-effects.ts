import type { SessionInfo } from '../../../shared/contract/methods';
import { sameServer } from '../../../shared/hosted-api/server-url';
import type { WorkspaceChanges } from '../contract/changes';
import type { Db } from '../db/database';
import { DomainError } from '../contract/errors';
import type { EvidenceAtRest } from '../evidence/at-rest';
import type { Logger } from '../platform/log';
import { countUnfinishedWork, wipeClaimedWork } from '../repositories/claimed-work';
import type { WipeReport } from '../repositories/claimed-work';
import { addNotice } from '../repositories/notices';
import { countUnsentAudit } from '../repositories/audit';
import { countUnsent } from '../repositories/outbox';
import { clearCommentBank } from '../repositories/comment-bank';
import { clearQualityData } from '../repositories/quality';
import { getWorkOwner, setWorkOwner } from '../repositories/work-owner';
import type { EvidenceDownloads } from '../evidence/downloads';
import type { SessionLifecycle } from '../hosted/session';
import type { SyncLoop } from '../hosted/sync-loop';

export interface SessionEffectsOptions {
  db: Db;
  session: SessionLifecycle;
  atRest: EvidenceAtRest;
  downloads: Pick<EvidenceDownloads, 'abortAll'>;
  loop: Pick<SyncLoop, 'begin'>;
  /** Tells every renderer the current status. */
  status: { publish(): unknown };
  changes: Pick<WorkspaceChanges, 'everything'>;
  /** Re-encrypts the database under a new key and forgets the old one; never rejects. */
  databaseKey: { replace(): Promise<void> };
  logger: Logger;
  now: () => Date;
  /** Outbox kinds that belong to the account: a remote wipe removes them whatever they refer to. */
  accountKinds: string[];
}

/**
 * What the session's beginnings and ends do to the work held on this machine. Signing in starts
 * syncing (and clears another account's synced work); signing out takes everything from candidates
 * off the machine but keeps the assessor's own unsent work; a session the server ended keeps
 * everything; only the server's remote wipe removes claimed work, and says exactly what went.
 */
export class SessionEffects {
  constructor(private readonly options: SessionEffectsOptions) {}

  async signIn(serverUrl: string, email: string, password: string): Promise<SessionInfo> {
    const { session, db } = this.options;
    await session.signIn(serverUrl, email, password, (account, url) => {
      this.handOver({ serverUrl: url, accountId: account.id });
      setWorkOwner(db, { serverUrl: url, accountId: account.id }, this.options.now().toISOString());
    });
    this.options.loop.begin();
    this.options.status.publish();
    return session.info();
  }

  /**
   * Everything from candidates leaves (downloaded files and written responses, under an evidence key
   * that is then replaced), and the lead's quality data. The assessor's own unsent work stays, and
   * syncs when the same account signs in again.
   */
  async signOut(): Promise<SessionInfo> {
    const { session, db } = this.options;
    this.options.downloads.abortAll();
    await session.signOut();
    clearQualityData(db);
    this.options.atRest.removeAll();
    await session.replaceEvidenceKey();
    this.options.changes.everything();
    this.options.status.publish();
    return session.info();
  }

  /** Signed in, signed out, or the session ended: downloads stop with it, and the status says so at once. */
  sessionChanged(): void {
    if (!this.options.session.signedIn) this.options.downloads.abortAll();
    this.options.status.publish();
  }

  /**
   * The hosted API ordered this machine wiped (it was reported lost). The claimed work goes, after
   * counting what was safe and what went; the notice says so on every start until dismissed. Then
   * the database gets a new key and the old one is destroyed: a copy of the data folder taken before
   * the wipe (with the work in it) cannot be opened with anything left on this machine.
   */
  async remoteWipe(): Promise<void> {
    const report = this.removeClaimedWork();
    addNotice(this.options.db, 'remote_wipe', report, this.options.now().toISOString());
    this.options.logger.error(
      `remote wipe: removed ${report.submissions} submissions, ${report.unsentDecisions} unsent decisions, ${report.unsentOther} other unsent changes, ${report.drafts} drafts, ${report.comments} comments, ${report.evidenceFiles} evidence files, ${report.writtenResponses} written responses; ${report.synced} decisions were already synced`,
    );
    await this.options.databaseKey.replace();
  }

  /** The vault came back empty: what was sealed under the old evidence key is unreadable, so it goes (and is fetched again). */
  evidenceKeyLost(): void {
    const lost = this.options.atRest.removeAll();
    if (lost.files + lost.writtenResponses === 0) return;
    this.options.logger.info(`the secret store was empty: ${lost.files} evidence files and ${lost.writtenResponses} written responses will be fetched again`);
    this.options.changes.everything();
  }

  /**
   * Another account signs in on this machine: the previous account's claimed work must neither be
   * shown to it nor sent with its token. Work that has all reached the server is cleared; unsent
   * work stops the sign-in until its owner has synced it.
   */
  private handOver(next: { serverUrl: string; accountId: string }): void {
    const owner = getWorkOwner(this.options.db);
    if (!owner || (sameServer(owner.serverUrl, next.serverUrl) && owner.accountId === next.accountId)) return;
    const unsent = countUnsent(this.options.db);
    // The trail names whoever's session sends it: another account's changes wait for that account.
    const trail = countUnsentAudit(this.options.db);
    // Scoring not yet decided is the account's work too, and the server keeps none of it.
    const unfinished = countUnfinishedWork(this.options.db);
    if (unsent.decisions + unsent.other + trail + unfinished > 0) {
      const parts = [
        unsent.decisions > 0 && `${unsent.decisions} unsent decisions`,
        unsent.other > 0 && `${unsent.other} other unsent changes (referrals, replies, reviews)`,
        trail > 0 && `${trail} changes for the audit trail`,
        unfinished > 0 && `unfinished scoring on ${unfinished} submissions`,
      ].filter((part) => part !== false);
      const held = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
      throw new DomainError('conflict', `This computer holds ${held} of another account. Sign in as that account and ${unfinished > 0 ? 'decide and ' : ''}sync them first.`);
    }
    this.removeClaimedWork();
    this.options.logger.info('another account signed in: the previous account’s synced work was cleared');
  }

  /** Everything claimed from the hosted API leaves this machine (the demo stays); says what went. */
  private removeClaimedWork(): WipeReport {
    const { db } = this.options;
    this.options.downloads.abortAll();
    const report = db.transaction(() => {
      const wiped = wipeClaimedWork(db, this.options.accountKinds);
      clearQualityData(db);
      clearCommentBank(db); // the assessor's own snippets may name candidates
      return wiped;
    })();
    this.options.atRest.removeLeftovers();
    this.options.changes.everything();
    return report;
  }
}
