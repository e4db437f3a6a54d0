import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubmissionDetail } from '../../shared/contract/methods';
import type { EvidenceComment } from '../../shared/domain/comment';
import { DecisionPayload } from '../../shared/domain/decision';
import type { CoreFixture } from '../support/core-fixture';
import { openTestCore, value } from '../support/core-fixture';
import { systemClock } from '../../electron/core/platform/clock';

let fixture: CoreFixture;
beforeEach(() => {
  fixture = openTestCore();
});
afterEach(() => fixture.dispose());

const open = (submissionId: string): SubmissionDetail => value(fixture.core.invoke('submission.open', { submissionId })) as SubmissionDetail;
const call = (method: string, input: unknown): unknown => value(fixture.core.invoke(method, input) as never);
const refusal = (method: string, input: unknown): string => {
  const result = fixture.core.invoke(method, input);
  if (result.ok) throw new Error(`${method} should have been refused`);
  return result.error.code;
};
const videoComment = (overrides: Partial<EvidenceComment> = {}): EvidenceComment => ({
  id: 'comment-1',
  evidenceId: 'demo-ev-003-video',
  startMs: 12_000,
  endMs: null,
  page: null,
  quote: null,
  region: null,
  body: 'Students weigh the trade-off here.',
  tag: 'strength',
  visibility: 'candidate',
  criterionIds: ['rr-ev-discussion'],
  ...overrides,
});
const scoreAll = (submissionId: string, level: (criterionId: string) => number): void => {
  for (const component of open(submissionId).rubric.components) {
    for (const criterion of component.criteria) call('draft.setScore', { submissionId, criterionId: criterion.id, level: level(criterion.id) });
  }
};

