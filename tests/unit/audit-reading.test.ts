import { describe, expect, it } from 'vitest';
import type { RubricVersion } from '../../shared/domain/rubric';
import type { AuditEntry, AuditTrail } from '../../shared/hosted-api/audit';
import { answerAppeal, auditCsv } from '../../shared/quality/audit';
import type { ReceivedDecision } from '../../shared/quality/audit';

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
const laptop = { id: 'm1', name: 'laptop' };
const server = { id: 'hosted-api', name: 'Hosted API' };
let minute = 0;
const entry = (kind: AuditEntry['kind'], target: string | null, before: string | null, after: string | null, actor = one, machine = laptop): AuditEntry => {
  minute += 1;
  const at = new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString();
  return { id: `e${minute}`, kind, target, before, after, at, receivedAt: at, actor, machine };
};
const comment = (body: string): string => JSON.stringify({ evidenceId: 'v', startMs: 12_000, endMs: null, page: null, quote: null, region: null, body, tag: 'note', visibility: 'candidate', criterionIds: [] });
const decision = (outcome: string, note = ''): string => JSON.stringify({ outcome, conditionCode: null, note });
const received = (value: Partial<ReceivedDecision>): string =>
  JSON.stringify({ outcome: 'award', conditionCode: null, note: 'Second look.', decidedAt: '2026-11-02T09:10:00.000Z', machine: laptop, scores: [{ criterionId: 'a', level: 3, rationale: '' }, { criterionId: 'b', level: 3, rationale: 'Summarises, line, "quoted".' }], comments: [{ id: 'c1', ...(JSON.parse(comment('Asks why.')) as object) }], ...value });

const trail: AuditTrail = {
  submission: { id: 's1', label: 'Submission 0001', credentialTitle: 'Questioning' },
  rubric,
  evidence: [],
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
    entry('decision_received', null, null, received({}), one, server),
  ],
};

