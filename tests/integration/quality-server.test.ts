import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCriteria } from '../../shared/domain/rubric';
import type { RubricVersion } from '../../shared/domain/rubric';
import type { CalibrationSet, QualityRules } from '../../shared/hosted-api/quality';
import type { HostedApiClient } from '../../electron/core/hosted/api-client';
import { decisionFor } from '../support/decisions';
import { ok, signedInClient } from '../support/hosted-client';
import { projectPaths } from '../../electron/launcher/project-paths';
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
const sets = new Map<string, CalibrationSet>();
/** The gold pool of credentials[1]: submissions no assessor is ever shown. */
let goldSet: CalibrationSet;
const masters = new Map<string, { rubric: RubricVersion; levels: Map<string, number> }>();

const signIn = (email: string): Promise<HostedApiClient> => signedInClient(api.url, email);
async function respondToSet(client: HostedApiClient, set: CalibrationSet, level: (submissionId: string, criterionId: string, master: number) => number): Promise<void> {
  for (const submissionId of set.submissionIds) {
    const master = masters.get(submissionId)!;
    ok(
      await client.respondToCalibration(set.id, randomUUID(), {
        submissionId,
        scores: allCriteria(master.rubric).map((criterion) => ({ criterionId: criterion.id, level: level(submissionId, criterion.id, master.levels.get(criterion.id)!), rationale: '' })),
        activeMs: 1000,
        respondedAt: new Date().toISOString(),
      }),
    );
  }
}

beforeAll(async () => {
  serverDir = tempDir('assessor-quality-');
  api = await startHostedApi({ dataDir: serverDir, port: 0, openApiFile: defaultOpenApiFile(root), faults: { seed: 3 } });
  await seed(api.store, 'demo', join(root, 'resources', 'demo'), serverDir, 150); // 1,050 submissions
  lead = await signIn('lead@example.org');
  assessor = await signIn('assessor@example.org');
  second = await signIn('assessor2@example.org');
}, 120_000);
afterAll(async () => {
  await api.close();
  cleanup(serverDir);
});

