import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdjudicationQueue, LeadDashboardView, QualitySummary, SubmissionDetail, WorkspaceSummary } from '../../shared/contract/methods';
import type { QueueItem } from '../../shared/domain/submission';
import { resolutionProblems } from '../../shared/domain/lead-review-check';
import { allCriteria } from '../../shared/domain/rubric';
import type { DecisionRequest } from '../../shared/hosted-api/schemas';
import { HostedApiClient } from '../../electron/core/hosted/api-client';
import type { ApiResult } from '../../electron/core/hosted/api-client';
import { projectPaths } from '../../electron/launcher/project-paths';
import { seed, seededPassword } from '../hosted-api/seed';
import { defaultOpenApiFile, startHostedApi } from '../hosted-api/server';
import type { HostedApi } from '../hosted-api/server';
import { cleanup } from '../e2e/harness';
import type { CoreFixture } from '../support/core-fixture';
import { openTestCore, tempDir, value } from '../support/core-fixture';
import { until } from '../support/until';
import { overlappingText, textBoxesByPdfJs } from '../support/pdf-text';

const root = projectPaths().root;
const credentialId = 'dp-fl-credit-scores';
let serverDir: string;
let api: HostedApi;
let assessor: CoreFixture;
let lead: CoreFixture;
let setId: string;

const ok = <T>(result: ApiResult<T>): T => {
  if (!result.ok) throw new Error(`hosted API call failed: ${JSON.stringify(result.failure)}`);
  return result.value;
};
const call = async <T>(fixture: CoreFixture, method: string, input: unknown = {}): Promise<T> => value(await fixture.core.invokeAsync(method, input)) as T;

beforeAll(async () => {
  serverDir = tempDir('assessor-quality-ws-');
  api = await startHostedApi({ dataDir: serverDir, port: 0, openApiFile: defaultOpenApiFile(root) });
  await seed(api.store, 'demo', join(root, 'resources', 'demo'), serverDir, 10);
  // The lead's set-up, straight on the API: two submissions, masters at the top level, a rule.
  const tokens = ok(await new HostedApiClient({ baseUrl: api.url, accessToken: () => null }).signIn('lead@example.org', seededPassword));
  const client = new HostedApiClient({ baseUrl: api.url, accessToken: () => tokens.accessToken });
  const { submissions } = ok(await client.calibrationCandidates(credentialId));
  const items = [];
  for (const candidate of submissions.slice(0, 2)) {
    const manifest = ok(await client.manifest(candidate.id));
    // The first criterion's level rests on a moment of the video (0:12–0:20).
    const video = manifest.evidence.find((item) => item.kind === 'video');
    const scores = allCriteria(manifest.rubric).map((criterion, index) => ({
      criterionId: criterion.id,
      level: criterion.levels.at(-1)!.level,
      rationale: `Master rationale for ${criterion.id}.`,
      evidence: index === 0 && video ? [{ evidenceId: video.id, startMs: 12_000, endMs: 20_000 }] : [],
    }));
    items.push({ submissionId: candidate.id, scores });
  }
  setId = ok(await client.createCalibrationSet({ credentialId, title: 'Credit scores anchors', items })).id;
  ok(await client.setQualityRules({ credentialId, qualification: { setId, minExactAgreement: 0.8, maxLevelsOff: 1 }, doubleScoringRate: 0, goldRate: 0, adjudicationTolerance: 0, backreadingRate: 0, lockout: null }));
  assessor = openTestCore();
  lead = openTestCore();
  await call(assessor, 'session.signIn', { serverUrl: api.url, email: 'assessor@example.org', password: seededPassword });
  await call(lead, 'session.signIn', { serverUrl: api.url, email: 'lead@example.org', password: seededPassword });
});
afterAll(async () => {
  assessor.dispose();
  lead.dispose();
  await api.close();
  cleanup(serverDir);
});

