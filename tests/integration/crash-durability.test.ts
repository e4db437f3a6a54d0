import { afterEach, describe, expect, it } from 'vitest';
import type { SubmissionDetail } from '../../shared/contract/methods';
import { cleanup, freshDataDir, startPreview } from '../e2e/harness';
import { rpc } from '../support/http';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) cleanup(dir);
});

describe('acknowledged edits survive SIGKILL', () => {
  it('finds every acknowledged score and rationale after the host is killed mid-stream', async () => {
    const dataDir = freshDataDir();
    dirs.push(dataDir);
    const first = await startPreview({ dataDir });
    const open = JSON.parse((await rpc(first.port, first.secret, 'submission.open', { submissionId: 'demo-sub-003' })).body) as { value: SubmissionDetail };
    const criteria = open.value.rubric.components.flatMap((component) => component.criteria);
    const acknowledged = new Map<string, { level: number; rationale: string }>();
    for (const [index, criterion] of criteria.entries()) {
      const level = (index % 4) + 1;
      const rationale = `Rationale ${index}: evidence at 0:${String(10 + index).padStart(2, '0')}.`;
      const scored = JSON.parse((await rpc(first.port, first.secret, 'draft.setScore', { submissionId: 'demo-sub-003', criterionId: criterion.id, level })).body) as { ok: boolean };
      const explained = JSON.parse(
        (await rpc(first.port, first.secret, 'draft.setRationale', { submissionId: 'demo-sub-003', criterionId: criterion.id, rationale })).body,
      ) as { ok: boolean };
      if (scored.ok && explained.ok) acknowledged.set(criterion.id, { level, rationale });
    }
    // One more edit in flight when the process dies: it may or may not land, but must not corrupt.
    const inFlight = rpc(first.port, first.secret, 'draft.setRationale', { submissionId: 'demo-sub-003', criterionId: criteria[0]!.id, rationale: 'in flight' }).catch(() => null);
    await first.kill();
    await inFlight;

    const second = await startPreview({ dataDir });
    try {
      const reopened = JSON.parse((await rpc(second.port, second.secret, 'submission.open', { submissionId: 'demo-sub-003' })).body) as { value: SubmissionDetail };
      expect(acknowledged.size).toBe(criteria.length);
      for (const [criterionId, edit] of acknowledged) {
        const saved = reopened.value.draft.scores.find((score) => score.criterionId === criterionId);
        expect(saved?.level).toBe(edit.level);
        if (criterionId !== criteria[0]!.id) expect(saved?.rationale).toBe(edit.rationale);
        else expect([edit.rationale, 'in flight']).toContain(saved?.rationale);
      }
      expect(reopened.value.status).toBe('scored');
    } finally {
      await second.stop({ keepData: true });
    }
  });
});
