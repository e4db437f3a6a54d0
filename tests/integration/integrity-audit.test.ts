import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCriteria } from '../../shared/domain/rubric';
import type { AuditChange } from '../../shared/hosted-api/audit';
import type { SubmissionManifest } from '../../shared/hosted-api/schemas';
import { answerAppeal } from '../../shared/quality/audit';
import type { HostedApiClient } from '../../electron/core/hosted/api-client';
import type { HostedApi } from '../hosted-api/server';
import { decisionFor } from '../support/decisions';
import { DishonestClient, fieldsOf } from '../support/dishonest-client';
import { ok, signedInClient } from '../support/hosted-client';
import { startSeededApi } from '../support/reference-server';

// The appeal record, tried as a dishonest assessor would: with their own account and the documented
// routes, forging the server's entries, backdating, writing after the decision, writing about work
// that was never theirs. Each is refused; the honest change still goes; the lead's answer stands.

let api: HostedApi;
let stopApi: () => Promise<void>;
/** The server's clock runs this far ahead of the real one (moved by the test). */
let serverAheadMs = 0;
let assessor: HostedApiClient;
let cheat: DishonestClient;
let lead: HostedApiClient;
let submissionId: string;
let manifest: SubmissionManifest;
let claimedAt: string;

const machine = { id: 'laptop-7f3a', name: 'Assessor laptop' };
const change = (patch: Partial<AuditChange> = {}): AuditChange => ({
  id: randomUUID(),
  submissionId,
  kind: 'decision',
  target: null,
  before: null,
  after: JSON.stringify({ outcome: 'not_yet', conditionCode: null, note: 'Changed my mind.' }),
  at: new Date(Date.now() + serverAheadMs).toISOString(),
  machine,
  ...patch,
});
const appeal = async () => answerAppeal(ok(await lead.auditTrail(submissionId)));

beforeAll(async () => {
  // Sessions outlive the test's hour of server time.
  ({ api, stop: stopApi } = await startSeededApi('assessor-integrity-audit-', { now: () => new Date(Date.now() + serverAheadMs), accessTtlSeconds: 4 * 3600 }));
  assessor = await signedInClient(api.url, 'assessor@example.org');
  cheat = await DishonestClient.signIn(api.url, 'assessor@example.org');
  lead = await signedInClient(api.url, 'lead@example.org');
  const claimed = ok(await assessor.claim(2));
  claimedAt = claimed.batch.claimedAt;
  submissionId = claimed.assignments[0]!.submissionId;
  manifest = ok(await assessor.manifest(submissionId));
  // The honest history: a level, then the award, then the decision reaches the server.
  const honest = [change({ kind: 'score', target: allCriteria(manifest.rubric)[0]!.id, after: '3' }), change({ after: JSON.stringify({ outcome: 'award', conditionCode: null, note: '' }) })];
  expect(ok(await assessor.uploadAudit(randomUUID(), { changes: honest }))).toEqual({ recorded: 2, alreadyRecorded: 0 });
  ok(await assessor.decide(submissionId, randomUUID(), { ...decisionFor(manifest, () => 3), machine }));
}, 60_000);
afterAll(() => stopApi());