describe('reading a submission’s audit trail', () => {
  it('answers an appeal from what the server received: who decided, when, on which machine, the levels and the evidence cited', () => {
    const answer = answerAppeal(trail);
    expect(answer.decision?.value).toMatchObject({ outcome: 'award', note: 'Second look.', machine: laptop, decidedAt: '2026-11-02T09:10:00.000Z' });
    expect(answer.decision?.entry.kind).toBe('decision_received');
    expect(answer.decision?.resolution).toBe(false);
    expect(answer.scores).toEqual([
      { criterionId: 'a', level: 3, rationale: '' },
      { criterionId: 'b', level: 3, rationale: 'Summarises, line, "quoted".' },
    ]);
    expect(answer.comments.map((item) => [item.id, item.body])).toEqual([['c1', 'Asks why.']]);
    expect(answer.changedAfter).toEqual([]);
  });

  it('a lead’s resolution of an adjudication is the decision that stands, and a backread after it is a change after', () => {
    const resolved = entry('adjudication_resolved', null, null, JSON.stringify({ outcome: 'not_yet', note: 'Agreed.', scores: [{ criterionId: 'a', level: 2, rationale: 'Too few questions.' }] }), lead, server);
    const backread = entry('backread_reviewed', null, null, JSON.stringify({ criteria: [], note: '' }), lead, server);
    const answer = answerAppeal({ ...trail, entries: [...trail.entries, resolved, backread] });
    expect(answer.decision).toMatchObject({ resolution: true, value: { outcome: 'not_yet', note: 'Agreed.' }, entry: { actor: lead } });
    expect(answer.scores[0]).toEqual({ criterionId: 'a', level: 2, rationale: 'Too few questions.' });
    expect(answer.changedAfter.map((item) => item.kind)).toEqual(['backread_reviewed']);
  });

  it('a backreading override alone leaves the assessor’s received decision standing, and is listed as a change after', () => {
    const override = entry('backread_reviewed', null, null, JSON.stringify({ criteria: [{ criterionId: 'a', verdict: 'override', level: 2, note: 'Closed questions.' }], note: '' }), lead, server);
    const answer = answerAppeal({ ...trail, entries: [...trail.entries, override] });
    expect(answer.decision).toMatchObject({ resolution: false, value: { outcome: 'award' }, entry: { kind: 'decision_received', actor: one } });
    expect(answer.scores[0]).toEqual({ criterionId: 'a', level: 3, rationale: '' }); // the candidate's result is the decision's, not the feedback's
    expect(answer.changedAfter.map((item) => item.id)).toEqual([override.id]);
  });

  it('a resolution stands over every decision, whichever reached the server later, and an undo before receipt changes nothing of it', () => {
    const resolved = entry('adjudication_resolved', null, null, JSON.stringify({ outcome: 'award', note: 'Both readings weighed.', scores: [{ criterionId: 'a', level: 4, rationale: 'Probing questions.' }] }), lead, server);
    // The assessor undid and decided again; that second decision reached the server after the resolution.
    const undone = entry('decision_undone', null, decision('award', 'Second look.'), null);
    const again = entry('decision', null, null, decision('not_yet', 'Third look.'));
    const lateReceipt = entry('decision_received', null, null, received({ outcome: 'not_yet', note: 'Third look.' }), one, server);
    const answer = answerAppeal({ ...trail, entries: [...trail.entries, resolved, undone, again, lateReceipt] });
    expect(answer.decision).toMatchObject({ resolution: true, value: { outcome: 'award', note: 'Both readings weighed.' }, entry: { actor: lead } });
    expect(answer.scores.map((score) => score.level)).toEqual([4, null]);
    expect(answer.changedAfter.map((item) => item.id)).toEqual([undone.id, again.id, lateReceipt.id]);
  });

  it('never names one reading of a double-scored submission as the only one: without a resolution the other is said (the disagreement may be open), with one both are what it settled', () => {
    const two = { id: 'acct-2', displayName: 'Assessor Two' };
    const secondReading = entry('decision_received', null, null, received({ outcome: 'not_yet', note: 'Too few questions.' }), two, server);
    const open = answerAppeal({ ...trail, entries: [...trail.entries, secondReading] });
    expect(open.decision).toMatchObject({ resolution: false, entry: { actor: two } });
    expect(open.otherReadings.map((reading) => [reading.actor.displayName, reading.outcome])).toEqual([['Assessor One', 'award']]);
    const resolved = entry('adjudication_resolved', null, null, JSON.stringify({ outcome: 'award', note: 'Weighed both.', scores: [] }), lead, server);
    const settled = answerAppeal({ ...trail, entries: [...trail.entries, secondReading, resolved] });
    expect(settled.otherReadings.map((reading) => [reading.actor.displayName, reading.outcome])).toEqual([['Assessor One', 'award'], ['Assessor Two', 'not_yet']]);
    expect(answerAppeal(trail).otherReadings).toEqual([]); // read once: nothing else to say
  });

  it('a workstation’s own story cannot change the answer: a later "not yet" it sends, or an entry dressed as the server’s, is only a change after', () => {
    const forged = entry('decision', null, null, decision('not_yet', 'Changed my mind.'));
    const impostor = entry('decision_received', null, null, received({ outcome: 'not_yet' }), one, { id: 'm1', name: 'Hosted API' });
    const answer = answerAppeal({ ...trail, entries: [...trail.entries, forged, impostor] });
    expect(answer.decision?.value.outcome).toBe('award');
    expect(answer.changedAfter.map((item) => item.id)).toEqual([forged.id, impostor.id]);
  });

  it('has no standing decision until one reached the server, and reads values it cannot parse as nothing', () => {
    expect(answerAppeal({ ...trail, entries: trail.entries.slice(0, 10) }).decision).toBeNull();
    const garbled = { ...trail, entries: [entry('decision_received', null, null, '{not json', one, server)] };
    expect(answerAppeal(garbled).decision).toBeNull();
  });

  it('exports every entry as CSV, criteria named, formulas kept as text, quotes doubled', () => {
    const withLead = { ...trail, entries: [...trail.entries, entry('backread_reviewed', null, null, '{}', lead, server)] };
    const csv = auditCsv(withLead);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('submission_id,submission_label,at,received_at,actor,actor_id,machine,machine_id,change,target,target_name,before,after,change_id');
    expect(lines).toHaveLength(withLead.entries.length + 1);
    expect(lines[1]).toMatch(/^s1,Submission 0001,[^,]+,[^,]+,Assessor One,acct-1,laptop,m1,score,a,Questioning,,2,e\d+$/);
    expect(csv).toContain(',rationale,b,Closure,,"Summarises, line, ""quoted"".",');
    expect(lines.at(-1)).toMatch(/^s1,Submission 0001,[^,]+,[^,]+,"'=Lead, ""Chief""",acct-lead,/);
  });
});
