// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditTrail } from '../../../shared/hosted-api/audit';
import { answerAppeal } from '../../../shared/quality/audit';
import { AppealAnswerPanel } from '../../../renderer/src/lead/AppealAnswerPanel';
import { rubric } from './fixtures';
import { startI18n } from './harness';

beforeAll(startI18n);

const server = { id: 'hosted-api', name: 'Hosted API' };
const reading = (id: string, who: string, outcome: 'award' | 'not_yet', minute: number): AuditEntry => {
  const at = new Date(Date.UTC(2026, 11, 7, 9, minute)).toISOString();
  const after = JSON.stringify({ outcome, conditionCode: null, note: '', decidedAt: at, machine: { id: 'm', name: 'laptop' }, scores: [], comments: [] });
  return { id, kind: 'decision_received', target: null, before: null, after, at, receivedAt: at, actor: { id: who, displayName: who }, machine: server };
};
const trail = (entries: AuditEntry[]): AuditTrail => ({ submission: { id: 's1', label: 'Submission 0002', credentialTitle: 'Credit scores' }, rubric, entries, evidence: [] });
const shown = (entries: AuditEntry[]) => {
  const read = trail(entries);
  return render(<AppealAnswerPanel trail={read} answer={answerAppeal(read)} />);
};

describe('the appeal answer of a double-scored submission', () => {
  it('says no decision stands while the two readings differ and nothing resolved them, naming both', () => {
    shown([reading('e1', 'Assessor One', 'not_yet', 1), reading('e2', 'Assessor Two', 'award', 2)]);
    expect(screen.getByText(/^No decision stands yet: the two readings give different outcomes/)).toBeTruthy();
    expect(screen.getByText(/^The latest reading: Award: decided by Assessor Two/)).toBeTruthy();
    expect(screen.getByText('The other reading: Assessor One (Not yet).')).toBeTruthy();
  });

  it('says both readings agree when they do', () => {
    shown([reading('e1', 'Assessor One', 'award', 1), reading('e2', 'Assessor Two', 'award', 2)]);
    expect(screen.queryByText(/^No decision stands yet/)).toBeNull();
    expect(screen.getByText('Double-scored: also read by Assessor One (Award), with the same outcome.')).toBeTruthy();
  });
});