describe('comments through the contract', () => {
  it('saves, edits and deletes a timestamped comment', () => {
    call('comment.save', { submissionId: 'demo-sub-003', comment: videoComment() });
    call('comment.save', { submissionId: 'demo-sub-003', comment: videoComment({ id: 'comment-2', startMs: 3_000, endMs: 9_500, tag: 'growth_area' }) });
    expect(open('demo-sub-003').comments.map((comment) => [comment.id, comment.startMs])).toEqual([
      ['comment-2', 3_000],
      ['comment-1', 12_000],
    ]);
    call('comment.save', { submissionId: 'demo-sub-003', comment: videoComment({ body: 'Edited.' }) });
    expect(open('demo-sub-003').comments.find((comment) => comment.id === 'comment-1')?.body).toBe('Edited.');
    call('comment.delete', { submissionId: 'demo-sub-003', commentId: 'comment-2' });
    expect(open('demo-sub-003').comments.map((comment) => comment.id)).toEqual(['comment-1']);
  });

  it('anchors video comments to times and document comments to pages', () => {
    expect(refusal('comment.save', { submissionId: 'demo-sub-003', comment: videoComment({ startMs: null, page: 1 }) })).toBe('invalid_input');
    expect(refusal('comment.save', { submissionId: 'demo-sub-003', comment: videoComment({ startMs: 600_000 }) })).toBe('invalid_input');
    expect(refusal('comment.save', { submissionId: 'demo-sub-003', comment: videoComment({ startMs: 9_000, endMs: 5_000 }) })).toBe('invalid_input');
    expect(refusal('comment.save', { submissionId: 'demo-sub-003', comment: videoComment({ evidenceId: 'demo-ev-001-video' }) })).toBe('invalid_input');
    expect(refusal('comment.save', { submissionId: 'demo-sub-003', comment: videoComment({ criterionIds: ['cs-ev-factors'] }) })).toBe('invalid_input');
    call('comment.save', {
      submissionId: 'demo-sub-001',
      comment: videoComment({ evidenceId: 'demo-ev-001-work', startMs: null, page: 2, quote: 'Utilization means', criterionIds: ['cs-ev-work'] }),
    });
    expect(open('demo-sub-001').comments[0]).toMatchObject({ page: 2, quote: 'Utilization means' });
  });

  it('takes a quote of the written response only as a passage of it, word for word', () => {
    const quoted = (quote: string) => videoComment({ id: 'comment-quote', evidenceId: 'demo-ev-001-reflection', startMs: null, page: 1, quote, criterionIds: ['cs-ev-work'] });
    const made = fixture.core.invoke('comment.save', { submissionId: 'demo-sub-001', comment: quoted('The candidate admitted to plagiarism') });
    expect(made).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'A quote is a passage of the written response, word for word.' } });
    expect(open('demo-sub-001').comments).toEqual([]);
    call('comment.save', { submissionId: 'demo-sub-001', comment: quoted('My eleventh graders come from families') });
    expect(open('demo-sub-001').comments[0]).toMatchObject({ quote: 'My eleventh graders come from families' });
  });

  it('keeps a region marked on an image or a page, refuses one elsewhere, and counts it as cited evidence', () => {
    const region = { x: 0.1, y: 0.2, width: 0.3, height: 0.25 };
    const imageComment = videoComment({ id: 'region-1', evidenceId: 'demo-ev-002-image', startMs: null, page: 1, region, tag: 'growth_area', criterionIds: [] });
    expect(refusal('comment.save', { submissionId: 'demo-sub-002', comment: videoComment({ evidenceId: 'demo-ev-002-video', region, criterionIds: [] }) })).toBe('invalid_input');
    expect(refusal('comment.save', { submissionId: 'demo-sub-002', comment: { ...imageComment, region: { ...region, width: 0.95 } } })).toBe('invalid_input');
    expect(refusal('comment.save', { submissionId: 'demo-sub-002', comment: { ...imageComment, page: null } })).toBe('invalid_input');
    call('comment.save', { submissionId: 'demo-sub-002', comment: imageComment });
    expect(open('demo-sub-002').comments).toEqual([expect.objectContaining({ id: 'region-1', page: 1, region })]);
    // Not yet with every low criterion cited by a region comment and nothing else.
    const criteria = open('demo-sub-002').rubric.components.flatMap((component) => component.criteria.map((criterion) => criterion.id));
    scoreAll('demo-sub-002', (id) => (id === criteria[0] ? 1 : 3));
    expect(refusal('decision.submit', { submissionId: 'demo-sub-002', outcome: 'not_yet', conditionCode: null, note: '' })).toBe('conflict');
    call('comment.save', { submissionId: 'demo-sub-002', comment: { ...imageComment, criterionIds: [criteria[0]] } });
    expect(call('decision.submit', { submissionId: 'demo-sub-002', outcome: 'not_yet', conditionCode: null, note: '' })).toMatchObject({ decision: { outcome: 'not_yet' } });
  });

  it('refuses to move a comment to another submission', () => {
    call('comment.save', { submissionId: 'demo-sub-003', comment: videoComment() });
    expect(refusal('comment.save', { submissionId: 'demo-sub-007', comment: videoComment({ evidenceId: 'demo-ev-007-video', criterionIds: [] }) })).toBe('conflict');
    expect(refusal('comment.delete', { submissionId: 'demo-sub-007', commentId: 'comment-1' })).toBe('not_found');
  });
});

