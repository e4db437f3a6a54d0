import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCriteria } from '../../shared/domain/rubric';
import type { CalibrationResponseRequest, CalibrationSet, QualityRules } from '../../shared/hosted-api/quality';
import type { SubmissionManifest } from '../../shared/hosted-api/schemas';
import type { HostedApiClient } from '../../electron/core/hosted/api-client';
import type { HostedApi } from '../hosted-api/server';
import { decisionFor } from '../support/decisions';
import { DishonestClient, fieldsOf } from '../support/dishonest-client';
import { ok, signedInClient } from '../support/hosted-client';
import { startSeededApi } from '../support/reference-server';

// Qualification, lockout and gold items, tried as a dishonest assessor would: replaying a
// calibration answer after reading the master's levels, recognising gold items, sending levels the
// rubric does not have. Nothing they send changes a qualification, a lockout or the lead's figures.

const credentialId = 'dp-fl-credit-scores';
let api: HostedApi;
let stopApi: () => Promise<void>;
let lead: HostedApiClient;
let assessor: HostedApiClient;
let cheat: DishonestClient;
let calibration: CalibrationSet;
let recalibration: CalibrationSet;
const manifests = new Map<string, SubmissionManifest>();

const rules = (patch: Partial<QualityRules>): QualityRules => ({ credentialId, qualification: null, doubleScoringRate: 0, goldRate: 0, adjudicationTolerance: 0, backreadingRate: 0, lockout: null, ...patch });
/** Never-claimed submissions of the credential, for sets. */
const unclaimed = (count: number): string[] =>
  (
    api.store.sql(`SELECT id FROM submissions s WHERE credential_id = ? AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.submission_id = s.id) AND NOT EXISTS (SELECT 1 FROM calibration_items ci WHERE ci.submission_id = s.id) ORDER BY position DESC LIMIT ?`).all(credentialId, count) as { id: string }[]
  ).map((row) => row.id);
async function manifestOf(submissionId: string): Promise<SubmissionManifest> {
  const manifest = manifests.get(submissionId) ?? ok(await lead.manifest(submissionId));
  manifests.set(submissionId, manifest);
  return manifest;
}
async function createSet(title: string, submissionIds: string[], purpose: 'calibration' | 'gold' = 'calibration'): Promise<CalibrationSet> {
  const items = [];
  for (const submissionId of submissionIds) {
    const { rubric } = await manifestOf(submissionId);
    items.push({ submissionId, scores: allCriteria(rubric).map((criterion) => ({ criterionId: criterion.id, level: 3, rationale: 'Master: level 3.' })) });
  }
  return ok(await lead.createCalibrationSet({ credentialId, title, purpose, items }));
}
async function answerOf(set: CalibrationSet, level: number): Promise<CalibrationResponseRequest> {
  const submissionId = set.submissionIds[0]!;
  const { rubric } = await manifestOf(submissionId);
  return { submissionId, scores: allCriteria(rubric).map((criterion) => ({ criterionId: criterion.id, level, rationale: '' })), evidence: [], activeMs: 1000, respondedAt: new Date().toISOString() };
}
async function answer(set: CalibrationSet, level: number): Promise<ReturnType<HostedApiClient['respondToCalibration']>> {
  return assessor.respondToCalibration(set.id, randomUUID(), await answerOf(set, level));
}
/** A live submission of this test's credential, claimed (others claimed on the way stay claimed). */
async function claimOne(): Promise<string> {
  for (;;) {
    const [assignment] = ok(await assessor.claim(1)).assignments;
    if (!assignment) throw new Error('the live pool is used up');
    if ((await manifestOf(assignment.submissionId)).credential.id === credentialId) return assignment.submissionId;
  }
}
const status = async () => ok(await assessor.qualifications()).qualifications.find((item) => item.credentialId === credentialId)!;