describe('scoring quality in the workstation, against the reference server', () => {
  it('shows qualification status and scores a calibration set like live work, then shows agreement with the master', async () => {
    const before = await call<QualitySummary>(assessor, 'quality.refresh');
    const status = before.qualifications.find((item) => item.credentialId === credentialId)!;
    expect(status).toMatchObject({ status: 'not_started', credentialTitle: expect.any(String) as string });
    expect(status.reason).toMatch(/Score the 2 calibration submissions/);
    expect(before.sets.map((set) => set.id)).toEqual([setId]);

    const { batchId, submissions } = await call<{ batchId: string; submissions: number }>(assessor, 'calibration.start', { setId });
    expect(submissions).toBe(2);
    const summary = await call<WorkspaceSummary>(assessor, 'workspace.summary');
    expect(summary.batches.find((batch) => batch.id === batchId)).toMatchObject({ kind: 'calibration', label: 'Credit scores anchors' });

    const items = (await call<{ items: QueueItem[] }>(assessor, 'queue.list', { batchId })).items;
    for (const item of items) {
      const detail = await call<SubmissionDetail>(assessor, 'submission.open', { submissionId: item.submissionId });
      expect(detail.calibration).toEqual({ setId, result: null });
      for (const criterion of allCriteria(detail.rubric)) {
        await call(assessor, 'draft.setScore', { submissionId: item.submissionId, criterionId: criterion.id, level: criterion.levels.at(-1)!.level });
      }
      // A comment citing the first criterion at 0:15: the moment the master's level rests on.
      const video = detail.evidence.find((evidence) => evidence.kind === 'video')!;
      const comment = { id: randomUUID(), evidenceId: video.id, startMs: 15_000, endMs: null, page: null, quote: null, region: null, body: 'The probing question.', tag: 'strength', visibility: 'candidate', criterionIds: [allCriteria(detail.rubric)[0]!.id] };
      await call(assessor, 'comment.save', { submissionId: item.submissionId, comment });
      await call(assessor, 'decision.submit', { submissionId: item.submissionId, outcome: 'award', conditionCode: null, note: '' });
    }
    await until(async () => (await call<{ items: QueueItem[] }>(assessor, 'queue.list', { batchId })).items.every((item) => item.status === 'synced'), 'the responses to sync');

    const detail = await call<SubmissionDetail>(assessor, 'submission.open', { submissionId: items[0]!.submissionId });
    expect(detail.calibration?.result?.exactAgreement).toBe(1);
    expect(detail.calibration?.result?.criteria[0]).toMatchObject({ masterRationale: expect.stringMatching(/^Master rationale for /) as string });
    // The cited moment was compared with the master's: the comment at 0:15 falls in 0:12–0:20.
    expect(detail.calibration?.result?.criteria[0]?.evidence).toMatchObject({ master: [{ cited: true }], extra: [], overlap: 1 });
    expect(detail.calibration?.result?.criteria[1]?.evidence).toBeNull();
    expect(api.store.decisionCount()).toBe(0); // responses, not decisions on candidates

    const after = await call<QualitySummary>(assessor, 'quality.refresh');
    expect(after.qualifications.find((item) => item.credentialId === credentialId)?.status).toBe('qualified');
    expect((await call<{ submissions: number }>(assessor, 'batch.claim', { size: 3 })).submissions).toBe(3);
  });

  it('gives the lead a dashboard from synced data, says how fresh it is, and exports CSV and PDF', async () => {
    await call(lead, 'quality.refresh');
    const view = await call<LeadDashboardView>(lead, 'lead.dashboard', { credentialId });
    expect(view.fetchedAt).not.toBeNull();
    expect(view.dashboard?.assessors).toEqual([expect.objectContaining({ displayName: 'Assessor One', exact: expect.objectContaining({ value: 1 }) as unknown, flags: [] })]);
    const criteria = view.dashboard!.criteria.length;
    expect(view.dashboard?.assessors[0]?.n).toBe(2 * criteria);

    const csv = await call<{ fileName: string; base64: string }>(lead, 'lead.export', { credentialId, format: 'csv' });
    expect(csv.fileName).toMatch(/^calibration-report-dp-fl-credit-scores-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(Buffer.from(csv.base64, 'base64').toString('utf8')).toContain(`assessor,Assessor One,,,${2 * criteria},1,1,`);
    // The PDF (pdfkit): in the lead's language and time zone, numbered pages, nothing written over anything else.
    for (const [locale, timeZone, title, page] of [
      ['en', 'America/New_York', 'Calibration report', /^Page 1 of \d+ · /],
      ['es', 'Pacific/Auckland', 'Informe de calibración', /^Página 1 de \d+ · /],
    ] as const) {
      const pdf = Buffer.from((await call<{ base64: string }>(lead, 'lead.export', { credentialId, format: 'pdf', locale, timeZone })).base64, 'base64');
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const { boxes, text } = await textBoxesByPdfJs(pdf);
      expect(text[0]).toContain(title);
      expect(text[0]).toContain('Assessor One');
      expect(text[0]).toContain(locale === 'en' ? '100%' : '100 %');
      expect(boxes.filter((box) => page.test(box.text)).length).toBeGreaterThan(0);
      // The generated date is the lead's local date, in their words.
      const today = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date());
      expect(text[0]!.replace(/\s+/g, ' ')).toContain(today.replace(/\s+/g, ' '));
      expect(overlappingText(boxes)).toEqual([]);
    }
    expect(await lead.core.invokeAsync('lead.export', { credentialId, format: 'pdf', locale: 'en', timeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('a retake is the lead’s call: answers are final, and once the lead allows it the set comes back blank and the new answers count', async () => {
    const batchId = `calibration-${setId}`;
    const items = (await call<{ items: QueueItem[] }>(assessor, 'queue.list', { batchId })).items;
    // Bringing the set here again changes nothing: the answers were received and are final.
    await call(assessor, 'calibration.start', { setId });
    expect((await call<{ items: QueueItem[] }>(assessor, 'queue.list', { batchId })).items.map((item) => item.status)).toEqual(['synced', 'synced']);

    const { attempt } = await call<{ attempt: number }>(lead, 'lead.allowRetake', { setId, accountId: 'acct-assessor-1', note: 'Refresher after the rubric call.' });
    expect(attempt).toBe(2);
    expect(await lead.core.invokeAsync('lead.allowRetake', { setId, accountId: 'acct-assessor-1', note: ' ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const summary = await call<QualitySummary>(assessor, 'quality.refresh');
    expect(summary.qualifications.find((item) => item.credentialId === credentialId)?.status).toBe('not_started');

    await call(assessor, 'calibration.start', { setId });
    for (const item of items) {
      const detail = await call<SubmissionDetail>(assessor, 'submission.open', { submissionId: item.submissionId });
      // Blank: no decision, no levels, no comments, no master's levels from the last attempt.
      expect([detail.status, detail.decision, detail.calibration?.result ?? null, detail.comments]).toEqual(['not_started', null, null, []]);
      expect(detail.draft.scores.every((score) => score.level === null)).toBe(true);
      // A calibration answer scores every criterion: it cannot be flagged instead.
      expect(await assessor.core.invokeAsync('decision.submit', { submissionId: item.submissionId, outcome: 'flag', conditionCode: 'video_unplayable', note: '' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      for (const criterion of allCriteria(detail.rubric)) await call(assessor, 'draft.setScore', { submissionId: item.submissionId, criterionId: criterion.id, level: criterion.levels.at(-1)!.level });
      await call(assessor, 'decision.submit', { submissionId: item.submissionId, outcome: 'award', conditionCode: null, note: '' });
    }
    await until(async () => (await call<{ items: QueueItem[] }>(assessor, 'queue.list', { batchId })).items.every((item) => item.status === 'synced'), 'the retake to sync');
    expect((await call<QualitySummary>(assessor, 'quality.refresh')).qualifications.find((item) => item.credentialId === credentialId)?.status).toBe('qualified');
  });

  /** Two assessors disagree on a double-scored submission (recorded straight on the server). */
  function disagreement(): { submissionId: string; manifest: NonNullable<ReturnType<typeof api.store.submission>> } {
    const [submissionId] = (api.store.db.prepare(`SELECT id FROM submissions WHERE credential_id = ? AND id NOT IN (SELECT submission_id FROM calibration_items) AND id NOT IN (SELECT submission_id FROM assignments) AND id NOT IN (SELECT submission_id FROM double_scoring) LIMIT 1`).all(credentialId) as { id: string }[]).map((row) => row.id);
    api.store.db.prepare('INSERT INTO double_scoring VALUES (?, 1)').run(submissionId);
    const manifest = api.store.submission(submissionId!)!;
    const body = (outcome: DecisionRequest['outcome'], level: number): DecisionRequest => ({
      rubricVersionId: manifest.rubric.id,
      outcome,
      conditionCode: null,
      note: '',
      scores: allCriteria(manifest.rubric).map((criterion) => ({ criterionId: criterion.id, level, rationale: 'Because.' })),
      comments: [],
      feedback: { overall: '', components: {} },
      activeMs: 1,
      decidedAt: new Date().toISOString(),
      basedOn: null,
    });
    for (const [account, decision] of [['acct-assessor-1', body('award', 3)], ['acct-assessor-2', body('not_yet', 2)]] as const) {
      api.store.recordDecision(account, submissionId!, decision, new Date());
      api.store.quality.afterDecision(account, submissionId!, decision, new Date());
    }
    return { submissionId: submissionId!, manifest };
  }
  const resolutionAt = (manifest: ReturnType<typeof disagreement>['manifest'], outcome: 'award' | 'not_yet', level: number) => ({ outcome, scores: allCriteria(manifest.rubric).map((criterion) => ({ criterionId: criterion.id, level, rationale: 'Agreed on review.' })), note: randomUUID() });

  it('lets the lead resolve an adjudication through the outbox, and refuses a resolution its own levels contradict', async () => {
    const { submissionId, manifest } = disagreement();
    // The lead's queues alone, as a lead looking at one asks every few seconds.
    await call(lead, 'lead.refreshQueues');
    const queue = await call<AdjudicationQueue>(lead, 'lead.adjudications');
    expect(queue.adjudications.map((item) => [item.submissionId, item.reasons, item.resolutionQueued])).toEqual([[submissionId, ['outcome_differs', 'scores_differ'], false]]);
    expect(queue.rubrics.length).toBeGreaterThan(0);
    // An award with every criterion at level 1: the pass rule says not yet. Refused here, and by the server alike.
    const contradicted = resolutionAt(manifest, 'award', 1);
    const refused = await lead.core.invokeAsync('lead.resolveAdjudication', { submissionId, resolution: contradicted });
    expect(refused.ok ? null : [refused.error.code, refused.error.message.includes('pass rule gives "not_yet"')]).toEqual(['invalid_input', true]);
    expect(resolutionProblems(manifest.rubric, contradicted).map((problem) => problem.path)).toEqual(['outcome']);
    expect((await call<AdjudicationQueue>(lead, 'lead.adjudications')).adjudications[0]?.resolutionQueued).toBe(false); // nothing queued
    const resolution = resolutionAt(manifest, 'award', 3);
    const queued = await call<AdjudicationQueue>(lead, 'lead.resolveAdjudication', { submissionId, resolution });
    expect(queued.adjudications[0]?.resolutionQueued).toBe(true);
    expect(await lead.core.invokeAsync('lead.resolveAdjudication', { submissionId, resolution })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await until(() => Promise.resolve(api.store.adjudications.list()[0]?.resolution !== null), 'the resolution to reach the server');
    expect(api.store.adjudications.list()[0]?.resolution).toMatchObject({ outcome: 'award', note: resolution.note, resolvedBy: 'acct-lead' });
  });

  it('shows a resolution the server refused (another lead was first) as not waiting, never stuck as queued', async () => {
    const { submissionId, manifest } = disagreement();
    await call(lead, 'lead.refreshQueues');
    expect((await call<AdjudicationQueue>(lead, 'lead.adjudications')).adjudications.find((item) => item.submissionId === submissionId)?.resolution).toBeNull();
    // Another lead resolves it on the server before this lead's resolution arrives.
    expect(api.store.adjudications.resolve('acct-other-lead', submissionId, resolutionAt(manifest, 'not_yet', 2), new Date())).toBe('resolved');
    await call(lead, 'lead.resolveAdjudication', { submissionId, resolution: resolutionAt(manifest, 'award', 3) });
    await call(lead, 'sync.now');
    expect((await call<AdjudicationQueue>(lead, 'lead.adjudications')).adjudications.find((item) => item.submissionId === submissionId)?.resolutionQueued).toBe(false);
    await call(lead, 'lead.refreshQueues');
    const shown = (await call<AdjudicationQueue>(lead, 'lead.adjudications')).adjudications.find((item) => item.submissionId === submissionId);
    expect([shown?.resolutionQueued, shown?.resolution?.resolvedBy]).toEqual([false, 'acct-other-lead']);
  });

  it('refuses a lead’s work to an assessor asking core for it, queues nothing, and leaves the lead’s views as they were', async () => {
    const leadQueue = await call<AdjudicationQueue>(lead, 'lead.adjudications');
    const outboxBefore = assessor.db.prepare('SELECT count(*) AS n FROM outbox').get();
    const resolution = { outcome: 'award' as const, scores: [{ criterionId: 'c1', level: 3, rationale: 'Mine now.' }], note: '' };
    for (const [method, input] of [
      ['lead.adjudications', {}],
      ['lead.refreshQueues', {}],
      ['lead.dashboard', { credentialId: null }],
      ['lead.resolveAdjudication', { submissionId: 'any', resolution }],
      ['lead.liftLockout', { accountId: 'acct-assessor-1', credentialId, note: 'Lifting my own lockout.' }],
      ['lead.auditTrail', { submission: 'any' }],
      ['lead.openReferral', { submissionId: 'any' }],
    ] as const) {
      expect(await assessor.core.invokeAsync(method, input), method).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only a lead assessor signed in here may do this.' } });
    }
    expect(assessor.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual(outboxBefore);
    expect(await call<AdjudicationQueue>(lead, 'lead.adjudications')).toEqual(leadQueue); // the honest lead still works
  });
});

describe('one machine, two accounts', () => {
  it('refuses another account while unsent work or unfinished scoring waits, and clears the previous account’s synced work when it signs in', async () => {
    const summary = await call<WorkspaceSummary>(assessor, 'workspace.summary');
    const live = summary.batches.find((batch) => !batch.isDemo && batch.kind === 'live')!;
    const items = (await call<{ items: QueueItem[] }>(assessor, 'queue.list', { batchId: live.id })).items;
    const [first] = items;
    const undecided = items.find((item) => item.status === 'not_started')!;
    const criterion = (await call<SubmissionDetail>(assessor, 'submission.open', { submissionId: undecided.submissionId })).rubric.components[0]!.criteria[0]!;
    await call(assessor, 'draft.setScore', { submissionId: undecided.submissionId, criterionId: criterion.id, level: 2 }); // scored, not decided
    await call(assessor, 'bank.save', { id: 'snippet-1', title: 'Pupil names', body: 'Jane Doe plagiarised the table.', tag: 'note' }); // the assessor's own
    await call(assessor, 'session.signOut');
    // A decision made after sign-out waits for its own account.
    assessor.db
      .prepare(`INSERT INTO outbox (kind, entity_id, idempotency_key, payload, state, next_attempt_at, created_at) VALUES ('decision', ?, 'handover-key-1', '{}', 'pending', ?, ?)`)
      .run(first!.submissionId, new Date().toISOString(), new Date().toISOString());
    const signInAsAnother = () => assessor.core.invokeAsync('session.signIn', { serverUrl: api.url, email: 'assessor2@example.org', password: seededPassword });
    expect(await signInAsAnother()).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/holds 1 unsent decisions, \d+ changes for the audit trail and unfinished scoring on 1 submissions of another account/) as string } });
    assessor.db.prepare(`DELETE FROM outbox WHERE idempotency_key = 'handover-key-1' OR kind = 'audit'`).run(); // as if sent
    // Scoring not decided is work the server does not keep: it holds the machine for its account too, and stays.
    expect(await signInAsAnother()).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^This computer holds unfinished scoring on 1 submissions of another account\. Sign in as that account and decide and sync them first\.$/) as string } });
    expect(assessor.db.prepare('SELECT level FROM draft_scores WHERE submission_id = ? AND criterion_id = ?').get(undecided.submissionId, criterion.id)).toEqual({ level: 2 });
    // Once that account has nothing unfinished (here its drafts are emptied by hand), another may sign in.
    assessor.db.prepare(`DELETE FROM draft_scores`).run();
    assessor.db.prepare(`DELETE FROM comments`).run();
    assessor.db.prepare(`DELETE FROM component_feedback`).run();
    assessor.db.prepare(`UPDATE scoring_drafts SET overall_feedback = ''`).run();

    // Each refused sign-in ended the session the server had begun for it (none left live there).
    expect(api.store.db.prepare(`SELECT count(*) AS n FROM session_families WHERE account_id = 'acct-assessor-2' AND revoked_reason IS NULL`).get()).toEqual({ n: 0 });

    await call(assessor, 'session.signIn', { serverUrl: api.url, email: 'assessor2@example.org', password: seededPassword });
    expect((await call<WorkspaceSummary>(assessor, 'workspace.summary')).batches.filter((batch) => !batch.isDemo)).toEqual([]);
    expect(await call(assessor, 'bank.search', { query: '' })).toEqual({ snippets: [] }); // the previous account's snippets went with its work
  });
});
