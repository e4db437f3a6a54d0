import type { Lockout, LockoutRule } from '../../shared/hosted-api/quality';
import type { CalibrationStore } from './calibration-store';
import { goldResultDelayMs } from './gold-store';
import type { HostedStore } from './store';

export const lockoutTables = `
CREATE TABLE IF NOT EXISTS lockouts (id INTEGER PRIMARY KEY, account_id TEXT NOT NULL, credential_id TEXT NOT NULL, rule TEXT NOT NULL, trigger TEXT NOT NULL CHECK (trigger IN ('gold', 'backread')),
  figure REAL NOT NULL, threshold REAL NOT NULL, window INTEGER NOT NULL, locked_at TEXT NOT NULL, recalibration_attempt INTEGER NOT NULL, lifted_at TEXT, lifted_how TEXT CHECK (lifted_how IN ('recalibrated', 'lead')), lifted_by TEXT, lift_note TEXT) STRICT;
CREATE UNIQUE INDEX IF NOT EXISTS one_active_lockout ON lockouts(account_id, credential_id) WHERE lifted_at IS NULL;
`;

interface Row {
  id: number;
  account_id: string;
  credential_id: string;
  rule: string;
  trigger: Lockout['trigger'];
  figure: number;
  threshold: number;
  window: number;
  locked_at: string;
  /** The attempt on the recalibration set that counts: answered after the lockout, never one whose master levels were read before. */
  recalibration_attempt: number;
  lifted_at: string | null;
  lifted_how: 'recalibrated' | 'lead' | null;
  lifted_by: string | null;
  lift_note: string | null;
}

/**
 * Lockout and recalibration on the reference server. The rule is checked whenever the evidence it
 * reads changes (a gold item scored, a backread reviewed); an active lockout takes the credential
 * out of the assessor's claims (see QualityStore.qualification) and samples every decision they
 * still make on work claimed before it for backreading. Recalibrating means answering the
 * recalibration set in an attempt after the lockout: the assessor's current attempt if they never
 * answered the set, else (they have read its master levels) only the new attempt a lead opens with a
 * recorded reset. Passing it lifts the lockout; its answers are final like any calibration, so a
 * failed recalibration also needs a lead's reset, or a lead's lift with a note.
 */
export class LockoutStore {
  constructor(private readonly store: HostedStore) {}