beforeAll(async () => {
  ({ api, stop: stopApi } = await startSeededApi('assessor-integrity-quality-', {}, 20));
  lead = await signedInClient(api.url, 'lead@example.org');
  assessor = await signedInClient(api.url, 'assessor@example.org');
  cheat = await DishonestClient.signIn(api.url, 'assessor@example.org');
  calibration = await createSet('Qualification', unclaimed(1));
  recalibration = await createSet('Recalibration', unclaimed(1));
  ok(await lead.setQualityRules(rules({ qualification: { setId: calibration.id, minExactAgreement: 0.8, maxLevelsOff: 1 } })));
}, 60_000);
afterAll(() => stopApi());

describe('qualification cannot be replayed into', () => {
  it('keeps the first answer: a resend with the same key gets it back, another key is refused, the status does not move', async () => {
    const key = randomUUID();
    const wrong = await answerOf(calibration, 1);
    const first = ok(await assessor.respondToCalibration(calibration.id, key, wrong));
    expect(first.criteria.every((criterion) => criterion.masterLevel === 3)).toBe(true); // the master's levels, told for this item now
    expect(first.qualification.status).toBe('not_qualified');
    expect(ok(await assessor.respondToCalibration(calibration.id, key, wrong))).toEqual(first); // the same request again: the same answer
    const replay = await answer(calibration, 3);
    expect(replay).toMatchObject({ ok: false, failure: { kind: 'refused', status: 409, code: 'already_answered' } });
    expect(!replay.ok && replay.failure.kind === 'refused' && replay.failure.message).toMatch(/first answer to a calibration item is final/);
    expect(await status()).toMatchObject({ status: 'not_qualified', exactAgreement: 0 });
    // The lead's figures keep the first answer.
    const ratings = ok(await lead.leadRatings()).ratings.filter((rating) => rating.source === 'calibration' && rating.assessorId === 'acct-assessor-1');
    expect(new Set(ratings.map((rating) => rating.level))).toEqual(new Set([1]));
  });

  it('a retake is a lead’s recorded reset, never the assessor’s', async () => {
    const selfReset = await cheat.post(`/v1/calibration-sets/${calibration.id}/resets`, { accountId: 'acct-assessor-1', note: 'Let me try again.' });
    expect(selfReset.status).toBe(403);
    expect(await lead.resetCalibration(recalibration.id, randomUUID(), { accountId: 'acct-assessor-1', note: 'Nothing answered yet.' })).toMatchObject({ ok: false, failure: { kind: 'refused', code: 'nothing_to_reset' } });
    const reset = ok(await lead.resetCalibration(calibration.id, randomUUID(), { accountId: 'acct-assessor-1', note: 'Retake after the review call.' }));
    expect(reset).toMatchObject({ attempt: 2, openedBy: 'acct-lead', note: 'Retake after the review call.' });
    expect(ok(await answer(calibration, 3)).qualification.status).toBe('qualified');
    // The first answer still counts in the lead's figures: a retake comes after reading the master's levels.
    const ratings = ok(await lead.leadRatings()).ratings.filter((rating) => rating.source === 'calibration' && rating.assessorId === 'acct-assessor-1');
    expect(new Set(ratings.map((rating) => rating.level))).toEqual(new Set([1]));
  });

  it('a lockout is not lifted by replaying a recalibration answer, nor by master levels read before it', async () => {
    // A blank answer would read the master's levels for free: every criterion must be scored.
    const peek = await cheat.post(`/v1/calibration-sets/${recalibration.id}/responses`, { ...(await answerOf(recalibration, 3)), scores: [] });
    expect([peek.status, fieldsOf(peek)]).toEqual([422, ['scores']]);
    expect(JSON.stringify(peek.body)).not.toMatch(/masterLevel/);
    ok(await answer(recalibration, 2)); // answered (and its master levels read) before any lockout
    const lockout = { minGoldExact: null, goldWindow: 10, maxOverrideShare: 0.1, backreadWindow: 1, recalibrationSetId: recalibration.id, minExactAgreement: 0.8, maxLevelsOff: 1 };
    ok(await lead.setQualityRules(rules({ qualification: { setId: calibration.id, minExactAgreement: 0.8, maxLevelsOff: 1 }, backreadingRate: 1, lockout })));
    const submissionId = await claimOne();
    ok(await assessor.decide(submissionId, randomUUID(), decisionFor(await manifestOf(submissionId), () => 3)));
    const backread = ok(await lead.backreads()).backreads.find((item) => item.submissionId === submissionId)!;
    ok(await lead.reviewBackread(submissionId, randomUUID(), { criteria: backread.decision.scores.map((score) => ({ criterionId: score.criterionId, verdict: 'override', level: 1, note: 'Not in the evidence.' })), note: '' }));
    // They read the set's master levels before: answering it again cannot lift the lockout; only a lead's recorded retake can open it.
    const locked = await status();
    expect(locked).toMatchObject({ status: 'locked_out', lockout: { recalibration: { scoredItems: 0, needsLead: true } } });
    expect(locked.reason).toMatch(/a lead must allow a retake/);
    expect(await answer(recalibration, 3)).toMatchObject({ ok: false, failure: { kind: 'refused', code: 'already_answered' } });
    expect((await status()).status).toBe('locked_out');
    ok(await lead.resetCalibration(recalibration.id, randomUUID(), { accountId: 'acct-assessor-1', note: 'Retake, knowing they have read the masters.' }));
    expect(await status()).toMatchObject({ status: 'locked_out', lockout: { recalibration: { needsLead: false } } });
    ok(await answer(recalibration, 1)); // wrong, and final
    expect(await answer(recalibration, 3)).toMatchObject({ ok: false, failure: { kind: 'refused', code: 'already_answered' } });
    expect(await status()).toMatchObject({ status: 'locked_out', lockout: { recalibration: { lastAttempt: { exactAgreement: 0 } } } });
    expect((await cheat.post('/v1/lockouts/lift', { accountId: 'acct-assessor-1', credentialId, note: 'I lift myself.' })).status).toBe(403);
    ok(await lead.liftLockout(randomUUID(), { accountId: 'acct-assessor-1', credentialId, note: 'Went through the overrides together.' })); // the honest way out
    // Lifted, the rule reads only what comes next: the next decision does not lock them out again on the old reviews.
    const next = await claimOne();
    ok(await assessor.decide(next, randomUUID(), decisionFor(await manifestOf(next), () => 3)));
    expect((await status()).status).toBe('qualified');
    // A retake a lead opens before a lockout (blank, for practice) does not count for it: the masters were read.
    ok(await lead.resetCalibration(recalibration.id, randomUUID(), { accountId: 'acct-assessor-1', note: 'Practice, before anything happens.' }));
    const again = ok(await lead.backreads()).backreads.find((item) => item.submissionId === next)!;
    ok(await lead.reviewBackread(next, randomUUID(), { criteria: again.decision.scores.map((score) => ({ criterionId: score.criterionId, verdict: 'override', level: 1, note: 'Not in the evidence.' })), note: '' }));
    expect(await status()).toMatchObject({ status: 'locked_out', lockout: { recalibration: { needsLead: true } } });
    ok(await answer(recalibration, 3)); // the practice attempt takes the answer…
    expect((await status()).status).toBe('locked_out'); // …which lifts nothing
    ok(await lead.liftLockout(randomUUID(), { accountId: 'acct-assessor-1', credentialId, note: 'Talked it through again.' }));
    ok(await lead.setQualityRules(rules({ qualification: { setId: calibration.id, minExactAgreement: 0.8, maxLevelsOff: 1 } })));
  });
});

