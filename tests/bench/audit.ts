// The audit trail (issue 13): a year of a large programme's changes on the reference server, and
// how long a lead waits for one submission's timeline.
import { randomUUID } from 'node:crypto';
import type { AuditKind } from '../../shared/hosted-api/audit';
import { seededPassword } from '../hosted-api/seed';
import type { HostedStore } from '../hosted-api/store';
import { openTestCore, value } from '../support/core-fixture';
import type { Row } from './stats';
import { summarize } from './stats';

/** Changes per submission in a year: levels and rationales for 8 criteria, a few edits, comments, feedback, a decision. */
const changesPerSubmission = 60;
const assessors = ['acct-assessor-1', 'acct-assessor-2', 'acct-lead'];
const kinds: AuditKind[] = ['score', 'rationale', 'comment', 'feedback'];

/** Writes a year of changes (one per minute or so across the programme) straight into the server's table. */
export function fillYearOfAudit(store: HostedStore, submissionIds: string[]): number {
  const insert = store.db.prepare(
    `INSERT INTO audit_entries (id, submission_id, account_id, machine_id, machine_name, kind, target, before, after, at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const yearStart = Date.UTC(2025, 11, 1);
  const stepMs = (365 * 24 * 3600 * 1000) / (submissionIds.length * changesPerSubmission);
  let written = 0;
  store.db.transaction(() => {
    submissionIds.forEach((submissionId, index) => {
      const actor = assessors[index % assessors.length]!;
      for (let change = 0; change < changesPerSubmission; change++) {
        const kind = change === changesPerSubmission - 1 ? 'decision' : kinds[change % kinds.length]!;
        const at = new Date(yearStart + (index * changesPerSubmission + change) * stepMs).toISOString();
        const after = kind === 'decision' ? JSON.stringify({ outcome: 'award', conditionCode: null, note: '' }) : kind === 'score' ? String((change % 4) + 1) : `Text ${change} about the lesson video and the student work it shows.`;
        insert.run(randomUUID(), submissionId, actor, 'bench-machine', 'bench laptop', kind, kind === 'decision' ? null : `criterion-${change % 8}`, null, after, at, at);
        written += 1;
      }
    });
  })();
  return written;
}

/** The lead's call through core (HTTP to the server, checked against the contract) against the server's own query. */
export async function benchAuditTrail(rows: Row[], store: HostedStore, apiUrl: string, submissionIds: string[], entries: number): Promise<void> {
  const picks = Array.from({ length: 60 }, (_, index) => submissionIds[(index * 7919) % submissionIds.length]!);
  const direct: number[] = [];
  for (const id of picks) {
    const started = performance.now();
    if (!store.audit.trail(id)) throw new Error('no trail');
    direct.push(performance.now() - started);
  }
  const lead = openTestCore();
  try {
    value(await lead.core.invokeAsync('session.signIn', { serverUrl: apiUrl, email: 'lead@example.org', password: seededPassword }));
    const throughCore: number[] = [];
    for (const id of picks) {
      const started = performance.now();
      value(await lead.core.invokeAsync('lead.auditTrail', { submission: id }));
      throughCore.push(performance.now() - started);
    }
    const baseline = { name: 'server query', summary: summarize(direct) };
    const year = `${entries.toLocaleString('en')} changes, ${submissionIds.length.toLocaleString('en')} submissions`;
    rows.push({ name: `baseline: one submission's trail read in the server process (a year: ${year})`, summary: baseline.summary, unit: 'ms', target: '' });
    rows.push({ name: `audit trail: one submission's timeline for the lead (core → HTTP → checked), a year: ${year}`, summary: summarize(throughCore), unit: 'ms', target: 'p95 < 200', baseline });
  } finally {
    lead.dispose();
  }
}
