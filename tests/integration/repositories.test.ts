import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listQueue } from '../../electron/core/repositories/batches';
import { deleteComment, listComments, saveComment } from '../../electron/core/repositories/comments';
import type { TimestampedComment } from '../../electron/core/repositories/comments';
import { getDecision, insertDecision, undoDecision } from '../../electron/core/repositories/decisions';
import { acknowledge, enqueue, forgetSentPayloads, listDue, listPayloads, releaseSettling } from '../../electron/core/repositories/outbox';
import type { CoreFixture } from '../support/core-fixture';
import { openTestCore } from '../support/core-fixture';

let fixture: CoreFixture;
beforeEach(() => {
  fixture = openTestCore();
});
afterEach(() => fixture.dispose());

const at = '2026-11-25T10:00:00.000Z';
const statusOf = (submissionId: string): string | undefined =>
  listQueue(fixture.db, 'demo-batch', new Date()).find((item) => item.submissionId === submissionId)?.status;

describe('decisions and the outbox', () => {
  const decide = (submissionId: string, key: string): void =>
    fixture.db.transaction(() => {
      insertDecision(fixture.db, { submissionId, outcome: 'award', conditionCode: null, note: '', rubricVersionId: 'dp-fl-credit-scores-v1', decidedAt: at });
      enqueue(fixture.db, { kind: 'decision', entityId: submissionId, idempotencyKey: key, payload: { submissionId, outcome: 'award' }, at, leavesAt: at });
    })();

  it('writes the decision and its outbox entry together, then acknowledges exactly once', () => {
    decide('demo-sub-001', 'key-1');
    expect(statusOf('demo-sub-001')).toBe('kept_here'); // the demo's decisions are not queued: they stay here
    const entry = fixture.db.prepare(`SELECT * FROM outbox WHERE entity_id = 'demo-sub-001'`).get() as { id: number; kind: string; idempotency_key: string; payload: string };
    expect(entry).toMatchObject({ kind: 'decision', idempotency_key: 'key-1' });
    expect(JSON.parse(entry.payload)).toMatchObject({ outcome: 'award' });
    // The embedded demo batch never syncs: its decisions are not due for sending.
    expect(listDue(fixture.db, '9999-12-31T00:00:00.000Z', 10)).toEqual([]);
    expect(acknowledge(fixture.db, entry.id, at, false)).toBe(true);
    expect(acknowledge(fixture.db, entry.id, at, false)).toBe(false);
    expect(statusOf('demo-sub-001')).toBe('synced');
  });

  it('keeps of an acknowledged entry only what the workstation still needs, not what it carried', () => {
    decide('demo-sub-001', 'key-ack');
    const { id } = fixture.db.prepare(`SELECT id FROM outbox WHERE entity_id = 'demo-sub-001'`).get() as { id: number };
    acknowledge(fixture.db, id, at, false);
    expect(fixture.db.prepare(`SELECT kind, entity_id, idempotency_key, state, created_at, acknowledged_at, payload FROM outbox WHERE id = ?`).get(id)).toEqual({
      kind: 'decision',
      entity_id: 'demo-sub-001',
      idempotency_key: 'key-ack',
      state: 'acknowledged',
      created_at: at,
      acknowledged_at: at,
      payload: '{}',
    });
  });

  it('keeps a sent referral’s words for its thread until a fetch of the threads after it was acknowledged', () => {
    const question = { id: 'r1', question: 'Does a photo of the board count as a lesson artefact?' };
    enqueue(fixture.db, { kind: 'referral', entityId: 'r1', idempotencyKey: 'key-r1', payload: question, at });
    const { id } = fixture.db.prepare(`SELECT id FROM outbox WHERE entity_id = 'r1'`).get() as { id: number };
    acknowledge(fixture.db, id, '2026-11-25T10:01:00.000Z', true);
    expect(listPayloads(fixture.db, 'referral')).toEqual([{ payload: question, sent: true, refused: false }]);
    forgetSentPayloads(fixture.db, ['referral'], '2026-11-25T10:00:30.000Z'); // threads asked for before the acknowledgement
    expect(listPayloads(fixture.db, 'referral')).toEqual([{ payload: question, sent: true, refused: false }]);
    forgetSentPayloads(fixture.db, ['referral'], '2026-11-25T10:02:00.000Z');
    expect(listPayloads(fixture.db, 'referral')).toEqual([{ payload: {}, sent: true, refused: false }]);
  });

  it('sends what is still settling with the next pass when asked ("Sync now"), only of the kinds named', () => {
    const later = '2026-11-25T11:00:00.000Z';
    enqueue(fixture.db, { kind: 'audit', entityId: 'live-1', idempotencyKey: 'key-a', payload: { changes: [] }, at, leavesAt: later });
    enqueue(fixture.db, { kind: 'decision', entityId: 'live-2', idempotencyKey: 'key-d', payload: {}, at, leavesAt: later });
    expect(listDue(fixture.db, at, 10)).toEqual([]);
    releaseSettling(fixture.db, ['audit'], at);
    expect(listDue(fixture.db, at, 10).map((entry) => entry.kind)).toEqual(['audit']); // a decision in its undo window stays
    releaseSettling(fixture.db, [], at);
    expect(listDue(fixture.db, at, 10).map((entry) => entry.kind)).toEqual(['audit']);
  });

  it('rolls both back when the outbox write fails (no decision without its entry)', () => {
    decide('demo-sub-001', 'same-key');
    expect(() => decide('demo-sub-002', 'same-key')).toThrow(/UNIQUE/);
    expect(getDecision(fixture.db, 'demo-sub-002')).toBeNull();
    expect(statusOf('demo-sub-002')).toBe('not_started');
  });

  it('allows undo until the decision has left, and not after', () => {
    const now = new Date().toISOString();
    decide('demo-sub-001', 'key-undo');
    expect(undoDecision(fixture.db, 'demo-sub-001', now)).toBe(true);
    expect(getDecision(fixture.db, 'demo-sub-001')).toBeNull();
    decide('demo-sub-001', 'key-undo-2');
    fixture.db.prepare(`UPDATE outbox SET attempts = 1 WHERE entity_id = 'demo-sub-001'`).run();
    expect(undoDecision(fixture.db, 'demo-sub-001', now)).toBe(false);
    expect(getDecision(fixture.db, 'demo-sub-001')).not.toBeNull();
  });

  it('requires a condition code exactly when the decision is a flag', () => {
    const base = { submissionId: 'demo-sub-003', note: 'n', rubricVersionId: 'dp-fl-risk-return-v1', decidedAt: at };
    const record = (decision: Pick<Parameters<typeof insertDecision>[1], 'outcome' | 'conditionCode'>, key: string): void =>
      fixture.db.transaction(() => {
        insertDecision(fixture.db, { ...base, ...decision });
        enqueue(fixture.db, { kind: 'decision', entityId: base.submissionId, idempotencyKey: key, payload: {}, at, leavesAt: at });
      })();
    expect(() => record({ outcome: 'flag', conditionCode: null }, 'k1')).toThrow(/CHECK/);
    expect(() => record({ outcome: 'award', conditionCode: 'video_unplayable' }, 'k2')).toThrow(/CHECK/);
    record({ outcome: 'flag', conditionCode: 'video_unplayable' }, 'k3');
    expect(statusOf('demo-sub-003')).toBe('kept_here');
  });

  it('shows a conflict when the server refused the decision', () => {
    decide('demo-sub-001', 'key-c');
    fixture.db.prepare(`UPDATE outbox SET state = 'conflict' WHERE entity_id = 'demo-sub-001'`).run();
    expect(statusOf('demo-sub-001')).toBe('conflict');
  });
});