describe('gold items cannot be recognised', () => {
  it('comes from a pool the assessor is never shown, and nothing in a claim or in the accuracy report marks the copy out', async () => {
    const [source] = unclaimed(1);
    const gold = await createSet('Gold pool', [source!], 'gold');
    expect((await cheat.get('/v1/calibration-sets')).body.sets).not.toContainEqual(expect.objectContaining({ id: gold.id }));
    expect((await cheat.get(`/v1/submissions/${source!}`)).status).toBe(404);
    const evidenceId = (await manifestOf(source!)).evidence[0]!.id;
    expect((await cheat.get(`/v1/evidence/${evidenceId}`)).status).toBe(404);
    ok(await lead.setQualityRules(rules({ qualification: { setId: calibration.id, minExactAgreement: 0.8, maxLevelsOff: 1 }, goldRate: 1 })));
    const claimed = ok(await assessor.claim(3)).assignments;
    expect(claimed).toHaveLength(3); // the pool has one: the other slots are live work
    const copy = claimed.find((item) => api.store.gold.isGoldItem(item.submissionId))!;
    const served = ok(await assessor.manifest(copy.submissionId));
    expect(served.id).toMatch(/^sub-[0-9a-f]{12}$/);
    // Its files are the source's, exactly (a file altered for the copy would be one seen nowhere else), and the source was never theirs.
    expect(served.evidence.map((item) => [item.sha256, item.bytes])).toEqual((await manifestOf(source!)).evidence.map((item) => [item.sha256, item.bytes]));
    expect(api.store.wasAssigned('acct-assessor-1', source!)).toBe(false);
    // Deciding it says nothing today: gold results count in the assessor's accuracy from the next day.
    ok(await assessor.decide(copy.submissionId, randomUUID(), decisionFor(served, () => 3)));
    expect(ok(await assessor.accuracy()).weeks.reduce((sum, week) => sum + week.criteria, 0)).toBe(0);
    // The labels run in order along the queue: the copy's gives nothing away.
    const labels = [];
    for (const item of claimed) labels.push(ok(await assessor.manifest(item.submissionId)).label);
    expect(labels).toEqual([...labels].sort());
    // The pool is spent for this assessor: the same gold submission never comes back to them.
    ok(await lead.setQualityRules(rules({ qualification: { setId: calibration.id, minExactAgreement: 0.8, maxLevelsOff: 1 }, goldRate: 1 })));
    const again = ok(await assessor.claim(3)).assignments;
    expect(again.some((item) => api.store.gold.isGoldItem(item.submissionId))).toBe(false);
    ok(await lead.setQualityRules(rules({ qualification: { setId: calibration.id, minExactAgreement: 0.8, maxLevelsOff: 1 } })));
  });
});

