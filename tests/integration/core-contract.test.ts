import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueueItem } from '../../shared/domain/submission';
import type { SubmissionDetail } from '../../shared/contract/methods';
import { methods } from '../../shared/contract/methods';
import type { CoreFixture } from '../support/core-fixture';
import { openTestCore, value } from '../support/core-fixture';

let fixture: CoreFixture;
beforeEach(() => {
  fixture = openTestCore();
});
afterEach(() => fixture.dispose());

const firstSubmission = (): SubmissionDetail => {
  const queue = value(fixture.core.invoke('queue.list', { batchId: 'demo-batch' })) as { items: QueueItem[] };
  return value(fixture.core.invoke('submission.open', { submissionId: queue.items[0]!.submissionId })) as SubmissionDetail;
};

describe('core input validation', () => {
  const garbage: unknown[] = [
    undefined,
    null,
    42,
    'string',
    [],
    { submissionId: 7 },
    { submissionId: '' },
    { submissionId: '../../etc/passwd' },
    { submissionId: 'x'.repeat(10_000) },
    { batchId: 'demo-batch', unexpected: true },
    { submissionId: 'demo-sub-001', criterionId: 'cs-ov-context', level: 'high' },
    { submissionId: 'demo-sub-001', criterionId: 'cs-ov-context', level: 99 },
    { submissionId: 'demo-sub-001', criterionId: 'cs-ov-context', rationale: 'x'.repeat(20_001) },
    { __proto__: { submissionId: 'demo-sub-001' } },
  ];
  const needingInput = (Object.keys(methods) as (keyof typeof methods)[]).filter((name) => !methods[name].input.safeParse({}).success);
  const takingNothing = (Object.keys(methods) as (keyof typeof methods)[]).filter((name) => methods[name].input.safeParse({}).success);

  it.each(takingNothing)('%s refuses any input but an empty object', (method) => {
    for (const input of [42, 'x', [], { extra: true }]) expect(fixture.core.invoke(method, input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it.each(needingInput)('%s answers invalid_input to every malformed payload, never throwing', (method) => {
    for (const input of garbage) {
      const result = fixture.core.invoke(method, input);
      expect(result.ok, JSON.stringify(input)?.slice(0, 60)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid_input');
    }
  });

  it('names an unknown method as such', () => {
    expect(fixture.core.invoke('db.exec', { sql: 'DROP TABLE submissions' })).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(fixture.core.invoke('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('says not_found for a well-formed id that is not in the workspace', () => {
    expect(fixture.core.invoke('submission.open', { submissionId: 'no-such-submission' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a criterion from another rubric and a level the criterion does not have', () => {
    const submission = firstSubmission();
    const criterionId = submission.rubric.components[0]!.criteria[0]!.id;
    expect(fixture.core.invoke('draft.setScore', { submissionId: submission.submissionId, criterionId: 'rr-ev-time', level: 2 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(fixture.core.invoke('draft.setScore', { submissionId: submission.submissionId, criterionId, level: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('validates its own replies against the contract', () => {
    const submission = firstSubmission();
    expect(methods['submission.open'].output.safeParse(submission).success).toBe(true);
    const summary = value(fixture.core.invoke('workspace.summary', {}));
    expect(methods['workspace.summary'].output.safeParse(summary).success).toBe(true);
  });
});

describe('scoring drafts and queue status', () => {
  it('moves a submission from not started to in progress to scored, with events', () => {
    const submission = firstSubmission();
    const events: unknown[] = [];
    fixture.core.subscribe((event, payload) => events.push({ event, payload }));
    expect(submission.status).toBe('not_started');
    const criteria = submission.rubric.components.flatMap((component) => component.criteria);
    const first = value(fixture.core.invoke('draft.setScore', { submissionId: submission.submissionId, criterionId: criteria[0]!.id, level: 3 }));
    expect(first).toMatchObject({ status: 'in_progress' });
    for (const criterion of criteria.slice(1)) {
      value(fixture.core.invoke('draft.setScore', { submissionId: submission.submissionId, criterionId: criterion.id, level: 4 }));
    }
    const reopened = value(fixture.core.invoke('submission.open', { submissionId: submission.submissionId })) as SubmissionDetail;
    expect(reopened.status).toBe('scored');
    expect(reopened.draft.scores).toHaveLength(criteria.length);
    expect(events.at(-1)).toEqual({
      event: 'queue.changed',
      payload: { batchId: 'demo-batch', submissionId: submission.submissionId, status: 'scored', outcome: null },
    });
    const summary = value(fixture.core.invoke('workspace.summary', {})) as { batches: { counts: Record<string, number> }[] };
    expect(summary.batches[0]!.counts.scored).toBe(1);
  });

  it('keeps a rationale and a score on the same criterion independently', () => {
    const submission = firstSubmission();
    const criterionId = submission.rubric.components[1]!.criteria[0]!.id;
    value(fixture.core.invoke('draft.setRationale', { submissionId: submission.submissionId, criterionId, rationale: 'At 0:12 the class names utilization.' }));
    value(fixture.core.invoke('draft.setScore', { submissionId: submission.submissionId, criterionId, level: 2 }));
    const reopened = value(fixture.core.invoke('submission.open', { submissionId: submission.submissionId })) as SubmissionDetail;
    expect(reopened.draft.scores).toEqual([
      expect.objectContaining({ criterionId, level: 2, rationale: 'At 0:12 the class names utilization.' }),
    ]);
  });

  it('clears a score with null, which counts as unscored: with nothing else scored or written, not started', () => {
    const submission = firstSubmission();
    const [first, second] = submission.rubric.components[0]!.criteria;
    value(fixture.core.invoke('draft.setScore', { submissionId: submission.submissionId, criterionId: second!.id, level: 2 }));
    value(fixture.core.invoke('draft.setScore', { submissionId: submission.submissionId, criterionId: first!.id, level: 3 }));
    expect(value(fixture.core.invoke('draft.setScore', { submissionId: submission.submissionId, criterionId: first!.id, level: null }))).toMatchObject({ status: 'in_progress' });
    expect(value(fixture.core.invoke('draft.setScore', { submissionId: submission.submissionId, criterionId: second!.id, level: null }))).toMatchObject({ status: 'not_started' });
  });

  it('is in progress only once something was scored or written, not when it was merely opened and watched', () => {
    const submission = firstSubmission();
    const { submissionId } = submission;
    const video = submission.evidence.find((item) => item.kind === 'video')!;
    value(fixture.core.invoke('draft.setPlayback', { submissionId, evidenceId: video.id, positionMs: 12_000 }));
    value(fixture.core.invoke('draft.addActiveTime', { submissionId, ms: 30_000 }));
    expect((value(fixture.core.invoke('submission.open', { submissionId })) as SubmissionDetail).status).toBe('not_started');
    // C pressed: a comment begun with nothing typed, quoted or marked is not work yet.
    const begun = { id: 'c0a8f0e2-6d0e-4c5e-9a51-2f1f9a4b7c12', evidenceId: video.id, startMs: 12_000, endMs: null, page: null, quote: null, region: null, body: '', tag: 'note' as const, visibility: 'candidate' as const, criterionIds: [] };
    value(fixture.core.invoke('comment.save', { submissionId, comment: begun }));
    expect((value(fixture.core.invoke('submission.open', { submissionId })) as SubmissionDetail).status).toBe('not_started');
    value(fixture.core.invoke('comment.save', { submissionId, comment: { ...begun, body: 'Asks' } }));
    expect((value(fixture.core.invoke('submission.open', { submissionId })) as SubmissionDetail).status).toBe('in_progress');
    value(fixture.core.invoke('comment.delete', { submissionId, commentId: begun.id }));
    value(fixture.core.invoke('draft.setFeedback', { submissionId, componentId: null, body: 'Clear plan.' }));
    expect((value(fixture.core.invoke('submission.open', { submissionId })) as SubmissionDetail).status).toBe('in_progress');
  });
});

describe('large batches', () => {
  it('generates a 5,000-submission batch that lists in order with statuses', () => {
    const large = openTestCore({ generatedBatch: 5000 });
    try {
      const queue = value(large.core.invoke('queue.list', { batchId: 'generated-5000' })) as { items: QueueItem[] };
      expect(queue.items).toHaveLength(5000);
      expect(queue.items[4999]).toMatchObject({ label: 'Submission 05000', position: 4999, status: 'not_started' });
      const opened = value(large.core.invoke('submission.open', { submissionId: queue.items[1234]!.submissionId })) as SubmissionDetail;
      expect(opened.evidence.length).toBeGreaterThan(0);
    } finally {
      large.dispose();
    }
  });
});