  /** Checks the credential's rule for this assessor; returns the new lockout if it tripped now. */
  evaluate(accountId: string, credentialId: string, now: Date): Lockout | null {
    const rule = this.store.quality.rules(credentialId)?.lockout ?? null;
    if (!rule || this.active(accountId, credentialId) || this.store.isLead(accountId)) return null;
    // After a lockout was lifted the rule reads only what came since: the old figures were dealt with.
    const since = (this.store.sql('SELECT max(lifted_at) AS at FROM lockouts WHERE account_id = ? AND credential_id = ?').get(accountId, credentialId) as { at: string | null }).at ?? '';
    const tripped = this.goldTrigger(accountId, credentialId, rule, now, since) ?? this.backreadTrigger(accountId, credentialId, rule, since);
    if (!tripped) return null;
    // Answers given before the lockout do not lift it, and an assessor who has read the master levels
    // of any of the set's submissions (in this set or another) would only replay them: then the
    // attempt that counts is one a lead opens after the lockout.
    const current = this.store.calibration.currentAttempt(rule.recalibrationSetId, accountId);
    const attempt = this.store.calibration.hasReadMasters(rule.recalibrationSetId, accountId) ? current.attempt + 1 : current.attempt;
    this.store
      .sql('INSERT INTO lockouts (account_id, credential_id, rule, trigger, figure, threshold, window, locked_at, recalibration_attempt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(accountId, credentialId, JSON.stringify(rule), tripped.trigger, tripped.figure, tripped.threshold, tripped.window, now.toISOString(), attempt);
    return this.active(accountId, credentialId);
  }

  /**
   * Exact agreement with the master over the assessor's last `goldWindow` gold items of the credential
   * (once there are that many), counting each a day after it was decided, like the accuracy report:
   * a lockout the moment a gold item is decided would say which one it was.
   */
  private goldTrigger(accountId: string, credentialId: string, rule: LockoutRule, now: Date, since: string): Pick<Lockout, 'trigger' | 'figure' | 'threshold' | 'window'> | null {
    if (rule.minGoldExact === null) return null;
    const until = new Date(now.getTime() - goldResultDelayMs).toISOString();
    const items = this.store
      .sql(
        `SELECT r.alias_id, sum(r.level IS NOT NULL AND r.level = r.master_level) AS exact, count(*) AS criteria, max(r.at) AS at FROM gold_results r
         JOIN gold_items g ON g.alias_id = r.alias_id JOIN submissions s ON s.id = g.source_id
         WHERE r.account_id = ? AND s.credential_id = ? AND r.at <= ? AND r.at > ? GROUP BY r.alias_id ORDER BY at DESC LIMIT ?`,
      )
      .all(accountId, credentialId, until, since, rule.goldWindow) as { exact: number; criteria: number }[];
    if (items.length < rule.goldWindow) return null;
    const figure = items.reduce((sum, item) => sum + item.exact, 0) / items.reduce((sum, item) => sum + item.criteria, 0);
    return figure < rule.minGoldExact ? { trigger: 'gold', figure, threshold: rule.minGoldExact, window: rule.goldWindow } : null;
  }

  /** Share of backread criteria a lead overrode over the assessor's last `backreadWindow` reviewed decisions (once there are that many). */
  private backreadTrigger(accountId: string, credentialId: string, rule: LockoutRule, since: string): Pick<Lockout, 'trigger' | 'figure' | 'threshold' | 'window'> | null {
    if (rule.maxOverrideShare === null) return null;
    const { share, decisions } = this.store.backreading.overrideShare(accountId, credentialId, rule.backreadWindow, since);
    if (share === null || decisions < rule.backreadWindow) return null;
    return share > rule.maxOverrideShare ? { trigger: 'backread', figure: share, threshold: rule.maxOverrideShare, window: rule.backreadWindow } : null;
  }

  /** After a calibration answer: a locked-out assessor who has now passed their recalibration attempt is let back in. */
  afterCalibration(accountId: string, setId: string, now: Date): void {
    for (const row of this.store.sql('SELECT * FROM lockouts WHERE account_id = ? AND lifted_at IS NULL').all(accountId) as Row[]) {
      const lockout = this.lockoutOf(row);
      if (lockout.recalibration.setId !== setId || lockout.recalibration.needsLead) continue;
      const { agreement, maxOff } = this.recalibrationScore(row);
      const { required } = lockout.recalibration;
      if (agreement !== null && maxOff !== null && agreement >= required.exactAgreement && maxOff <= required.maxLevelsOff) {
        this.lift(lockout.accountId, lockout.credentialId, 'recalibrated', accountId, 'Passed the recalibration set.', now);
      }
    }
  }

  /** A lead lets the assessor back in; false when there was no active lockout. */
  lift(accountId: string, credentialId: string, how: 'recalibrated' | 'lead', by: string, note: string, now: Date): boolean {
    return (
      this.store
        .sql('UPDATE lockouts SET lifted_at = ?, lifted_how = ?, lifted_by = ?, lift_note = ? WHERE account_id = ? AND credential_id = ? AND lifted_at IS NULL')
        .run(now.toISOString(), how, by, note, accountId, credentialId).changes === 1
    );
  }

  active(accountId: string, credentialId: string): Lockout | null {
    const row = this.store.sql('SELECT * FROM lockouts WHERE account_id = ? AND credential_id = ? AND lifted_at IS NULL').get(accountId, credentialId) as Row | undefined;
    return row ? this.lockoutOf(row) : null;
  }

  /** Active lockouts and those lifted in the last 30 days (a lead's list), or one assessor's. */
  all(filter: { accountId?: string; activeOnly?: boolean } = {}, now = new Date()): Lockout[] {
    const since = new Date(now.getTime() - 30 * 24 * 3600 * 1000).toISOString();
    const rows = this.store
      .sql(`SELECT * FROM lockouts WHERE (@accountId IS NULL OR account_id = @accountId) AND (lifted_at IS NULL OR (@activeOnly = 0 AND lifted_at >= @since)) ORDER BY lifted_at IS NOT NULL, locked_at DESC`)
      .all({ accountId: filter.accountId ?? null, activeOnly: filter.activeOnly ? 1 : 0, since }) as Row[];
    return rows.map((row) => this.lockoutOf(row));
  }

  /** The assessor's answers on the recalibration set in the attempt that counts (nothing until a lead opens it, when it must). */
  private recalibrationScore(row: Row): ReturnType<CalibrationStore['scoreOnSet']> & { needsLead: boolean } {
    const setId = (JSON.parse(row.rule) as LockoutRule).recalibrationSetId;
    const { attempt } = this.store.calibration.currentAttempt(setId, row.account_id);
    if (attempt < row.recalibration_attempt) return { requiredItems: this.store.calibration.masters(setId).size, scoredItems: 0, agreement: null, maxOff: null, needsLead: true };
    return { ...this.store.calibration.scoreOnSet(row.account_id, setId, attempt), needsLead: false };
  }

  private lockoutOf(row: Row): Lockout {
    const rule = JSON.parse(row.rule) as LockoutRule;
    const set = this.store.calibration.set(rule.recalibrationSetId, row.account_id);
    const attempt = this.recalibrationScore(row);
    const failed = attempt.agreement !== null && attempt.maxOff !== null && !row.lifted_at;
    return {
      accountId: row.account_id,
      credentialId: row.credential_id,
      since: row.locked_at,
      trigger: row.trigger,
      figure: row.figure,
      threshold: row.threshold,
      window: row.window,
      recalibration: {
        setId: rule.recalibrationSetId,
        setTitle: set?.title ?? rule.recalibrationSetId,
        scoredItems: attempt.scoredItems,
        requiredItems: attempt.requiredItems,
        required: { exactAgreement: rule.minExactAgreement, maxLevelsOff: rule.maxLevelsOff },
        lastAttempt: failed ? { exactAgreement: attempt.agreement!, maxLevelsOff: attempt.maxOff! } : null,
        needsLead: attempt.needsLead && !row.lifted_at,
      },
      lifted: row.lifted_at ? { at: row.lifted_at, how: row.lifted_how!, by: row.lifted_by!, note: row.lift_note ?? '' } : null,
    };
  }
}