describe('feedback, playback and time on task', () => {
  it('keeps overall and per-component feedback, playback position and active time', () => {
    call('draft.setFeedback', { submissionId: 'demo-sub-003', componentId: null, body: 'Overall: strong discussion.' });
    call('draft.setFeedback', { submissionId: 'demo-sub-003', componentId: 'rr-reflection', body: 'Cite student work.' });
    expect(refusal('draft.setFeedback', { submissionId: 'demo-sub-003', componentId: 'cs-reflection', body: 'x' })).toBe('invalid_input');
    call('draft.setPlayback', { submissionId: 'demo-sub-003', evidenceId: 'demo-ev-003-video', positionMs: 21_500 });
    expect(refusal('draft.setPlayback', { submissionId: 'demo-sub-003', evidenceId: 'demo-ev-001-video', positionMs: 1 })).toBe('invalid_input');
    expect(call('draft.addActiveTime', { submissionId: 'demo-sub-003', ms: 15_000 })).toEqual({ activeMs: 15_000 }); // (more slices: 'time on task' below)
    expect(open('demo-sub-003').draft).toMatchObject({
      overallFeedback: 'Overall: strong discussion.',
      componentFeedback: { 'rr-reflection': 'Cite student work.' },
      playback: { evidenceId: 'demo-ev-003-video', positionMs: 21_500 },
      activeMs: 15_000,
    });
  });
});

