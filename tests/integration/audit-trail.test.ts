import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionDetail } from '../../shared/contract/methods';
import type { EvidenceComment } from '../../shared/domain/comment';
import { allCriteria } from '../../shared/domain/rubric';
import type { QueueItem } from '../../shared/domain/submission';
import type { AuditTrail } from '../../shared/hosted-api/audit';
import { projectPaths } from '../../electron/launcher/project-paths';
import { HostedApiClient } from '../../electron/core/hosted/api-client';
import { seed, seededPassword } from '../hosted-api/seed';
import { defaultOpenApiFile, startHostedApi } from '../hosted-api/server';
import type { HostedApi } from '../hosted-api/server';
import { cleanup } from '../e2e/harness';
import type { CoreFixture } from '../support/core-fixture';
import { openTestCore, tempDir, value } from '../support/core-fixture';
import { shiftedClock } from '../support/clocks';

const root = projectPaths().root;
let serverDir: string;
let api: HostedApi;
let assessor: CoreFixture;
let lead: CoreFixture;
/**
 * The assessor's clock runs behind the server's by `shift`, which the test moves on (2.3 minutes in
 * all) to separate runs of edits: it starts 2.4 minutes behind (inside half the server's 5 minutes of
 * tolerance, so the workstation sends its own times as they are) and stays behind.
 */
let shift = -2.4 * 60_000;
let submissionId: string;
let detail: SubmissionDetail;

const call = async <T>(fixture: CoreFixture, method: string, input: unknown = {}): Promise<T> => value(await fixture.core.invokeAsync(method, input)) as T;
const later = (ms: number): void => {
  shift += ms;
};
const waitingTrail = (): { state: string; payload: string }[] => assessor.db.prepare(`SELECT state, payload FROM outbox WHERE kind = 'audit' ORDER BY id`).all() as { state: string; payload: string }[];

beforeAll(async () => {
  serverDir = tempDir('assessor-hosted-');
  api = await startHostedApi({ dataDir: serverDir, port: 0, openApiFile: defaultOpenApiFile(root) });
  await seed(api.store, 'demo', join(root, 'resources', 'demo'), serverDir);
  assessor = openTestCore({ undoWindowSeconds: 2, clock: shiftedClock(() => shift) });
  lead = openTestCore();
  await call(assessor, 'session.signIn', { serverUrl: api.url, email: 'assessor@example.org', password: seededPassword });
  await call(lead, 'session.signIn', { serverUrl: api.url, email: 'lead@example.org', password: seededPassword });
  const { batchId } = await call<{ batchId: string }>(assessor, 'batch.claim', { size: 1 });
  submissionId = (await call<{ items: QueueItem[] }>(assessor, 'queue.list', { batchId })).items[0]!.submissionId;
  detail = await call<SubmissionDetail>(assessor, 'submission.open', { submissionId });
}, 120_000);
afterAll(async () => {
  assessor.dispose();
  lead.dispose();
  await api.close();
  cleanup(serverDir);
});

