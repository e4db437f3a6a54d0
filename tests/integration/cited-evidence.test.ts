import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCriteria } from '../../shared/domain/rubric';
import type { DecisionRequest } from '../../shared/hosted-api/schemas';
import type { HostedApiClient } from '../../electron/core/hosted/api-client';
import { ok, signedInClient } from '../support/hosted-client';
import { projectPaths } from '../../electron/launcher/project-paths';
import { seed } from '../hosted-api/seed';
import { defaultOpenApiFile, startHostedApi } from '../hosted-api/server';
import type { HostedApi } from '../hosted-api/server';
import { cleanup } from '../e2e/harness';
import { tempDir } from '../support/core-fixture';

const root = projectPaths().root;
const credentialId = 'dp-fl-compound-interest';
let serverDir: string;
let api: HostedApi;
let lead: HostedApiClient;
let assessor: HostedApiClient;

const signIn = (email: string): Promise<HostedApiClient> => signedInClient(api.url, email);

beforeAll(async () => {
  serverDir = tempDir('assessor-cited-');
  api = await startHostedApi({ dataDir: serverDir, port: 0, openApiFile: defaultOpenApiFile(root) });
  await seed(api.store, 'demo', join(root, 'resources', 'demo'), serverDir);
  lead = await signIn('lead@example.org');
  assessor = await signIn('assessor@example.org');
}, 60_000);
afterAll(async () => {
  await api.close();
  cleanup(serverDir);
});

describe('gold items and calibration that compare cited moments', () => {
  it('a master’s scores carry the moments that justify them; an assessor’s response and a gold item are compared moment by moment', async () => {
    const [candidate, goldSource] = ok(await lead.calibrationCandidates(credentialId)).submissions;
    const manifest = ok(await lead.manifest(candidate!.id));
    const video = manifest.evidence.find((item) => item.kind === 'video')!;
    const [first, second, ...rest] = allCriteria(manifest.rubric);
    const mastersCiting = (videoId: string) =>
      [first, second, ...rest].map((criterion) => ({
        criterionId: criterion!.id,
        level: 3,
        rationale: 'Master: level 3.',
        evidence: criterion === first ? [{ evidenceId: videoId, startMs: 12_000, endMs: 20_000 }, { evidenceId: videoId, startMs: 3000, endMs: null }] : [],
      }));
    const scores = mastersCiting(video.id);
    const set = ok(await lead.createCalibrationSet({ credentialId, title: 'Anchors with moments', items: [{ submissionId: candidate!.id, scores }] }));
    // The gold pool: another submission (never shown to assessors), its master citing the same moments of its own video.
    const goldVideo = ok(await lead.manifest(goldSource!.id)).evidence.find((item) => item.kind === 'video')!;
    ok(await lead.createCalibrationSet({ credentialId, title: 'Gold with moments', purpose: 'gold', items: [{ submissionId: goldSource!.id, scores: mastersCiting(goldVideo.id) }] }));

    // Calibration: the assessor cites 0:15 for the first criterion, not 0:03, and something the master did not.
    const feedback = ok(
      await assessor.respondToCalibration(set.id, randomUUID(), {
        submissionId: candidate!.id,
        scores: scores.map(({ criterionId }) => ({ criterionId, level: 3, rationale: '' })),
        evidence: [{ criterionId: first!.id, moments: [{ evidenceId: video.id, startMs: 15_000, endMs: null }, { evidenceId: video.id, startMs: 26_000, endMs: 28_000 }] }],
        activeMs: 1000,
        respondedAt: new Date().toISOString(),
      }),
    );
    const compared = feedback.criteria.find((criterion) => criterion.criterionId === first!.id)!.evidence!;
    expect(compared.master.map((item) => item.cited)).toEqual([true, false]);
    expect(compared.extra).toEqual([{ evidenceId: video.id, startMs: 26_000, endMs: 28_000 }]);
    expect(compared.overlap).toBe(0.5);
    expect(feedback.criteria.find((criterion) => criterion.criterionId === second!.id)!.evidence).toBeNull(); // the master cited nothing there

    // Gold: hidden in live work under ids of its own; citing 0:04 matches the master's 0:03.
    ok(await lead.setQualityRules({ credentialId, qualification: null, doubleScoringRate: 0, goldRate: 1, adjudicationTolerance: 0, backreadingRate: 0, lockout: null }));
    const { assignments } = ok(await assessor.claim(1));
    const alias = assignments[0]!.submissionId;
    const aliasManifest = ok(await assessor.manifest(alias));
    const aliasVideo = aliasManifest.evidence.find((item) => item.kind === 'video')!;
    expect(aliasVideo.id).not.toBe(goldVideo.id);
    const decision: DecisionRequest = {
      rubricVersionId: aliasManifest.rubric.id,
      outcome: 'award',
      conditionCode: null,
      note: '',
      scores: scores.map(({ criterionId }) => ({ criterionId, level: 3, rationale: '' })),
      comments: [{ id: randomUUID(), evidenceId: aliasVideo.id, startMs: 4000, endMs: null, page: null, quote: null, region: null, body: 'Probing question.', tag: 'strength', visibility: 'candidate', criterionIds: [first!.id] }],
      feedback: { overall: '', components: {} },
      activeMs: 1000,
      decidedAt: new Date().toISOString(),
      basedOn: null,
    };
    ok(await assessor.decide(alias, randomUUID(), decision));
    const gold = ok(await lead.leadRatings()).ratings.filter((rating) => rating.source === 'gold' && rating.criterionId === first!.id);
    expect(gold).toMatchObject([{ assessorId: 'acct-assessor-1', evidence: { master: 2, cited: 1 } }]);
    const calibration = ok(await lead.leadRatings()).ratings.find((rating) => rating.source === 'calibration' && rating.criterionId === first!.id);
    expect(calibration?.evidence).toEqual({ master: 2, cited: 1 });
  });
});
