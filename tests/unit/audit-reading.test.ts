import { describe, expect, it } from 'vitest';
import type { RubricVersion } from '../../shared/domain/rubric';
import type { AuditEntry, AuditTrail } from '../../shared/hosted-api/audit';
import { answerAppeal, auditCsv } from '../../shared/quality/audit';

const levels = [1, 2, 3, 4].map((level) => ({ level, label: `L${level}`, descriptor: `d${level}` }));
const rubric: RubricVersion = {
  id: 'r',
  credentialId: 'c',
  version: 1,
  passRule: { passingLevel: 3, maxCriteriaBelowPassing: 0, minimumTotal: null },
  components: [{ id: 'p1', title: 'Part 1', description: '', criteria: [{ id: 'a', title: 'Questioning', description: '', passingLevel: null, levels }, { id: 'b', title: 'Closure', description: '', passingLevel: null, levels }] }],
};
const one = { id: 'acct-1', displayName: 'Assessor One' };
const lead = { id: 'acct-lead', displayName: '=Lead, "Chief"' };
let minute = 0;
const entry = (kind: AuditEntry['kind'], target: string | null, before: string | null, after: string | null, actor = one): AuditEntry => {
  minute += 1;
  const at = new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString();
  return { id: `e${minute}`, kind, target, before, after, at, receivedAt: at, actor, machine: { id: 'm1', name: 'laptop' } };
};
const comment = (body: string): string => JSON.stringify({ evidenceId: 'v', startMs: 12_000, endMs: null, page: null, quote: null, region: null, body, tag: 'note', visibility: 'candidate', criterionIds: [] });
const decision = (outcome: string, note = ''): string => JSON.stringify({ outcome, conditionCode: null, note });

const trail: AuditTrail = {
  submission: { id: 's1', label: 'Submission 0001', credentialTitle: 'Questioning' },
  rubric,
  entries: [
    entry('score', 'a', null, '2'),
    entry('comment', 'c1', null, comment('Asks why.')),
    entry('comment', 'c2', null, comment('Wrong moment.')),
    entry('decision', null, null, decision('not_yet')),
    entry('decision_undone', null, decision('not_yet'), null),
    entry('score', 'a', '2', '3'),
    entry('score', 'b', null, '3'),
    entry('rationale', 'b', '', 'Summarises, line, "quoted".'),
    entry('comment', 'c2', comment('Wrong moment.'), null),
    entry('decision', null, null, decision('award', 'Second look.')),
    entry('decision_received', null, null, decision('award', 'Second look.')),
    entry('adjudication_resolved', null, null, JSON.stringify({ outcome: 'award', note: 'Agreed.', scores: [] }), lead),
  ],
};

describe('reading a submission’s audit trail', () => {
  it('answers an appeal: who decided, on what evidence as it stood then, and what changed after', () => {
    const answer = answerAppeal(trail);
    expect(answer.decision?.value).toEqual({ outcome: 'award', conditionCode: null, note: 'Second look.' });
    expect(answer.decision?.entry.actor).toEqual(one);
    expect(answer.received?.kind).toBe('decision_received');
    expect(answer.scores).toEqual([
      { criterionId: 'a', level: 3, rationale: '' },
      { criterionId: 'b', level: 3, rationale: 'Summarises, line, "quoted".' },
    ]);
    expect(answer.comments.map((item) => [item.id, item.body])).toEqual([['c1', 'Asks why.']]); // the removed one is not evidence
    expect(answer.changedAfter.map((item) => item.kind)).toEqual(['adjudication_resolved']);
  });

  it('has no standing decision when the last one was undone, and reads values it cannot parse as nothing', () => {
    const undone = { ...trail, entries: trail.entries.slice(0, 5) };
    expect(answerAppeal(undone).decision).toBeNull();
    const garbled = { ...trail, entries: [entry('decision', null, null, '{not json')] };
    expect(answerAppeal(garbled).decision).toBeNull();
  });

  it('exports every entry as CSV, criteria named, formulas kept as text, quotes doubled', () => {
    const csv = auditCsv(trail);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('submission_id,submission_label,at,received_at,actor,actor_id,machine,machine_id,change,target,target_name,before,after,change_id');
    expect(lines).toHaveLength(trail.entries.length + 1);
    expect(lines[1]).toBe('s1,Submission 0001,2026-11-02T09:01:00.000Z,2026-11-02T09:01:00.000Z,Assessor One,acct-1,laptop,m1,score,a,Questioning,,2,e1');
    expect(csv).toContain(',rationale,b,Closure,,"Summarises, line, ""quoted"".",');
    expect(lines.at(-1)).toMatch(/^s1,Submission 0001,[^,]+,[^,]+,"'=Lead, ""Chief""",acct-lead,/);
  });
});
