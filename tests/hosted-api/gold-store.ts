import { randomBytes } from 'node:crypto';
import { momentsOf } from '../../shared/domain/cited-evidence';
import type { MasterScore } from '../../shared/hosted-api/quality';
import type { DecisionRequest } from '../../shared/hosted-api/schemas';
import { evidenceTally } from './quality-store';
import type { HostedStore } from './store';

export const goldTables = `
CREATE TABLE IF NOT EXISTS gold_items (alias_id TEXT PRIMARY KEY REFERENCES submissions(id), source_id TEXT NOT NULL, set_id TEXT NOT NULL, account_id TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS gold_evidence (alias_id TEXT NOT NULL, criterion_id TEXT NOT NULL, master INTEGER NOT NULL, cited INTEGER NOT NULL, PRIMARY KEY (alias_id, criterion_id)) STRICT;
CREATE TABLE IF NOT EXISTS gold_results (alias_id TEXT NOT NULL, account_id TEXT NOT NULL, criterion_id TEXT NOT NULL, level INTEGER, master_level INTEGER NOT NULL, at TEXT NOT NULL, PRIMARY KEY (alias_id, criterion_id)) STRICT;
`;

/** How long after the decision a gold result counts (in the assessor's accuracy and the lockout rule): a day's work hides which was gold. */
export const goldResultDelayMs = 24 * 3600_000;

/** A submission id of the live shape (see seed.ts): nothing in it says where it came from. */
export const opaqueSubmissionId = (): string => `sub-${randomBytes(6).toString('hex')}`;

/**
 * Gold items on the reference server. Leads mark submissions as gold by putting them in a *gold*
 * set with master scores; assessors never see a gold set, and its submissions were never claimed,
 * so their files match nothing an assessor has seen. A gold item is served as a copy made for one
 * claim: a fresh opaque id and a label taken from the live sequence, its files exactly its source's
 * (altering them would make the copy the odd one out: a file seen nowhere else). No assessor gets the
 * same gold submission twice.
 */
export class GoldStore {
  constructor(private readonly store: HostedStore) {}

  isGoldItem(submissionId: string): boolean {
    return !!this.store.sql('SELECT 1 FROM gold_items WHERE alias_id = ?').get(submissionId);
  }

  /** Up to `count` new gold copies for this account from the gold sets of these credentials, each from a submission it never had. */
  copiesFor(accountId: string, credentials: string[], count: number, random: () => number): string[] {
    if (count === 0) return [];
    const sources = this.store
      .sql(
        `SELECT ci.set_id, ci.submission_id FROM calibration_items ci JOIN calibration_sets cs ON cs.id = ci.set_id
         WHERE cs.purpose = 'gold' AND cs.credential_id IN (SELECT value FROM json_each(?))
           AND NOT EXISTS (SELECT 1 FROM gold_items g WHERE g.source_id = ci.submission_id AND g.account_id = ?)
           AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.submission_id = ci.submission_id AND a.account_id = ?)
         ORDER BY cs.id, ci.position`,
      )
      .all(JSON.stringify(credentials), accountId, accountId) as { set_id: string; submission_id: string }[];
    const picked: { set_id: string; submission_id: string }[] = [];
    while (picked.length < count && sources.length > 0) picked.push(...sources.splice(Math.floor(random() * sources.length), 1));
    return picked.map((source) => this.copy(accountId, source.set_id, source.submission_id));
  }

  private copy(accountId: string, setId: string, sourceId: string): string {
    const original = this.store.submission(sourceId)!;
    const aliasId = opaqueSubmissionId();
    const position = (this.store.sql('SELECT coalesce(max(position), -1) + 1 AS next FROM submissions').get() as { next: number }).next;
    this.store.saveSubmission({
      id: aliasId,
      label: this.store.nextLabel(),
      credentialId: original.credential.id,
      rubricVersionId: original.rubric.id,
      attempt: original.attempt,
      submittedAt: original.submittedAt,
      previousAttempts: original.previousAttempts,
      position,
    });
    original.evidence.forEach((evidence, index) => this.store.saveEvidence({ ...evidence, item: { ...evidence.item, id: `${aliasId}-ev-${index}` }, submissionId: aliasId }, index));
    this.store.sql('INSERT INTO gold_items VALUES (?, ?, ?, ?)').run(aliasId, sourceId, setId, accountId);
    this.store.sql('INSERT OR IGNORE INTO double_scoring VALUES (?, 0)').run(aliasId);
    return aliasId;
  }

  /** After an assessor decided a gold copy: their levels against the master's, and the evidence they cited against the master's. */
  scoreDecision(aliasId: string, accountId: string, decision: DecisionRequest, now: Date): { credentialId: string } | null {
    const gold = this.store.sql('SELECT source_id, set_id FROM gold_items WHERE alias_id = ?').get(aliasId) as { source_id: string; set_id: string } | undefined;
    if (!gold) return null;
    const master = this.store.calibration.masters(gold.set_id).get(gold.source_id) ?? [];
    const given = new Map(decision.scores.map((score) => [score.criterionId, score.level]));
    const insert = this.store.sql('INSERT OR REPLACE INTO gold_results VALUES (?, ?, ?, ?, ?, ?)');
    for (const score of master) insert.run(aliasId, accountId, score.criterionId, given.get(score.criterionId) ?? null, score.level, now.toISOString());
    this.compareEvidence(aliasId, gold.source_id, master, decision);
    return { credentialId: this.store.submission(gold.source_id)!.credential.id };
  }

  /** The master's cited moments mapped onto the copy's evidence (item by item, under the copy's ids), against the assessor's. */
  private compareEvidence(aliasId: string, sourceId: string, master: MasterScore[], decision: DecisionRequest): void {
    const positions = this.store.sql('SELECT id, position FROM evidence WHERE submission_id = ?').all(sourceId) as { id: string; position: number }[];
    const aliasOf = new Map(positions.map((item) => [item.id, `${aliasId}-ev-${item.position}`]));
    const insert = this.store.sql('INSERT OR REPLACE INTO gold_evidence VALUES (?, ?, ?, ?)');
    for (const score of master) {
      const moments = (score.evidence ?? []).map((moment) => ({ ...moment, evidenceId: aliasOf.get(moment.evidenceId) ?? moment.evidenceId }));
      const tally = evidenceTally(moments, momentsOf(decision.comments, score.criterionId));
      if (tally) insert.run(aliasId, score.criterionId, tally.master, tally.cited);
    }
  }
}
