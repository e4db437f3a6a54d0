import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCriteria } from '../../shared/domain/rubric';
import type { RubricVersion } from '../../shared/domain/rubric';
import type { SubmissionManifest } from '../../shared/hosted-api/schemas';
import { decisionFor } from '../support/decisions';
import type { CalibrationSet, QualityRules } from '../../shared/hosted-api/quality';
import type { HostedApiClient } from '../../electron/core/hosted/api-client';
import { ok, signedInClient } from '../support/hosted-client';
import { projectPaths } from '../../electron/launcher/project-paths';
import { sampleDraw } from '../hosted-api/backreading-store';
import { seed } from '../hosted-api/seed';
import { defaultOpenApiFile, startHostedApi } from '../hosted-api/server';
import type { HostedApi } from '../hosted-api/server';
import { cleanup } from '../e2e/harness';
import { tempDir } from '../support/core-fixture';

const root = projectPaths().root;
const credentials = ['dp-fl-credit-scores', 'dp-fl-compound-interest', 'dp-fl-risk-return'];
let serverDir: string;
let api: HostedApi;
let lead: HostedApiClient;
let assessor: HostedApiClient;
let second: HostedApiClient;
/** Per credential: a one-submission recalibration set and its master levels. */
const recalibration = new Map<string, { set: CalibrationSet; rubric: RubricVersion; level: number }>();

const signIn = (email: string): Promise<HostedApiClient> => signedInClient(api.url, email);
const manifests = new Map<string, SubmissionManifest>();
async function manifestOf(client: HostedApiClient, submissionId: string): Promise<SubmissionManifest> {
  const manifest = manifests.get(submissionId) ?? ok(await client.manifest(submissionId));
  manifests.set(submissionId, manifest);
  return manifest;
}
async function decide(client: HostedApiClient, submissionId: string, level = 3): Promise<void> {
  ok(await client.decide(submissionId, randomUUID(), decisionFor(await manifestOf(client, submissionId), () => level)));
}
const rules = (credentialId: string, patch: Partial<QualityRules>): QualityRules => ({ credentialId, qualification: null, doubleScoringRate: 0, goldRate: 0, adjudicationTolerance: 0, backreadingRate: 0, lockout: null, ...patch });
const credentialOf = (submissionId: string): string => (api.store.sql('SELECT credential_id FROM submissions WHERE id = ?').get(submissionId) as { credential_id: string }).credential_id;

beforeAll(async () => {
  serverDir = tempDir('assessor-backreading-');
  api = await startHostedApi({ dataDir: serverDir, port: 0, openApiFile: defaultOpenApiFile(root) });
  await seed(api.store, 'demo', join(root, 'resources', 'demo'), serverDir, 150); // 1,050 submissions
  lead = await signIn('lead@example.org');
  assessor = await signIn('assessor@example.org');
  second = await signIn('assessor2@example.org');
  for (const credentialId of credentials) {
    const [candidate] = ok(await lead.calibrationCandidates(credentialId)).submissions;
    const { rubric } = await manifestOf(lead, candidate!.id);
    const scores = allCriteria(rubric).map((criterion) => ({ criterionId: criterion.id, level: 3, rationale: 'Master: level 3.', evidence: [] }));
    const set = ok(await lead.createCalibrationSet({ credentialId, title: `Recalibration ${credentialId}`, items: [{ submissionId: candidate!.id, scores }] }));
    recalibration.set(credentialId, { set, rubric, level: 3 });
  }
}, 120_000);
afterAll(async () => {
  await api.close();
  cleanup(serverDir);
});