describe('gold copies behave like live work', () => {
  it('several in one claim take their places in the label sequence, a released one comes back, and a lockout from gold comes a day late', async () => {
    await createSet('Gold pool, more', unclaimed(3), 'gold');
    const lockout = { minGoldExact: 0.99, goldWindow: 1, maxOverrideShare: null, backreadWindow: 10, recalibrationSetId: recalibration.id, minExactAgreement: 0.8, maxLevelsOff: 1 };
    ok(await lead.setQualityRules(rules({ goldRate: 1, lockout })));
    const second = await signedInClient(api.url, 'assessor2@example.org');
    const claimed = ok(await second.claim(5)).assignments;
    const copies = claimed.filter((item) => api.store.gold.isGoldItem(item.submissionId));
    expect(copies.length).toBeGreaterThanOrEqual(3);
    const labels = [];
    for (const item of claimed) labels.push(Number(/\d+$/.exec(ok(await second.manifest(item.submissionId)).label)![0]));
    expect(labels).toEqual([...labels].sort((a, b) => a - b)); // in queue order
    expect(labels.at(-1)! - labels[0]!).toBeLessThan(2 * claimed.length); // and together, like a live batch's
    // Released, a gold copy comes back to its assessor like released live work does.
    const released = copies[0]!.submissionId;
    expect((await DishonestClient.signIn(api.url, 'assessor2@example.org').then((client) => client.post(`/v1/submissions/${released}/release`, {}))).status).toBe(204);
    expect(ok(await second.claim(5)).assignments.map((item) => item.submissionId)).toContain(released);
    // A gold item scored badly: the lockout does not say so at once (it would say which item was gold), a day later it does.
    const bad = copies[1]!.submissionId;
    ok(await second.decide(bad, randomUUID(), decisionFor(ok(await second.manifest(bad)), () => 1)));
    expect(ok(await second.qualifications()).qualifications.find((item) => item.credentialId === credentialId)?.status).not.toBe('locked_out');
    const tomorrow = api.store.quality.qualifications('acct-assessor-2', new Date(Date.now() + 25 * 3600_000)).find((item) => item.credentialId === credentialId);
    expect(tomorrow).toMatchObject({ status: 'locked_out', lockout: { trigger: 'gold' } });
    ok(await lead.liftLockout(randomUUID(), { accountId: 'acct-assessor-2', credentialId, note: 'Test over.' }));
    ok(await lead.setQualityRules(rules({ qualification: { setId: calibration.id, minExactAgreement: 0.8, maxLevelsOff: 1 } })));
  });
});

