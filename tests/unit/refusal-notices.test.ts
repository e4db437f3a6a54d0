import { afterEach, describe, expect, it } from 'vitest';
import { listNotices, noteRefusedEntry } from '../../electron/core/repositories/notices';
import { saveSnapshot } from '../../electron/core/repositories/quality';
import { emptyDatabase } from '../support/fake-hosted';

// What a refused lead answer's notice names: the kind of answer, and the case by its queue's label
// (a lead's case is not a submission on this machine).

let store: ReturnType<typeof emptyDatabase> | null = null;
afterEach(() => store?.dispose());

describe('a notice of a lead’s answer the server refused', () => {
  it('names the answer and the case by the label its queue gave it', () => {
    store = emptyDatabase();
    const { db } = store;
    saveSnapshot(db, 'adjudications', [{ submissionId: 'sub-9', label: 'Submission 0009' }], '2026-12-07T10:00:00.000Z');
    noteRefusedEntry(db, { kind: 'adjudication_resolution', entityId: 'sub-9', payload: { submissionId: 'sub-9', resolution: {} } }, 'refused_already_resolved', '2026-12-07T10:01:00.000Z');
    expect(listNotices(db)).toEqual([expect.objectContaining({ kind: 'refused_by_server', what: 'adjudication_resolution', submissionLabel: 'Submission 0009', reason: 'refused_already_resolved' })]);
  });
});