describe('calibration, qualification, double scoring, adjudication and gold items on the reference server', () => {
  it('lets a lead build calibration sets with master scores (checked against the rubric) and set the rules', async () => {
    for (const credentialId of credentials) {
      const { submissions } = ok(await lead.calibrationCandidates(credentialId));
      // Enough to choose by: the micro-credential, where each stands in live scoring, a preview of its evidence.
      const first = submissions[0]!;
      expect(first).toMatchObject({ credentialId, attempt: 1, status: 'unclaimed' });
      expect(first.credentialTitle).not.toBe('');
      expect(first.evidence.length).toBeGreaterThan(0);
      expect(Object.keys(first.evidence[0]!).sort()).toEqual(['durationMs', 'kind', 'title']);
      const items = [];
      for (const candidate of submissions.slice(0, 3)) {
        const manifest = ok(await lead.manifest(candidate.id));
        const levels = new Map(allCriteria(manifest.rubric).map((criterion, index) => [criterion.id, criterion.levels[(index % 2) + 1]!.level]));
        masters.set(candidate.id, { rubric: manifest.rubric, levels });
        items.push({ submissionId: candidate.id, scores: [...levels].map(([criterionId, level]) => ({ criterionId, level, rationale: `Master: level ${level} because the evidence shows it.` })) });
      }
      const bad = await lead.createCalibrationSet({ credentialId, title: 'Broken', items: [{ ...items[0]!, scores: items[0]!.scores.slice(1) }] });
      expect(bad).toMatchObject({ ok: false, failure: { kind: 'invalid', fields: [{ path: 'items.0.scores' }] } });
      const set = ok(await lead.createCalibrationSet({ credentialId, title: `Calibration ${credentialId}`, items }));
      expect(set.submissionIds).toHaveLength(3);
      sets.set(credentialId, set);
      if (credentialId === credentials[1]) {
        const gold = [];
        for (const candidate of submissions.slice(3, 6)) {
          const manifest = ok(await lead.manifest(candidate.id));
          const levels = new Map(allCriteria(manifest.rubric).map((criterion) => [criterion.id, 3]));
          masters.set(candidate.id, { rubric: manifest.rubric, levels });
          gold.push({ submissionId: candidate.id, scores: [...levels].map(([criterionId, level]) => ({ criterionId, level, rationale: 'Gold master.' })) });
        }
        // A submission already read as calibration material can never be gold.
        expect(await lead.createCalibrationSet({ credentialId, title: 'Gold', purpose: 'gold', items: [items[0]!] })).toMatchObject({ ok: false, failure: { kind: 'invalid', fields: [{ path: 'items.0.submissionId' }] } });
        goldSet = ok(await lead.createCalibrationSet({ credentialId, title: `Gold ${credentialId}`, purpose: 'gold', items: gold }));
      }
      const rules: QualityRules = { credentialId, qualification: { setId: set.id, minExactAgreement: 0.8, maxLevelsOff: 1 }, doubleScoringRate: 0.2, goldRate: 0, adjudicationTolerance: 0, backreadingRate: 0, lockout: null };
      expect(ok(await lead.setQualityRules(rules))).toEqual(rules);
    }
    expect(await assessor.setQualityRules({ credentialId: credentials[0]!, qualification: null, doubleScoringRate: 0, goldRate: 0, adjudicationTolerance: 0, backreadingRate: 0, lockout: null })).toMatchObject({ ok: false, failure: { kind: 'refused', status: 403 } });
    // An assessor sees the calibration sets, never the master scores, never the gold pool or its submissions.
    const seen = ok(await assessor.calibrationSets(credentials[0]));
    expect(JSON.stringify(seen)).not.toMatch(/Master:/);
    expect(ok(await assessor.calibrationSets()).sets.map((set) => set.id)).not.toContain(goldSet.id);
    expect(ok(await lead.calibrationSets()).sets.find((set) => set.id === goldSet.id)).toMatchObject({ purpose: 'gold' });
    expect(await assessor.manifest(goldSet.submissionIds[0]!)).toMatchObject({ ok: false, failure: { kind: 'not_found' } });
  });

  it('blocks live claims until the assessor qualifies, saying why, and applies the rule (80% exact, none more than one off)', async () => {
    const blocked = await assessor.claim(5);
    expect(blocked).toMatchObject({ ok: false, failure: { kind: 'refused', status: 403, code: 'not_qualified' } });
    expect(!blocked.ok && blocked.failure.kind === 'refused' && blocked.failure.message).toMatch(/Score the 3 calibration submissions/);

    // Everything exact except one criterion two levels off: 80% may hold, but "one level" does not.
    let first = true;
    for (const credentialId of credentials) {
      await respondToSet(assessor, sets.get(credentialId)!, (_submission, _criterion, master) => {
        if (!first) return master;
        first = false;
        return master <= 2 ? master + 2 : master - 2; // on the 1–4 scale
      });
    }
    const statuses = ok(await assessor.qualifications()).qualifications;
    const failed = statuses.find((status) => status.credentialId === credentials[0])!;
    expect(failed).toMatchObject({ status: 'not_qualified', maxLevelsOff: 2, scoredItems: 3, requiredItems: 3 });
    expect(failed.reason).toMatch(/2 levels from the master score \(at most 1 allowed\)/);
    expect(failed.required).toEqual({ exactAgreement: 0.8, maxLevelsOff: 1 }); // for the workstation to word it
    // The lead set these rules and scored the masters: no qualification is asked of them.
    expect(ok(await lead.qualifications()).qualifications.every((status) => status.status === 'not_required')).toBe(true);
    expect(statuses.filter((status) => status.status === 'qualified')).toHaveLength(2);

    // A live claim now comes only from the micro-credentials the assessor qualified for.
    const claimed = ok(await assessor.claim(20));
    const manifests = await Promise.all(claimed.assignments.map(async (assignment) => ok(await assessor.manifest(assignment.submissionId))));
    expect(manifests.length).toBe(20);
    expect(manifests.every((manifest) => manifest.credential.id !== credentials[0])).toBe(true);

    // The first answers are final: a retake needs a lead's recorded reset; then one that matches the master qualifies.
    const set = sets.get(credentials[0]!)!;
    ok(await lead.resetCalibration(set.id, randomUUID(), { accountId: 'acct-assessor-1', note: 'Retake after the review call.' }));
    expect(ok(await assessor.calibrationSets(credentials[0])).sets[0]).toMatchObject({ attempt: 2, answeredSubmissionIds: [] });
    await respondToSet(assessor, set, (_submission, _criterion, master) => master);
    expect(ok(await assessor.qualifications()).qualifications.every((status) => status.status === 'qualified')).toBe(true);
    await respondToSet(second, sets.get(credentials[0]!)!, (_submission, _criterion, master) => master);
    for (const credentialId of credentials.slice(1)) await respondToSet(second, sets.get(credentialId)!, (_submission, _criterion, master) => master);
  });

  it('double-scores the configured share of a large claim, within sampling error, and never by the same assessor twice', async () => {
    for (;;) {
      const claimed = ok(await assessor.claim(200));
      if (claimed.assignments.length === 0) break;
    }
    const held = ok(await assessor.assignments()).assignments.map((assignment) => assignment.submissionId);
    const live = held.length;
    expect(live).toBeGreaterThan(900);
    const doubled = (api.store.db.prepare(`SELECT count(*) AS n FROM double_scoring WHERE double = 1`).get() as { n: number }).n;
    const expected = 0.2 * live;
    const sd = Math.sqrt(live * 0.2 * 0.8);
    expect(Math.abs(doubled - expected)).toBeLessThan(4 * sd);
    // The second assessor is offered exactly the double-scored ones the first holds.
    const again: string[] = [];
    for (;;) {
      const claimed = ok(await second.claim(200));
      if (claimed.assignments.length === 0) break;
      again.push(...claimed.assignments.map((assignment) => assignment.submissionId));
    }
    expect(again.length).toBe(doubled);
    expect(again.every((id) => held.includes(id))).toBe(true);
  });

  it('queues disagreeing double scores for adjudication, shows both side by side, and takes one resolution', async () => {
    const id = (api.store.db.prepare(`SELECT submission_id FROM double_scoring WHERE double = 1 LIMIT 1`).get() as { submission_id: string }).submission_id;
    const manifest = ok(await assessor.manifest(id));
    ok(await assessor.decide(id, randomUUID(), decisionFor(manifest, () => 3)));
    ok(await second.decide(id, randomUUID(), decisionFor(manifest, () => 2)));
    expect(await second.decide(id, randomUUID(), decisionFor(manifest, () => 2))).toMatchObject({ ok: false, failure: { kind: 'conflict', reason: 'already_decided' } });
    expect(await assessor.adjudications()).toMatchObject({ ok: false, failure: { kind: 'refused', status: 403 } });

    const { adjudications } = ok(await lead.adjudications());
    const case1 = adjudications.find((item) => item.submissionId === id)!;
    expect(case1.reasons).toEqual(['outcome_differs', 'scores_differ']);
    expect(case1.decisions.map((item) => [item.assessor.displayName, item.outcome])).toEqual([
      ['Assessor One', 'award'],
      ['Assessor Two', 'not_yet'],
    ]);
    const resolution = { outcome: 'award' as const, scores: allCriteria(manifest.rubric).map((criterion) => ({ criterionId: criterion.id, level: 3, rationale: 'The first reading holds.' })), note: 'Evidence at 2:10 supports the award.' };
    const key = randomUUID();
    // An award whose own levels the pass rule calls "not yet" does not stand.
    const atLevel = (level: number) => resolution.scores.map((score) => ({ ...score, level }));
    expect(await lead.resolveAdjudication(id, randomUUID(), { ...resolution, scores: atLevel(1) })).toMatchObject({ ok: false, failure: { kind: 'invalid', fields: [{ path: 'outcome' }] } });
    const resolved = ok(await lead.resolveAdjudication(id, key, resolution));
    expect(ok(await lead.resolveAdjudication(id, key, resolution))).toEqual(resolved); // a replay
    expect(await lead.resolveAdjudication(id, randomUUID(), { ...resolution, outcome: 'not_yet', scores: atLevel(1) })).toMatchObject({ ok: false, failure: { kind: 'refused', code: 'already_resolved' } });
    expect(ok(await lead.adjudications()).adjudications.find((item) => item.submissionId === id)?.resolution).toMatchObject({ outcome: 'award', resolvedBy: 'acct-lead' });
  });

  it('mixes gold items into live batches at the configured rate, indistinguishable, and scores them against the master after the decision', async () => {
    const credentialId = credentials[1]!;
    const rules = ok(await lead.qualityRules()).rules.find((item) => item.credentialId === credentialId)!;
    ok(await lead.setQualityRules({ ...rules, goldRate: 1 }));
    // The live pool is used up, so this claim is gold only: each a copy of a submission of the gold pool.
    const claimed = ok(await second.claim(3));
    expect(claimed.assignments).toHaveLength(3);
    const gold = api.store.db.prepare(`SELECT alias_id, source_id FROM gold_items WHERE account_id = 'acct-assessor-2'`).all() as { alias_id: string; source_id: string }[];
    expect(gold.map((item) => item.alias_id).sort()).toEqual(claimed.assignments.map((item) => item.submissionId).sort());
    expect(new Set(gold.map((item) => item.source_id))).toEqual(new Set(goldSet.submissionIds)); // never the same one twice
    const alias = gold[0]!;
    const manifest = ok(await second.manifest(alias.alias_id));
    const source = ok(await lead.manifest(alias.source_id));
    expect(Object.keys(manifest).sort()).toEqual(Object.keys(source).sort());
    expect(manifest.label).toMatch(/^Submission \d{4}$/);
    expect(manifest.id).toMatch(/^sub-[0-9a-f]{12}$/); // the shape of every live id
    // Its files are its source's (which no assessor was ever given), under ids of its own.
    for (const [index, item] of manifest.evidence.entries()) {
      expect([item.sha256, item.bytes]).toEqual([source.evidence[index]!.sha256, source.evidence[index]!.bytes]);
      expect(item.id).not.toBe(source.evidence[index]!.id);
    }
    // The pool is spent for this assessor: a further claim brings no gold copy of what they had.
    expect(ok(await second.claim(3)).assignments).toHaveLength(0);

    const master = masters.get(alias.source_id)!;
    ok(await second.decide(alias.alias_id, randomUUID(), decisionFor(manifest, (criterionId) => master.levels.get(criterionId)!)));
    // The assessor's accuracy counts it from the next day: today's report does not say which submission was gold.
    expect(ok(await second.accuracy()).weeks).toEqual([]);
    const criteria = allCriteria(master.rubric).length;
    const tomorrow = api.store.quality.accuracy('acct-assessor-2', new Date(Date.now() + 25 * 3600_000));
    expect(tomorrow.weeks).toEqual([expect.objectContaining({ criteria, exact: criteria, adjacent: criteria })]);

    const data = ok(await lead.leadRatings());
    expect(data.ratings.some((rating) => rating.source === 'gold' && rating.assessorId === 'acct-assessor-2' && rating.submissionId === alias.source_id)).toBe(true);
    expect(data.ratings.filter((rating) => rating.source === 'calibration' && rating.assessorId === 'acct-assessor-1').length).toBeGreaterThan(0);
    // The one double-scored pair decided so far: both assessors' scores on every criterion.
    expect(new Set(data.ratings.filter((rating) => rating.source === 'double').map((rating) => rating.assessorId))).toEqual(new Set(['acct-assessor-1', 'acct-assessor-2']));
    expect(data.assessors.map((item) => item.displayName).sort()).toEqual(['Assessor One', 'Assessor Two']);
  });
});