describe('decisions, resolutions and reviews the rubric does not allow', () => {
  it('refuses each with 422 naming the field, and none reaches the lead’s figures; the honest decision goes', async () => {
    const submissionId = ok(await assessor.claim(1)).assignments[0]!.submissionId;
    const manifest = await manifestOf(submissionId);
    const honest = decisionFor(manifest, () => 3);
    const [first, second] = honest.scores;
    const foreign = (await manifestOf(calibration.submissionIds[0]!)).evidence[0]!.id;
    const comment = { id: randomUUID(), evidenceId: foreign, startMs: 1000, endMs: null, page: null, quote: null, region: null, body: 'See here.', tag: 'note', visibility: 'candidate', criterionIds: [first!.criterionId] };
    const cases: [unknown, string][] = [
      [{ ...honest, scores: [{ ...first!, level: 9 }, ...honest.scores.slice(1)] }, 'scores.0.level'],
      [{ ...honest, scores: [{ ...first!, criterionId: 'no-such-criterion' }, ...honest.scores.slice(1)] }, 'scores.0.criterionId'],
      [{ ...honest, scores: [...honest.scores, { ...second! }] }, `scores.${honest.scores.length}.criterionId`],
      [{ ...honest, comments: [comment] }, 'comments.0.evidenceId'],
      [{ ...honest, decidedAt: '2099-01-01T00:00:00.000Z' }, 'decidedAt'],
      [{ ...honest, scores: honest.scores.map((score) => ({ ...score, level: 1 })) }, 'outcome'], // an award the pass rule does not give
      [{ ...honest, note: 'Fine\u202Eevoba' }, 'note'],
      [{ ...honest, comments: [{ ...comment, evidenceId: manifest.evidence[0]!.id, startMs: 86_000_000 }] }, 'comments.0.startMs'], // past the end of the recording
      [{ ...honest, comments: [{ ...comment, evidenceId: manifest.evidence[0]!.id, startMs: null, page: 9999, quote: 'here' }] }, 'comments.0.startMs'], // a page on a video
    ];
    for (const [body, field] of cases) {
      const refused = await cheat.post(`/v1/submissions/${submissionId}/decision`, body);
      expect([refused.status, fieldsOf(refused)]).toEqual([422, [field]]);
    }
    // A "not yet" whose feedback shows nothing (characters that draw nothing) cites nothing for the candidate.
    for (const body of ['\u200B\u200B', '\u3164\u3164', '\u2800', '\u0301\u0302', '\uFFFC', '\u{E0020}']) {
      const blank = { ...comment, evidenceId: manifest.evidence[0]!.id, body, criterionIds: honest.scores.map((score) => score.criterionId) };
      const hollow = await cheat.post(`/v1/submissions/${submissionId}/decision`, { ...honest, outcome: 'not_yet', scores: honest.scores.map((score) => ({ ...score, level: 1 })), comments: [blank] });
      expect([hollow.status, fieldsOf(hollow)]).toEqual([422, ['outcome']]);
    }
    // A written response has one page, and a quote from it is in it.
    const written = manifest.evidence.find((item) => item.kind === 'text');
    if (written) {
      const onText = { ...comment, evidenceId: written.id, startMs: null, page: 1 };
      for (const [patch, field] of [[{ page: 2, quote: null }, 'comments.0.page'], [{ quote: 'words the candidate never wrote' }, 'comments.0.quote'], [{ quote: '\u3164' }, 'comments.0.quote']] as const) {
        const refused = await cheat.post(`/v1/submissions/${submissionId}/decision`, { ...honest, comments: [{ ...onText, ...patch }] });
        expect([refused.status, fieldsOf(refused)]).toEqual([422, [field]]);
      }
      // A passage that is there passes (the request is refused for its date alone, so nothing is decided yet).
      const quoted = await cheat.post(`/v1/submissions/${submissionId}/decision`, { ...honest, decidedAt: '2099-01-01T00:00:00.000Z', comments: [{ ...onText, quote: written.text!.replace(/\s+/g, ' ').trim().slice(0, 30) }] });
      expect([quoted.status, fieldsOf(quoted)]).toEqual([422, ['decidedAt']]);
    }
    // A refused decision kept for the lead is held to its rubric too.
    const note = await cheat.post(`/v1/submissions/${submissionId}/lead-notes`, { reason: 'lease_expired', decision: { ...honest, scores: [{ ...first!, level: 9 }, ...honest.scores.slice(1)] } });
    expect([note.status, fieldsOf(note)]).toEqual([422, ['decision.scores.0.level']]);
    expect(ok(await lead.leadRatings()).ratings.some((rating) => rating.submissionId === submissionId)).toBe(false);
    expect(api.store.quality.decisionsOn(submissionId)).toEqual([]);
    ok(await assessor.decide(submissionId, randomUUID(), honest));
  });

  it('refuses a resolution off the rubric, and a lead reviewing their own work; a lead cannot name a set that does not fit in the rules', async () => {
    const second = await signedInClient(api.url, 'assessor2@example.org');
    for (const credential of api.store.quality.credentialIds()) ok(await lead.setQualityRules({ ...rules({ doubleScoringRate: 1, backreadingRate: 1 }), credentialId: credential }));
    // The lead scores live work too: their own decision is sampled, and one submission is read by them and another assessor.
    const [mine] = ok(await lead.claim(1)).assignments;
    const manifest = await manifestOf(mine!.submissionId);
    ok(await lead.decide(mine!.submissionId, randomUUID(), decisionFor(manifest, () => 3)));
    const [theirs] = ok(await second.claim(20)).assignments.filter((item) => item.submissionId === mine!.submissionId);
    ok(await second.decide(theirs!.submissionId, randomUUID(), decisionFor(manifest, () => 1)));

    // Their queues do not offer it; asking anyway is refused.
    expect(ok(await lead.backreads()).backreads.map((item) => item.submissionId)).not.toContain(mine!.submissionId);
    expect(ok(await lead.adjudications()).adjudications.map((item) => item.submissionId)).not.toContain(mine!.submissionId);
    const verdicts = allCriteria(manifest.rubric).map((criterion) => ({ criterionId: criterion.id, verdict: 'agree' as const, level: null, note: '' }));
    expect(await lead.reviewBackread(mine!.submissionId, randomUUID(), { criteria: verdicts, note: '' })).toMatchObject({ ok: false, failure: { kind: 'refused', status: 403, code: 'own_work' } });
    const resolution = { outcome: 'award' as const, scores: allCriteria(manifest.rubric).map((criterion) => ({ criterionId: criterion.id, level: 3, rationale: '' })), note: '' };
    expect(await lead.resolveAdjudication(mine!.submissionId, randomUUID(), resolution)).toMatchObject({ ok: false, failure: { kind: 'refused', status: 403, code: 'own_work' } });
    // Nor their own lockout or retake: another lead decides those (whatever the lead's standing, asking is refused first).
    expect(await lead.liftLockout(randomUUID(), { accountId: 'acct-lead', credentialId, note: 'Lifting my own.' })).toMatchObject({ ok: false, failure: { kind: 'refused', status: 403, code: 'own_work' } });
    const { id: setId } = api.store.db.prepare(`SELECT id FROM calibration_sets LIMIT 1`).get() as { id: string };
    expect(await lead.resetCalibration(setId, randomUUID(), { accountId: 'acct-lead', note: 'A retake for me.' })).toMatchObject({ ok: false, failure: { kind: 'refused', status: 403, code: 'own_work' } });
    const offScale = await lead.resolveAdjudication(mine!.submissionId, randomUUID(), { ...resolution, scores: [{ ...resolution.scores[0]!, level: 9 }, ...resolution.scores.slice(1)] });
    expect(offScale).toMatchObject({ ok: false, failure: { kind: 'invalid', fields: [{ path: 'scores.0.level' }] } });
    const missing = await lead.resolveAdjudication(mine!.submissionId, randomUUID(), { ...resolution, scores: resolution.scores.slice(1) });
    expect(missing).toMatchObject({ ok: false, failure: { kind: 'invalid', fields: [{ path: 'scores' }] } });

    // Another lead may: the honest path.
    await api.store.auth.addAccount({ id: 'acct-lead-2', email: 'lead2@example.org', displayName: 'Lead Two', roles: ['assessor', 'lead'] }, 'correct horse battery staple');
    const otherLead = await signedInClient(api.url, 'lead2@example.org');
    ok(await otherLead.resolveAdjudication(mine!.submissionId, randomUUID(), resolution));
    ok(await otherLead.reviewBackread(mine!.submissionId, randomUUID(), { criteria: verdicts, note: '' }));

    const gold = ok(await lead.calibrationSets()).sets.find((set) => set.purpose === 'gold')!;
    const lockout = (setId: string) => ({ minGoldExact: null, goldWindow: 10, maxOverrideShare: 0.5, backreadWindow: 5, recalibrationSetId: setId, minExactAgreement: 0.8, maxLevelsOff: 1 });
    const otherCredentialSet = await (async () => {
      const [id] = (api.store.sql(`SELECT id FROM submissions WHERE credential_id != ? AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.submission_id = submissions.id) LIMIT 1`).all(credentialId) as { id: string }[]).map((row) => row.id);
      const { rubric, credential } = await manifestOf(id!);
      return ok(await lead.createCalibrationSet({ credentialId: credential.id, title: 'Elsewhere', items: [{ submissionId: id!, scores: allCriteria(rubric).map((criterion) => ({ criterionId: criterion.id, level: 3, rationale: 'M.' })) }] }));
    })();
    for (const setId of ['set-does-not-exist', otherCredentialSet.id, gold.id]) {
      expect(await lead.setQualityRules(rules({ lockout: lockout(setId) }))).toMatchObject({ ok: false, failure: { kind: 'invalid', fields: [{ path: 'lockout.recalibrationSetId' }] } });
      expect(await lead.setQualityRules(rules({ qualification: { setId, minExactAgreement: 0.8, maxLevelsOff: 1 } }))).toMatchObject({ ok: false, failure: { kind: 'invalid', fields: [{ path: 'qualification.setId' }] } });
    }
    ok(await lead.setQualityRules(rules({ lockout: lockout(recalibration.id) })));
  });
});
