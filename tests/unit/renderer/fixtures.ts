import type { BatchSummary, LeadDashboardView, ReferralView, SubmissionDetail, SyncConflict } from '../../../shared/contract/methods';
import type { CalibrationSet } from '../../../shared/hosted-api/quality';
import type { EvidenceComment } from '../../../shared/domain/comment';
import type { RubricVersion } from '../../../shared/domain/rubric';
import type { QueueItem } from '../../../shared/domain/submission';

// Small, valid examples of what core answers, for the renderer's tests.

export function batch(id: string, overrides: Partial<BatchSummary> = {}): BatchSummary {
  return {
    id,
    label: `Batch ${id}`,
    isDemo: false,
    kind: 'live',
    goldPool: false,
    claimedAt: '2026-12-01T09:00:00.000Z',
    leaseExpiresAt: '2026-12-20T09:00:00.000Z',
    dueAt: '2026-12-20T09:00:00.000Z',
    total: 3,
    counts: { not_started: 3, in_progress: 0, scored: 0, queued: 0, synced: 0, conflict: 0, handed_back: 0, kept_here: 0 },
    leases: { dueSoon: 0, expired: 0, reassigned: 0 },
    credentials: [],
    ...overrides,
  };
}

export function queueItem(submissionId: string, overrides: Partial<QueueItem> = {}): QueueItem {
  return {
    submissionId,
    position: 0,
    label: `Submission ${submissionId}`,
    credentialTitle: 'Checks for understanding',
    attempt: 1,
    status: 'not_started',
    outcome: null,
    dueAt: '2026-12-20T09:00:00.000Z',
    availableOffline: true,
    leaseExpiresAt: '2026-12-20T09:00:00.000Z',
    lease: 'held',
    ...overrides,
  };
}

const levels = [1, 2, 3, 4].map((level) => ({ level, label: ['Beginning', 'Developing', 'Proficient', 'Exemplary'][level - 1]!, descriptor: `Level ${level}` }));

export const rubric: RubricVersion = {
  id: 'r1',
  credentialId: 'c1',
  version: 1,
  passRule: { passingLevel: 3, maxCriteriaBelowPassing: 0, minimumTotal: null },
  components: [
    {
      id: 'p1',
      title: 'Planning',
      description: '',
      criteria: [
        { id: 'a', title: 'Objective', description: '', passingLevel: null, levels },
        { id: 'b', title: 'Questioning', description: '', passingLevel: null, levels },
      ],
    },
  ],
};

export function comment(overrides: Partial<EvidenceComment> = {}): EvidenceComment {
  return { id: 'k1', evidenceId: 'e1', startMs: 1000, endMs: null, page: null, quote: null, region: null, body: 'You name the objective.', tag: 'strength', visibility: 'candidate', criterionIds: ['a'], ...overrides };
}

/** A live submission with these levels given (criterion id → level). */
export function submission(levelsGiven: Record<string, number> = {}, overrides: Partial<SubmissionDetail> = {}): SubmissionDetail {
  return {
    submissionId: 's1',
    batchId: 'b1',
    label: 'Submission 0001',
    attempt: 1,
    status: 'in_progress',
    dueAt: '2026-12-20T09:00:00.000Z',
    leaseExpiresAt: '2026-12-20T09:00:00.000Z',
    credential: { id: 'c1', title: 'Checks for understanding', issuer: 'Demo', stack: '', competency: '' },
    rubric,
    evidence: [],
    previousAttempts: [],
    draft: {
      scores: Object.entries(levelsGiven).map(([criterionId, level]) => ({ criterionId, level, rationale: '', updatedAt: '2026-12-01T09:00:00.000Z' })),
      overallFeedback: '',
      componentFeedback: {},
      activeMs: 0,
      playback: null,
      updatedAt: null,
    },
    comments: [],
    decision: null,
    mode: 'live',
    referable: true,
    calibration: null,
    ...overrides,
  };
}

export function referral(overrides: Partial<ReferralView> = {}): ReferralView {
  return {
    id: '6f1c0a52-8d4e-4c4b-9a57-3a0e3f3d7b11',
    submissionId: 's1',
    label: 'Submission 0001',
    credentialId: 'c1',
    assessor: { id: 'a1', displayName: 'Ada' },
    reason: 'rubric_unclear',
    state: 'open',
    createdAt: '2026-12-01T09:00:00.000Z',
    pending: false,
    messages: [message('How do I score a lesson without a stated objective?')],
    ...overrides,
  };
}

export function message(body: string, overrides: Partial<ReferralView['messages'][number]> = {}): ReferralView['messages'][number] {
  return {
    id: '0b7f7c1e-3a8e-4f55-8f5e-2d3c4b5a6978',
    author: { id: 'a1', displayName: 'Ada', role: 'assessor' },
    body,
    at: '2026-12-01T09:00:00.000Z',
    receivedAt: '2026-12-01T09:00:01.000Z',
    pending: false,
    refused: false,
    mine: true,
    ...overrides,
  };
}

export function conflict(submissionId: string, overrides: Partial<SyncConflict> = {}): SyncConflict {
  return { submissionId, label: `Submission ${submissionId}`, reason: 'lease_expired', outcome: 'award', decidedAt: '2026-12-01T09:00:00.000Z', choices: ['note_for_lead', 'discarded'], ...overrides };
}

export function calibrationSet(id: string, title: string): CalibrationSet {
  return { id, credentialId: 'c1', title, createdAt: '2026-11-01T09:00:00.000Z', purpose: 'calibration', submissionIds: ['s1'], attempt: 1, answeredSubmissionIds: [], retake: null };
}

export function dashboardView(overrides: Partial<LeadDashboardView> = {}): LeadDashboardView {
  return { fetchedAt: null, credentials: [{ id: 'c1', title: 'Checks for understanding' }], assessors: [], rules: null, sets: [], dashboard: null, lockouts: [], qualifications: [], updating: false, ...overrides };
}