describe('the audit trail, against the reference server', () => {
  it('records a submission edited, decided, undone and decided again: who, when, which machine, before and after, append-only on the server', async () => {
    const [first, second, ...rest] = allCriteria(detail.rubric);
    // A run of edits to one field is one change; an edit minutes later is another.
    await call(assessor, 'draft.setScore', { submissionId, criterionId: first!.id, level: 2 });
    later(10_000);
    await call(assessor, 'draft.setScore', { submissionId, criterionId: first!.id, level: 3 });
    for (const text of ['Cl', 'Clear evid', 'Clear evidence at 0:12.']) {
      later(700);
      await call(assessor, 'draft.setRationale', { submissionId, criterionId: first!.id, rationale: text });
    }
    later(2 * 60_000 + 1000); // past a run of edits (2 minutes)
    await call(assessor, 'draft.setScore', { submissionId, criterionId: first!.id, level: 4 });
    const comment: EvidenceComment = { id: 'c0a8f0e2-6d0e-4c5e-9a51-2f1f9a4b7c11', evidenceId: detail.evidence[0]!.id, startMs: 12_000, endMs: null, page: null, quote: null, region: null, body: 'Asks', tag: 'strength', visibility: 'candidate', criterionIds: [] };
    await call(assessor, 'comment.save', { submissionId, comment });
    await call(assessor, 'comment.save', { submissionId, comment: { ...comment, body: 'Asks every group to explain its step.' } });
    // A comment made and removed in one run never existed for anyone: it leaves no change.
    const stray = { ...comment, id: 'd1b9e1f3-7e1f-4d6f-8b62-3a2a8b5c8d22', body: 'oops' };
    await call(assessor, 'comment.save', { submissionId, comment: stray });
    await call(assessor, 'comment.delete', { submissionId, commentId: stray.id });
    await call(assessor, 'draft.setFeedback', { submissionId, componentId: null, body: 'A well-run discussion.' });
    await call(assessor, 'draft.setScore', { submissionId, criterionId: second!.id, level: 3 });
    for (const criterion of rest) await call(assessor, 'draft.setScore', { submissionId, criterionId: criterion.id, level: 3 });

    // The local part waits in the outbox, settling, and is not shown as work waiting to sync.
    expect(waitingTrail().map((entry) => entry.state)).toEqual(['pending']);
    expect(await call(assessor, 'sync.status')).toMatchObject({ waiting: 0 });

    await call(assessor, 'decision.submit', { submissionId, outcome: 'award', conditionCode: null, note: '' });
    later(1000);
    await call(assessor, 'decision.undo', { submissionId });
    later(1000);
    await call(assessor, 'draft.setScore', { submissionId, criterionId: second!.id, level: 4 });
    await call(assessor, 'decision.submit', { submissionId, outcome: 'award', conditionCode: null, note: 'Second look.' });
    later(3000); // past the undo window
    await call(assessor, 'sync.now');
    expect(waitingTrail().map((entry) => entry.state)).toEqual(['acknowledged']); // kept until the server acknowledged it

    const trail = await call<AuditTrail>(lead, 'lead.auditTrail', { submission: detail.label });
    expect(trail.submission).toEqual({ id: submissionId, label: detail.label, credentialTitle: detail.credential.title });
    const award = (note: string): string => JSON.stringify({ outcome: 'award', conditionCode: null, note });
    const shown = (kind: string, after: string | null): string | null => {
      if (kind === 'comment' && after) return (JSON.parse(after) as { body: string }).body;
      if (kind === 'decision_received' && after) return award((JSON.parse(after) as { note: string }).note);
      return after;
    };
    expect(trail.entries.map(({ kind, target, before, after }) => [kind, target, before, shown(kind, after)])).toEqual([
      ['score', first!.id, null, '3'],
      ['rationale', first!.id, '', 'Clear evidence at 0:12.'],
      ['score', first!.id, '3', '4'],
      ['comment', comment.id, null, 'Asks every group to explain its step.'],
      ['feedback', 'overall', '', 'A well-run discussion.'],
      ['score', second!.id, null, '3'],
      ...rest.map((criterion) => ['score', criterion.id, null, '3']),
      ['decision', null, null, award('')],
      ['decision_undone', null, award(''), null],
      ['score', second!.id, '3', '4'],
      ['decision', null, null, award('Second look.')],
      ['decision_received', null, null, award('Second look.')],
    ]);
    const machineId = (assessor.db.prepare('SELECT machine_id FROM workstation').get() as { machine_id: string }).machine_id;
    for (const entry of trail.entries.filter((candidate) => candidate.kind !== 'decision_received')) {
      expect(entry.actor).toEqual({ id: 'acct-assessor-1', displayName: 'Assessor One' });
      expect(entry.machine).toEqual({ id: machineId, name: hostname() });
    }
    expect(trail.entries.at(-1)!.machine).toEqual({ id: 'hosted-api', name: 'Hosted API' });
    // The server's receipt carries the decision as received: what an appeal is answered from.
    expect(JSON.parse(trail.entries.at(-1)!.after!)).toMatchObject({ outcome: 'award', note: 'Second look.', machine: { id: machineId, name: hostname() }, scores: expect.arrayContaining([{ criterionId: second!.id, level: 4, rationale: '' }]) as unknown });
    // Oldest first, each with the moment it was made here and the moment the server recorded it.
    expect(trail.entries.map((entry) => entry.at)).toEqual(trail.entries.map((entry) => entry.at).sort());

    // Append-only in the server's database itself.
    expect(() => api.store.db.prepare(`UPDATE audit_entries SET after = 'x'`).run()).toThrow(/append-only/);
    expect(() => api.store.db.prepare('DELETE FROM audit_entries').run()).toThrow(/append-only/);
  });

  it('answers a label no submission has with not_found (worded by the screen), not as a conflict', async () => {
    const answer = await lead.core.invokeAsync('lead.auditTrail', { submission: 'Submission 9999' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call<AuditTrail>(lead, 'lead.auditTrail', { submission: detail.label })).toMatchObject({ submission: { id: submissionId } }); // the honest lookup still answers
  });

  it('takes the actor from the session, records a resent change once, refuses changes to submissions not given to the account', async () => {
    const signIn = async (email: string): Promise<HostedApiClient> => {
      const tokens = await new HostedApiClient({ baseUrl: api.url, accessToken: () => null }).signIn(email, seededPassword);
      if (!tokens.ok) throw new Error('sign-in failed');
      return new HostedApiClient({ baseUrl: api.url, accessToken: () => tokens.value.accessToken });
    };
    const someoneElse = await signIn('assessor2@example.org');
    const change = { id: '2f7c0a0e-1a51-4c4b-9d8e-4b3b9c6d9e33', submissionId, kind: 'score' as const, target: 'x', before: null, after: '1', at: new Date().toISOString(), machine: { id: 'm', name: 'n' } };
    const refused = await someoneElse.uploadAudit('audit-key-0001', { changes: [change] });
    expect(refused).toMatchObject({ ok: false, failure: { kind: 'invalid' } });
    const self = await signIn('assessor@example.org');
    expect(await self.uploadAudit('audit-key-0002', { changes: [change] })).toMatchObject({ ok: true, value: { recorded: 1, alreadyRecorded: 0 } });
    expect(await self.uploadAudit('audit-key-0003', { changes: [change] })).toMatchObject({ ok: true, value: { recorded: 0, alreadyRecorded: 1 } });
    expect(await self.auditTrail(submissionId)).toMatchObject({ ok: false, failure: { kind: 'refused', status: 403 } }); // leads only
  });

  it('a laptop whose clock is an hour behind still has its decision and its trail accepted, dated on the server’s clock', async () => {
    const lateLaptop = openTestCore({ undoWindowSeconds: 0, clock: shiftedClock(() => -3600_000) });
    try {
      await call(lateLaptop, 'session.signIn', { serverUrl: api.url, email: 'assessor2@example.org', password: seededPassword });
      const { batchId } = await call<{ batchId: string }>(lateLaptop, 'batch.claim', { size: 1 });
      const id = (await call<{ items: QueueItem[] }>(lateLaptop, 'queue.list', { batchId })).items[0]!.submissionId;
      const opened = await call<SubmissionDetail>(lateLaptop, 'submission.open', { submissionId: id });
      for (const criterion of allCriteria(opened.rubric)) await call(lateLaptop, 'draft.setScore', { submissionId: id, criterionId: criterion.id, level: 3 });
      await call(lateLaptop, 'decision.submit', { submissionId: id, outcome: 'award', conditionCode: null, note: '' });
      await call(lateLaptop, 'sync.now');
      const outbox = (): { kind: string; state: string }[] => lateLaptop.db.prepare('SELECT kind, state FROM outbox ORDER BY id').all() as { kind: string; state: string }[];
      expect(outbox().map((entry) => entry.state)).toEqual(outbox().map(() => 'acknowledged'));
      const trail = await call<AuditTrail>(lead, 'lead.auditTrail', { submission: id });
      const received = JSON.parse(trail.entries.find((entry) => entry.kind === 'decision_received')!.after!) as { decidedAt: string };
      expect(Math.abs(Date.parse(received.decidedAt) - Date.now())).toBeLessThan(60_000);
      for (const entry of trail.entries) expect(Math.abs(Date.parse(entry.at) - Date.now())).toBeLessThan(60_000);
    } finally {
      lateLaptop.dispose();
    }
  });
});
