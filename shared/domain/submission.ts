import { z } from 'zod';
import { LeaseState } from './lease';
import { Id } from './rubric';

/** `kept_here`: decided in the embedded demo, whose decisions never leave this computer. */
export const SubmissionStatus = z.enum(['not_started', 'in_progress', 'scored', 'queued', 'synced', 'conflict', 'handed_back', 'kept_here']);
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;

export const EvidenceKind = z.enum(['video', 'audio', 'document', 'image', 'text']);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

export const LocalAvailability = z.enum(['remote', 'downloading', 'available', 'corrupt']);
export type LocalAvailability = z.infer<typeof LocalAvailability>;
/** As the assessor sees it: a file that failed verification too often is quarantined, not retried. */
export const EvidenceAvailability = z.enum([...LocalAvailability.options, 'quarantined']);
export type EvidenceAvailability = z.infer<typeof EvidenceAvailability>;

export const DecisionOutcome = z.enum(['award', 'not_yet', 'flag']);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 hex digest');

/** Evidence as the renderer sees it: an opaque id, never a file path. */
export const EvidenceSummary = z.object({
  id: Id,
  kind: EvidenceKind,
  title: z.string().min(1).max(300),
  mimeType: z.string().min(1).max(120),
  bytes: z.number().int().min(0),
  sha256: Sha256Hex,
  durationMs: z.number().int().min(0).nullable(),
  availability: EvidenceAvailability,
  /** Written responses are delivered inline; other kinds are streamed by id. */
  text: z.string().max(200_000).nullable(),
  hasCaptions: z.boolean(),
});
export type EvidenceSummary = z.infer<typeof EvidenceSummary>;

export const PreviousCriterionScore = z.object({
  criterionId: Id,
  level: z.number().int().min(0).max(10),
  feedback: z.string().max(20_000),
});
export type PreviousCriterionScore = z.infer<typeof PreviousCriterionScore>;

export const PreviousAttempt = z.object({
  attempt: z.number().int().min(1),
  outcome: DecisionOutcome,
  decidedAt: z.string().datetime(),
  overallFeedback: z.string().max(50_000),
  scores: z.array(PreviousCriterionScore),
});
export type PreviousAttempt = z.infer<typeof PreviousAttempt>;

export const DraftScore = z.object({
  criterionId: Id,
  level: z.number().int().min(0).max(10).nullable(),
  rationale: z.string().max(20_000),
  updatedAt: z.string().datetime(),
});
export type DraftScore = z.infer<typeof DraftScore>;

export const QueueItem = z.object({
  submissionId: Id,
  position: z.number().int().min(0),
  /** Blind label ("Submission 0007"): never the candidate's name. */
  label: z.string().min(1).max(80),
  credentialTitle: z.string().min(1).max(200),
  attempt: z.number().int().min(1),
  status: SubmissionStatus,
  /** The decision recorded here, if any (shown in the row beside its sync status). */
  outcome: DecisionOutcome.nullable(),
  dueAt: z.string().datetime(),
  /** Every evidence file is on this machine: it can be scored offline. */
  availableOffline: z.boolean(),
  leaseExpiresAt: z.string().datetime(),
  lease: LeaseState,
});
export type QueueItem = z.infer<typeof QueueItem>;