describe('backreading', () => {
  it('samples each assessor’s live decisions at the credential’s rate (within sampling error over a large batch) after they reach the server', async () => {
    const rate = 0.1;
    for (const credentialId of credentials) ok(await lead.setQualityRules(rules(credentialId, { backreadingRate: rate })));
    const decided: string[] = [];
    while (decided.length < 600) {
      const { assignments } = ok(await assessor.claim(100));
      for (const assignment of assignments) {
        await decide(assessor, assignment.submissionId);
        decided.push(assignment.submissionId);
      }
    }
    const sampled = ok(await lead.backreads()).backreads.filter((item) => item.decision.assessor.id === 'acct-assessor-1');
    const expected = decided.length * rate;
    const sd = Math.sqrt(decided.length * rate * (1 - rate));
    expect(Math.abs(sampled.length - expected)).toBeLessThan(3 * sd); // 600 decisions: 60 ± 22
    // The draw is the decision's own: the same ones, whatever order they arrived in.
    expect(new Set(sampled.map((item) => item.submissionId))).toEqual(new Set(decided.filter((id) => sampleDraw(id, 'acct-assessor-1') < rate)));
    expect(sampled.every((item) => item.reason === 'sampled' && item.review === null && item.decision.scores.length > 0)).toBe(true);
  }, 120_000);

  it('a lead agrees or overrides per criterion with a note; overrides reach the assessor as feedback and count in their accuracy and the lead’s figures', async () => {
    const [item] = ok(await lead.backreads()).backreads.filter((candidate) => candidate.review === null);
    const { rubric } = await manifestOf(lead, item!.submissionId);
    const [first, ...rest] = allCriteria(rubric);
    const bad = await lead.reviewBackread(item!.submissionId, randomUUID(), { criteria: [{ criterionId: first!.id, verdict: 'override', level: 2, note: '' }], note: '' });
    expect(bad).toMatchObject({ ok: false, failure: { kind: 'invalid' } }); // an override needs a note
    const partial = await lead.reviewBackread(item!.submissionId, randomUUID(), { criteria: [{ criterionId: first!.id, verdict: 'agree', level: null, note: '' }], note: '' });
    expect(partial).toMatchObject({ ok: false, failure: { kind: 'invalid' } }); // every criterion needs a verdict
    const review = {
      criteria: [{ criterionId: first!.id, verdict: 'override' as const, level: 2, note: 'The discussion at 0:12 is teacher-led.' }, ...rest.map((criterion) => ({ criterionId: criterion.id, verdict: 'agree' as const, level: null, note: '' }))],
      note: 'Mostly right; see the first criterion.',
    };
    ok(await lead.reviewBackread(item!.submissionId, randomUUID(), review));
    expect(await lead.reviewBackread(item!.submissionId, randomUUID(), review)).toMatchObject({ ok: false, failure: { kind: 'refused', code: 'already_reviewed' } }); // another lead was first

    const { reviews } = ok(await assessor.backreadFeedback());
    expect(reviews[0]).toMatchObject({ submissionId: item!.submissionId, note: 'Mostly right; see the first criterion.' });
    expect(reviews[0]!.criteria[0]).toEqual({ criterionId: first!.id, title: first!.title, level: 3, verdict: 'override', leadLevel: 2, note: 'The discussion at 0:12 is teacher-led.' });
    const weeks = ok(await assessor.accuracy()).weeks;
    expect(weeks.reduce((sum, week) => sum + week.backread, 0)).toBe(allCriteria(rubric).length);
    expect(weeks.reduce((sum, week) => sum + week.overridden, 0)).toBe(1);
    const ratings = ok(await lead.leadRatings()).ratings.filter((rating) => rating.source === 'backread');
    expect(ratings.find((rating) => rating.criterionId === first!.id)).toMatchObject({ level: 3, masterLevel: 2, assessorId: 'acct-assessor-1' });
  });
});

