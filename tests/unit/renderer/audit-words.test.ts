// @vitest-environment jsdom
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { valueWords } from '../../../renderer/src/lead/audit-words';
import type { AuditEntry } from '../../../shared/hosted-api/audit';
import { rubric } from './fixtures';
import { startI18n } from './harness';

beforeAll(startI18n);

const resolved = (after: string): AuditEntry =>
  ({ id: 'resolved-s1', kind: 'adjudication_resolved', target: null, before: null, after, at: '2026-12-02T09:00:00.000Z', machine: { id: 'server', name: 'Server' }, actor: { id: 'lead-1', displayName: 'Lead' }, receivedAt: '2026-12-02T09:00:00.000Z' });

describe('the audit trail in the lead’s words', () => {
  it('shows an adjudication’s resolution with the levels it settled, criterion by criterion', () => {
    const value = JSON.stringify({ outcome: 'not_yet', note: 'Questions stay closed.', scores: [{ criterionId: 'a', level: 3, rationale: '' }, { criterionId: 'b', level: 2, rationale: 'Too few questions.' }] });
    expect(valueWords(resolved(value), value, rubric, i18next.t)).toBe('Not yet · Objective: 3 · Proficient; Questioning: 2 · Developing · Questions stay closed.');
  });

  it('shows a value this version cannot read as it is', () => {
    expect(valueWords(resolved('{"outcome":'), '{"outcome":', rubric, i18next.t)).toBe('{"outcome":');
  });
});
