import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionDetail, WorkspaceSummary } from '../../shared/contract/methods';
import { getEvidence } from '../../electron/core/repositories/evidence';
import type { CoreFixture } from '../support/core-fixture';
import { openTestCore, value } from '../support/core-fixture';

let fixture: CoreFixture;
let summary: WorkspaceSummary;
let details: SubmissionDetail[];

beforeAll(() => {
  fixture = openTestCore();
  summary = value(fixture.core.invoke('workspace.summary', {})) as WorkspaceSummary;
  const batchId = summary.batches[0]!.id;
  const queue = value(fixture.core.invoke('queue.list', { batchId })) as { items: { submissionId: string }[] };
  details = queue.items.map((item) => value(fixture.core.invoke('submission.open', { submissionId: item.submissionId })) as SubmissionDetail);
});
afterAll(() => fixture.dispose());

describe('embedded demo workspace', () => {
  it('opens on first launch with no server, labelled as a demo', () => {
    expect(summary.isDemo).toBe(true);
    expect(summary.batches).toHaveLength(1);
    expect(summary.batches[0]!.label).toMatch(/demo/i);
  });

  it('holds at least 6 submissions over the three required micro-credentials', () => {
    expect(details.length).toBeGreaterThanOrEqual(6);
    expect(new Set(details.map((detail) => detail.credential.title))).toEqual(
      new Set(['Understanding Credit Scores', 'Calculating Compound Interest', 'Discussing Risk and Return']),
    );
  });

  it('gives every rubric 3 components of 2–4 criteria with 4 described levels and a pass rule', () => {
    for (const { rubric } of details) {
      expect(rubric.components).toHaveLength(3);
      for (const component of rubric.components) {
        expect(component.criteria.length).toBeGreaterThanOrEqual(2);
        expect(component.criteria.length).toBeLessThanOrEqual(4);
        for (const criterion of component.criteria) {
          expect(criterion.levels.map((level) => level.level)).toEqual([1, 2, 3, 4]);
          for (const level of criterion.levels) expect(level.descriptor.length).toBeGreaterThan(5);
        }
      }
      expect(rubric.passRule.passingLevel).toBeGreaterThan(1);
    }
  });

  it('has WebM and MP4 video, a PDF, an image and written reflections', () => {
    const evidence = details.flatMap((detail) => detail.evidence);
    const videos = evidence.filter((item) => item.kind === 'video');
    expect(new Set(videos.map((item) => item.mimeType))).toEqual(new Set(['video/webm', 'video/mp4']));
    expect(new Set(videos.map((item) => item.sha256)).size).toBeGreaterThanOrEqual(3);
    expect(evidence.some((item) => item.kind === 'document' && item.mimeType === 'application/pdf')).toBe(true);
    expect(evidence.some((item) => item.kind === 'image')).toBe(true);
    expect(evidence.filter((item) => item.kind === 'text').every((item) => (item.text ?? '').length > 50)).toBe(true);
    expect(evidence.some((item) => item.hasCaptions)).toBe(true);
  });

  it('records sizes and SHA-256 digests that match the shipped files', () => {
    for (const summaryItem of details.flatMap((detail) => detail.evidence).filter((item) => item.kind !== 'text')) {
      const record = getEvidence(fixture.db, summaryItem.id)!;
      const bytes = readFileSync(record.localPath!);
      expect(summaryItem.bytes).toBe(bytes.length);
      expect(summaryItem.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      if (summaryItem.kind === 'video') expect(bytes.length).toBeLessThan(1024 * 1024);
    }
  });

  it('includes a resubmission carrying attempt 1’s scores and feedback', () => {
    const resubmission = details.find((detail) => detail.attempt === 2);
    expect(resubmission).toBeDefined();
    const previous = resubmission!.previousAttempts[0]!;
    expect(previous).toMatchObject({ attempt: 1, outcome: 'not_yet' });
    expect(previous.overallFeedback.length).toBeGreaterThan(20);
    const criterionIds = resubmission!.rubric.components.flatMap((component) => component.criteria.map((criterion) => criterion.id));
    expect(previous.scores.map((score) => score.criterionId).sort()).toEqual([...criterionIds].sort());
  });

  it('never sends a file path or candidate identity to the renderer', () => {
    const text = JSON.stringify(details);
    expect(text).not.toContain(fixture.dataDir);
    expect(text).not.toMatch(/resources\/demo|localPath|\.webm"|candidate(Name|Email|Id)/);
  });
});

describe('a decision in the demo', () => {
  it('says it stays on this computer (kept_here), counts as decided, and is not waiting to sync', async () => {
    const { submissionId, rubric } = details[0]!;
    for (const criterion of rubric.components.flatMap((component) => component.criteria)) {
      value(fixture.core.invoke('draft.setScore', { submissionId, criterionId: criterion.id, level: 3 }));
    }
    value(await fixture.core.invokeAsync('decision.submit', { submissionId, outcome: 'award', conditionCode: null, note: '' }));
    expect((value(fixture.core.invoke('submission.open', { submissionId })) as SubmissionDetail).status).toBe('kept_here');
    const after = value(fixture.core.invoke('workspace.summary', {})) as WorkspaceSummary;
    expect(after.batches[0]!.counts).toMatchObject({ kept_here: 1, queued: 0 });
    expect(value(await fixture.core.invokeAsync('sync.status', {}))).toMatchObject({ waiting: 0 });
  });
});