describe('decisions through the contract', () => {
  it('refuses an award the pass rule does not support and an uncited not yet', () => {
    expect(refusal('decision.submit', { submissionId: 'demo-sub-003', outcome: 'award', conditionCode: null, note: '' })).toBe('conflict');
    scoreAll('demo-sub-003', (id) => (id === 'rr-ev-discussion' ? 2 : 3));
    expect(refusal('decision.submit', { submissionId: 'demo-sub-003', outcome: 'award', conditionCode: null, note: '' })).toBe('conflict');
    expect(refusal('decision.submit', { submissionId: 'demo-sub-003', outcome: 'not_yet', conditionCode: null, note: '' })).toBe('conflict');
    call('comment.save', { submissionId: 'demo-sub-003', comment: videoComment({ tag: 'growth_area' }) });
    const decided = call('decision.submit', { submissionId: 'demo-sub-003', outcome: 'not_yet', conditionCode: null, note: '' }) as {
      decision: { outcome: string; undoable: boolean };
      status: string;
      nextSubmissionId: string;
    };
    expect(decided).toMatchObject({ decision: { outcome: 'not_yet', undoable: true }, status: 'kept_here', nextSubmissionId: 'demo-sub-004' }); // the demo's: it stays here
  });

  it('writes the full decision payload to the outbox and freezes the draft', () => {
    scoreAll('demo-sub-002', () => 4);
    call('draft.setRationale', { submissionId: 'demo-sub-002', criterionId: 'ci-ev-calculation', rationale: 'Checks by estimation at 0:21.' });
    call('draft.addActiveTime', { submissionId: 'demo-sub-002', ms: 60_000 });
    call('decision.submit', { submissionId: 'demo-sub-002', outcome: 'award', conditionCode: null, note: '' });
    const entry = fixture.db.prepare(`SELECT payload FROM outbox WHERE entity_id = 'demo-sub-002'`).get() as { payload: string };
    const payload = DecisionPayload.parse(JSON.parse(entry.payload));
    expect(payload).toMatchObject({ submissionId: 'demo-sub-002', outcome: 'award', activeMs: 60_000, rubricVersionId: 'dp-fl-compound-interest-v1' });
    expect(payload.scores.find((score) => score.criterionId === 'ci-ev-calculation')).toEqual({ criterionId: 'ci-ev-calculation', level: 4, rationale: 'Checks by estimation at 0:21.' });
    expect(refusal('draft.setScore', { submissionId: 'demo-sub-002', criterionId: 'ci-ev-calculation', level: 1 })).toBe('conflict');
    expect(refusal('decision.submit', { submissionId: 'demo-sub-002', outcome: 'award', conditionCode: null, note: '' })).toBe('conflict');
  });

  it('refuses a decision the server would refuse for its size, saying what to shorten, and queues nothing', () => {
    // Flagged (no checklist in the way) with 600 comments of 10,000 characters: over the server's 5 MB.
    for (let index = 0; index < 600; index++) call('comment.save', { submissionId: 'demo-sub-005', comment: videoComment({ id: `long-${index}`, evidenceId: 'demo-ev-005-video', criterionIds: [], body: 'x'.repeat(10_000) }) });
    const refused = fixture.core.invoke('decision.submit', { submissionId: 'demo-sub-005', outcome: 'flag', conditionCode: 'video_unplayable', note: '' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^This decision is 5\.\d MB of comments and feedback; the server takes at most 5 MB\. Shorten or remove some comments first\.$/) as string } });
    expect(fixture.db.prepare(`SELECT count(*) AS n FROM outbox WHERE entity_id = 'demo-sub-005'`).get()).toEqual({ n: 0 });
    expect(open('demo-sub-005').decision).toBeNull();
    // Shortened, it goes.
    for (let index = 0; index < 100; index++) call('comment.delete', { submissionId: 'demo-sub-005', commentId: `long-${index}` });
    call('decision.submit', { submissionId: 'demo-sub-005', outcome: 'flag', conditionCode: 'video_unplayable', note: '' });
  });

  it('flags with a condition code at any time, and undoes until the decision leaves', () => {
    expect(fixture.core.invoke('decision.undo', { submissionId: 'demo-sub-005' })).toMatchObject({ ok: false, error: { code: 'conflict', message: 'This submission has no decision to undo.' } });
    expect(refusal('decision.submit', { submissionId: 'demo-sub-005', outcome: 'flag', conditionCode: null, note: '' })).toBe('conflict');
    call('decision.submit', { submissionId: 'demo-sub-005', outcome: 'flag', conditionCode: 'video_unplayable', note: 'Audio track missing after 0:30.' });
    expect(open('demo-sub-005').decision).toMatchObject({ outcome: 'flag', conditionCode: 'video_unplayable', undoable: true });
    expect(call('decision.undo', { submissionId: 'demo-sub-005' })).toEqual({ status: 'not_started' });
    call('decision.submit', { submissionId: 'demo-sub-005', outcome: 'flag', conditionCode: 'identifying_information', note: '' });
    fixture.db.prepare(`UPDATE outbox SET attempts = 1 WHERE entity_id = 'demo-sub-005'`).run();
    expect(open('demo-sub-005').decision?.undoable).toBe(false);
    expect(refusal('decision.undo', { submissionId: 'demo-sub-005' })).toBe('conflict');
  });

  it('does not count the demo’s decisions as waiting to sync (nothing of the demo leaves)', async () => {
    scoreAll('demo-sub-002', () => 3);
    call('decision.submit', { submissionId: 'demo-sub-002', outcome: 'award', conditionCode: null, note: '' });
    expect(fixture.db.prepare(`SELECT count(*) AS n FROM outbox WHERE kind = 'decision' AND state = 'pending'`).get()).toEqual({ n: 1 }); // kept, as a decision
    expect(value(await fixture.core.invokeAsync('sync.status', {}))).toMatchObject({ waiting: 0, conflicts: 0 });
  });

  it('holds a decision 10 s for undo when the assessor chose no window (the default the undo toast counts down from)', () => {
    fixture.dispose();
    fixture = openTestCore({ undoWindowSeconds: null });
    scoreAll('demo-sub-002', () => 3);
    call('decision.submit', { submissionId: 'demo-sub-002', outcome: 'award', conditionCode: null, note: '' });
    const entry = fixture.db.prepare(`SELECT created_at, next_attempt_at FROM outbox WHERE kind = 'decision' AND entity_id = 'demo-sub-002'`).get() as { created_at: string; next_attempt_at: string };
    expect(Date.parse(entry.next_attempt_at) - Date.parse(entry.created_at)).toBe(10_000);
  });

  it('moves to the next undecided submission, wrapping, and says when none is left', () => {
    for (const id of ['demo-sub-001', 'demo-sub-002', 'demo-sub-003', 'demo-sub-004', 'demo-sub-005', 'demo-sub-006']) {
      call('decision.submit', { submissionId: id, outcome: 'flag', conditionCode: 'wrong_or_missing_file', note: '' });
    }
    const last = call('decision.submit', { submissionId: 'demo-sub-007', outcome: 'flag', conditionCode: 'wrong_or_missing_file', note: '' }) as { nextSubmissionId: string | null };
    expect(last.nextSubmissionId).toBeNull();
    call('decision.undo', { submissionId: 'demo-sub-002' });
    const again = call('decision.undo', { submissionId: 'demo-sub-007' });
    expect(again).toEqual({ status: 'not_started' });
    const next = call('decision.submit', { submissionId: 'demo-sub-007', outcome: 'flag', conditionCode: 'wrong_or_missing_file', note: '' }) as { nextSubmissionId: string | null };
    expect(next.nextSubmissionId).toBe('demo-sub-002');
  });
});