describe('the appeal record cannot be forged or backdated', () => {
  it('answers the appeal from what the server received: the award, by whom, on which machine, with its levels', async () => {
    const answer = await appeal();
    expect(answer.decision).toMatchObject({ resolution: false, entry: { kind: 'decision_received', machine: { id: 'hosted-api' }, actor: { id: 'acct-assessor-1' } }, value: { outcome: 'award', machine } });
    expect(answer.scores.every((score) => score.level === 3)).toBe(true);
  });

  it('refuses entries of the kinds only the server writes, and the server as a machine', async () => {
    for (const kind of ['decision_received', 'adjudication_resolved', 'backread_reviewed']) {
      const refused = await cheat.post('/v1/audit', { changes: [change({ kind: kind as AuditChange['kind'] })] });
      expect(refused.status).toBe(422);
      expect(fieldsOf(refused)).toEqual(['changes.0.kind']);
    }
    for (const id of ['hosted-api', 'HOSTED-API', ' hosted-api ', 'hosted_api', 'hosted\u2011api', '\u202Eipa-detsoh', 'hosted-api\u0000', 'hosted-api\u200B']) {
      const refused = await cheat.post('/v1/audit', { changes: [change({ kind: 'score', machine: { id, name: 'Assessor laptop' } })] });
      expect([refused.status, fieldsOf(refused)]).toEqual([422, ['changes.0.machine.id']]);
    }
    for (const id of ['hosted:api', 'h0sted-api', 'hosted-ap1', 'hosted-api:']) {
      const refused = await cheat.post('/v1/audit', { changes: [change({ kind: 'score', machine: { id, name: 'Assessor laptop' } })] });
      expect([refused.status, fieldsOf(refused)]).toEqual([422, ['changes.0.machine.id']]);
    }
    for (const name of ['Hosted API', 'hosted  api', 'Hosted\u200BAPI', 'Ｈｏｓｔｅｄ API', 'the hosted API (server)', 'Ноstеd АРI', 'Ηosted ΑΡΙ', 'Hosted\u3164API', 'Hosted APl']) {
      const refused = await cheat.post('/v1/audit', { changes: [change({ kind: 'score', machine: { id: 'laptop-7f3a', name } })] });
      expect([refused.status, fieldsOf(refused)]).toEqual([422, ['changes.0.machine.name']]);
    }
  });

  it('refuses a change dated before the work was assigned or in the future, beyond five minutes either way', async () => {
    const before = new Date(Date.parse(claimedAt) - 6 * 60_000).toISOString();
    const backdated = await cheat.post('/v1/audit', { changes: [change({ kind: 'score', target: 'x', after: '1', at: before })] });
    expect([backdated.status, fieldsOf(backdated)]).toEqual([422, ['changes.0.at']]);
    expect(backdated.body.error?.message).toMatch(/before this submission was assigned/);
    for (const at of ['2099-01-01T00:00:00.000Z', new Date(Date.now() + 10 * 60_000).toISOString()]) {
      const ahead = await cheat.post('/v1/audit', { changes: [change({ at })] });
      expect([ahead.status, fieldsOf(ahead)]).toEqual([422, ['changes.0.at']]);
    }
  });

  it('refuses a change dated after the server received the decision; a "not yet" sent after it does not become the decision that stands', async () => {
    serverAheadMs = 60 * 60_000; // an hour later on the server
    try {
      const late = await cheat.post('/v1/audit', { changes: [change()] });
      expect(late.status).toBe(409);
      expect(late.body.error).toMatchObject({ code: 'decision_already_received' });
      // Backdated to just before the receipt it is recorded, as the assessor's own (late) story: the answer does not move.
      const story = await cheat.post('/v1/audit', { changes: [change({ at: new Date(Date.now()).toISOString() })] });
      expect(story.status).toBe(201);
      const answer = await appeal();
      expect(answer.decision?.value.outcome).toBe('award');
      expect(answer.changedAfter.map((entry) => entry.kind)).toEqual(['decision']); // shown to the lead as a change after
    } finally {
      serverAheadMs = 0;
    }
  });

  it('write access is for work assigned to the account: reading calibration material is not writing its trail', async () => {
    // Another assessor's decided submission, which a lead then puts in a calibration set.
    const second = await signedInClient(api.url, 'assessor2@example.org');
    const theirs = ok(await second.claim(1)).assignments[0]!.submissionId;
    const theirManifest = ok(await second.manifest(theirs));
    ok(await second.decide(theirs, randomUUID(), decisionFor(theirManifest, () => 3)));
    const scores = allCriteria(theirManifest.rubric).map((criterion) => ({ criterionId: criterion.id, level: 3, rationale: 'Master.' }));
    ok(await lead.createCalibrationSet({ credentialId: theirManifest.credential.id, title: 'With a decided one', items: [{ submissionId: theirs, scores }] }));
    expect((await cheat.get(`/v1/submissions/${theirs}`)).status).toBe(200); // readable as calibration material
    const refused = await cheat.post('/v1/audit', { changes: [change({ submissionId: theirs, kind: 'score', target: 'x', after: '1' })] });
    expect([refused.status, fieldsOf(refused)]).toEqual([422, ['changes.0.submissionId']]);
    expect(ok(await lead.auditTrail(theirs)).entries.every((entry) => entry.actor.id === 'acct-assessor-2')).toBe(true);
  });

  it('keeps every trail readable: one account’s writing about one submission has limits, and a change id is its writer’s', async () => {
    const [, other] = ok(await assessor.assignments()).assignments;
    const big = (): AuditChange => change({ submissionId: other!.submissionId, kind: 'rationale', target: 'x', before: 'a'.repeat(60_000), after: 'b'.repeat(60_000) });
    for (let upload = 0; upload < 2; upload++) expect((await cheat.post('/v1/audit', { changes: Array.from({ length: 8 }, big) })).status).toBe(201);
    const full = await cheat.post('/v1/audit', { changes: Array.from({ length: 8 }, big) });
    expect(full.status).toBe(422);
    expect(full.body.error?.fields?.[0]?.message).toMatch(/The trail on this submission is full/);
    expect(ok(await lead.auditTrail(other!.submissionId)).entries.length).toBe(16); // and the lead reads it
    // Another account's change id is refused, never silently dropped as if it were a resend.
    const second = await signedInClient(api.url, 'assessor2@example.org');
    const theirs = ok(await second.claim(1)).assignments[0]!.submissionId;
    const taken = change({ submissionId: theirs, kind: 'score', target: 'x', after: '2' });
    ok(await second.uploadAudit(randomUUID(), { changes: [taken] }));
    const collision = await cheat.post('/v1/audit', { changes: [{ ...taken, submissionId }] });
    expect([collision.status, collision.body.error?.code]).toEqual([409, 'id_taken']);
    // A decision as large as a request may be (5 MB) still leaves the trail readable for the lead.
    const theirManifest = ok(await second.manifest(theirs));
    const decision = decisionFor(theirManifest, () => 3);
    const video = theirManifest.evidence[0]!;
    const comments = Array.from({ length: 450 }, () => ({ id: randomUUID(), evidenceId: video.id, startMs: video.kind === 'video' || video.kind === 'audio' ? 1000 : null, endMs: null, page: video.kind === 'video' || video.kind === 'audio' ? null : 1, quote: null, region: null, body: 'n'.repeat(10_000), tag: 'note' as const, visibility: 'internal' as const, criterionIds: [] }));
    ok(await second.decide(theirs, randomUUID(), { ...decision, comments }));
    expect(ok(await lead.auditTrail(theirs)).entries.some((entry) => entry.kind === 'decision_received')).toBe(true);
  });

  it('still takes the honest workstation’s changes about its own work, once each', async () => {
    const [, other] = ok(await assessor.assignments()).assignments;
    const honest = change({ submissionId: other!.submissionId, kind: 'score', target: 'x', after: '2' });
    expect(ok(await assessor.uploadAudit(randomUUID(), { changes: [honest] }))).toEqual({ recorded: 1, alreadyRecorded: 0 });
    expect(ok(await assessor.uploadAudit(randomUUID(), { changes: [honest] }))).toEqual({ recorded: 0, alreadyRecorded: 1 });
  });
});