describe('timestamped comments', () => {
  const comment = (overrides: Partial<TimestampedComment>): TimestampedComment => ({
    id: 'c1',
    submissionId: 'demo-sub-001',
    evidenceId: 'demo-ev-001-video',
    startMs: 12_000,
    endMs: null,
    page: null,
    quote: null,
    region: null,
    body: 'Names utilization clearly.',
    tag: 'strength',
    visibility: 'candidate',
    criterionIds: ['cs-ev-factors'],
    createdAt: at,
    updatedAt: at,
    ...overrides,
  });

  it('lists comments in evidence order, then by time, with their criteria', () => {
    saveComment(fixture.db, comment({ id: 'late', startMs: 30_000, endMs: 35_000, criterionIds: ['cs-ev-engagement', 'cs-ev-factors'] }));
    saveComment(fixture.db, comment({ id: 'early', startMs: 2_000 }));
    saveComment(fixture.db, comment({ id: 'doc', evidenceId: 'demo-ev-001-work', startMs: null, page: 2, quote: 'Utilization means', tag: 'note' }));
    const comments = listComments(fixture.db, 'demo-sub-001');
    expect(comments.map((item) => item.id)).toEqual(['early', 'late', 'doc']);
    expect(comments[1]!.criterionIds).toEqual(['cs-ev-engagement', 'cs-ev-factors']);
    expect(comments[2]).toMatchObject({ page: 2, quote: 'Utilization means' });
  });

  it('edits in place and deletes', () => {
    saveComment(fixture.db, comment({}));
    saveComment(fixture.db, comment({ body: 'Edited.', criterionIds: [] }));
    expect(listComments(fixture.db, 'demo-sub-001')).toEqual([expect.objectContaining({ body: 'Edited.', criterionIds: [] })]);
    expect(deleteComment(fixture.db, 'c1')).toBe(true);
    expect(listComments(fixture.db, 'demo-sub-001')).toEqual([]);
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => saveComment(fixture.db, comment({ startMs: 10_000, endMs: 5_000 }))).toThrow(/CHECK/);
  });
});