describe('lockout and recalibration', () => {
  it('locks an assessor out by the rule, refuses their claims with the reason, keeps claimed work scoreable (and backread), lifts on recalibration or by a lead with a note', async () => {
    for (const credentialId of credentials) {
      const { set } = recalibration.get(credentialId)!;
      const lockout = { minGoldExact: null, goldWindow: 10, maxOverrideShare: 0.3, backreadWindow: 1, recalibrationSetId: set.id, minExactAgreement: 0.8, maxLevelsOff: 1 };
      ok(await lead.setQualityRules(rules(credentialId, { backreadingRate: 1, lockout })));
    }
    // The second assessor claims enough to hold work of every credential and decides one of each.
    const { assignments } = ok(await second.claim(40));
    const byCredential = new Map<string, string[]>();
    for (const assignment of assignments) byCredential.set(credentialOf(assignment.submissionId), [...(byCredential.get(credentialOf(assignment.submissionId)) ?? []), assignment.submissionId]);
    expect([...byCredential.keys()].sort()).toEqual([...credentials].sort());
    for (const credentialId of credentials) await decide(second, byCredential.get(credentialId)![0]!);

    // A lead overrides every criterion of each: over the rule's share, so each credential locks.
    for (const item of ok(await lead.backreads()).backreads.filter((candidate) => candidate.decision.assessor.id === 'acct-assessor-2' && candidate.review === null)) {
      const criteria = item.decision.scores.map((score) => ({ criterionId: score.criterionId, verdict: 'override' as const, level: 1, note: 'Not supported by the evidence.' }));
      ok(await lead.reviewBackread(item.submissionId, randomUUID(), { criteria, note: '' }));
    }
    const statuses = ok(await second.qualifications()).qualifications;
    expect(statuses.map((status) => status.status)).toEqual(['locked_out', 'locked_out', 'locked_out']);
    expect(statuses[0]!.lockout).toMatchObject({ trigger: 'backread', figure: 1, threshold: 0.3, window: 1, recalibration: { scoredItems: 0, requiredItems: 1 }, lifted: null });
    const refused = await second.claim(5);
    expect(refused).toMatchObject({ ok: false, failure: { kind: 'refused', status: 403 } });
    expect(JSON.stringify(refused)).toMatch(/Live claims suspended: a lead overrode 100% of the criteria backread in the last 1 decisions\. Score the recalibration set/);

    // Work claimed before the lockout is still theirs to finish, and every such decision is backread.
    const stillHeld = byCredential.get(credentials[0]!)![1]!;
    await decide(second, stillHeld);
    expect(ok(await lead.backreads()).backreads.find((item) => item.submissionId === stillHeld)).toMatchObject({ reason: 'lockout' });

    // Recalibrating on the first credential lifts that lockout (and only that one).
    const { set, rubric, level } = recalibration.get(credentials[0]!)!;
    const respond = (levelGiven: number) =>
      second.respondToCalibration(set.id, randomUUID(), {
        submissionId: set.submissionIds[0]!,
        scores: allCriteria(rubric).map((criterion) => ({ criterionId: criterion.id, level: levelGiven, rationale: '' })),
        activeMs: 1000,
        respondedAt: new Date().toISOString(),
      });
    const failed = ok(await respond(level - 2)); // two levels off: not enough
    expect(failed.qualification).toMatchObject({ status: 'locked_out', lockout: { recalibration: { scoredItems: 1, lastAttempt: { exactAgreement: 0, maxLevelsOff: 2 } } } });
    // The answer is final: answering again (now knowing the master's level) is refused; a retake is a lead's recorded reset.
    expect(await respond(level)).toMatchObject({ ok: false, failure: { kind: 'refused', status: 409, code: 'already_answered' } });
    ok(await lead.resetCalibration(set.id, randomUUID(), { accountId: 'acct-assessor-2', note: 'Retake after we went through the overrides.' }));
    const passed = ok(await respond(level));
    expect(passed.qualification.status).not.toBe('locked_out');
    const claimed = ok(await second.claim(5)).assignments;
    expect(claimed.length).toBeGreaterThan(0);
    expect(new Set(claimed.map((assignment) => credentialOf(assignment.submissionId)))).toEqual(new Set([credentials[0]]));

    // A lead lifts another with a note (a note is required).
    expect(await lead.liftLockout(randomUUID(), { accountId: 'acct-assessor-2', credentialId: credentials[1]!, note: ' ' })).toMatchObject({ ok: false, failure: { kind: 'invalid' } });
    const { lockouts } = ok(await lead.liftLockout(randomUUID(), { accountId: 'acct-assessor-2', credentialId: credentials[1]!, note: 'Discussed the overrides by phone; re-read the rubric.' }));
    expect(lockouts.find((item) => item.credentialId === credentials[1])?.lifted).toMatchObject({ how: 'lead', by: 'acct-lead', note: 'Discussed the overrides by phone; re-read the rubric.' });
    expect(lockouts.find((item) => item.credentialId === credentials[0])?.lifted).toMatchObject({ how: 'recalibrated' });
    expect(lockouts.find((item) => item.credentialId === credentials[2])?.lifted).toBeNull();
    expect(ok(await lead.leadRatings()).lockouts).toHaveLength(3);
    expect(await assessor.liftLockout(randomUUID(), { accountId: 'acct-assessor-2', credentialId: credentials[2]!, note: 'me' })).toMatchObject({ ok: false, failure: { kind: 'refused', status: 403 } });
  });

  it('locks out on gold items too: exact agreement below the rule over the last gold items', async () => {
    const credentialId = credentials[1]!;
    const { set } = recalibration.get(credentialId)!;
    const lockout = { minGoldExact: 0.7, goldWindow: 1, maxOverrideShare: null, backreadWindow: 10, recalibrationSetId: set.id, minExactAgreement: 0.8, maxLevelsOff: 1 };
    // A gold pool of one submission nobody has been given, scored 3 everywhere by the master.
    const source = api.store.sql(`SELECT id FROM submissions s WHERE credential_id = ? AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.submission_id = s.id) AND NOT EXISTS (SELECT 1 FROM calibration_items ci WHERE ci.submission_id = s.id) LIMIT 1`).get(credentialId) as { id: string };
    const { rubric } = await manifestOf(lead, source.id);
    const scores = allCriteria(rubric).map((criterion) => ({ criterionId: criterion.id, level: 3, rationale: 'Gold master: level 3.' }));
    ok(await lead.createCalibrationSet({ credentialId, title: 'Gold pool', purpose: 'gold', items: [{ submissionId: source.id, scores }] }));
    ok(await lead.setQualityRules(rules(credentialId, { goldRate: 1, lockout })));
    const { assignments } = ok(await assessor.claim(1));
    const gold = assignments[0]!.submissionId;
    expect(api.store.gold.isGoldItem(gold)).toBe(true); // hidden among live work
    await decide(assessor, gold, 1); // the master gave 3 everywhere
    // Gold results count a day after the decision (at once, the lockout would say which item was gold).
    expect(ok(await assessor.qualifications()).qualifications.find((item) => item.credentialId === credentialId)?.status).not.toBe('locked_out');
    const status = api.store.quality.qualifications('acct-assessor-1', new Date(Date.now() + 25 * 3600_000)).find((item) => item.credentialId === credentialId);
    expect(status).toMatchObject({ status: 'locked_out', lockout: { trigger: 'gold', figure: 0, threshold: 0.7, window: 1, recalibration: { setId: set.id } } });
    expect(status?.reason).toMatch(/exact agreement on the last 1 gold items was 0%/);
  });
});