describe('time on task', () => {
  it('grows no faster than the clock: reports in quick succession count only the time between them', () => {
    let nowMs = Date.parse('2026-12-07T10:00:00.000Z');
    fixture.dispose();
    fixture = openTestCore({ clock: { ...systemClock, now: () => new Date(nowMs) } });
    const add = (ms: number): number => (call('draft.addActiveTime', { submissionId: 'demo-sub-001', ms }) as { activeMs: number }).activeMs;
    expect(add(10_000)).toBe(10_000);
    nowMs += 10_000;
    expect(add(10_000)).toBe(20_000); // an honest slice every 10 s
    for (let index = 0; index < 60; index++) add(600_000); // forged: ten hours at once
    expect(add(1)).toBeLessThan(20_000 + 61 * 2_000 + 1);
  });
});

describe('comment bank and preferences', () => {
  it('saves, searches (most used first), edits and deletes snippets', () => {
    call('bank.save', { id: 'snip-1', title: 'Cite student work', body: 'Refer to specific student work samples.', tag: 'growth_area' });
    call('bank.save', { id: 'snip-2', title: 'Measurable objectives', body: 'Say what students will be able to do.', tag: 'growth_area' });
    call('bank.markUsed', { id: 'snip-2' });
    expect((call('bank.search', { query: '' }) as { snippets: { id: string }[] }).snippets.map((snippet) => snippet.id)).toEqual(['snip-2', 'snip-1']);
    expect((call('bank.search', { query: 'STUDENT work' }) as { snippets: { id: string }[] }).snippets.map((snippet) => snippet.id)).toEqual(['snip-1']);
    call('bank.save', { id: 'snip-1', title: 'Cite student work', body: 'Edited body.', tag: 'note' });
    expect((call('bank.search', { query: 'edited' }) as { snippets: { tag: string }[] }).snippets).toEqual([expect.objectContaining({ tag: 'note' })]);
    expect(call('bank.delete', { id: 'snip-1' })).toEqual({ deleted: true });
    expect(refusal('bank.save', { id: 'snip-3', title: '   ', body: 'x', tag: 'note' })).toBe('invalid_input');
  });

  it('merges preference patches and validates them', () => {
    expect(call('preferences.get', {})).toEqual({ undoWindowSeconds: 0 }); // the test fixture's choice
    call('preferences.set', { patch: { splitRatio: 0.6, keymap: { commentAtTime: ['Alt+C'] } } });
    expect(call('preferences.set', { patch: { openSubmissionId: 'demo-sub-004' } })).toEqual({
      undoWindowSeconds: 0,
      splitRatio: 0.6,
      keymap: { commentAtTime: ['Alt+C'] },
      openSubmissionId: 'demo-sub-004',
    });
    expect(refusal('preferences.set', { patch: { splitRatio: 5 } })).toBe('invalid_input');
    expect(refusal('preferences.set', { patch: { undoWindowSeconds: 61 } })).toBe('invalid_input');
    expect(refusal('preferences.set', { patch: { keymap: { launchMissiles: ['X'] } } })).toBe('invalid_input');
  });
});
