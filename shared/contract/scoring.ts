import { z } from 'zod';
import { textLimits } from '../domain/text-limits';
import { ConditionCode, EvidenceComment, WrittenComment } from '../domain/comment';
import { DecisionSummary } from '../domain/decision';
import { Id, MicroCredential, RubricVersion } from '../domain/rubric';
import { DecisionOutcome, DraftScore, EvidenceSummary, PreviousAttempt, SubmissionStatus } from '../domain/submission';
import { plainText } from '../domain/text';
import { CalibrationFeedback } from '../hosted-api/quality';
import { NoInput, Timestamp } from './common';
import { SyncStatus } from './sync';

export const SubmissionDetail = z.object({
  submissionId: Id,
  batchId: Id,
  label: z.string().min(1).max(80),
  attempt: z.number().int().min(1),
  status: SubmissionStatus,
  dueAt: Timestamp,
  leaseExpiresAt: Timestamp,
  credential: MicroCredential,
  rubric: RubricVersion,
  evidence: z.array(EvidenceSummary),
  previousAttempts: z.array(PreviousAttempt),
  draft: z.object({
    scores: z.array(DraftScore),
    overallFeedback: z.string(),
    componentFeedback: z.record(Id, z.string()),
    activeMs: z.number().int().min(0),
    playback: z.object({ evidenceId: Id, positionMs: z.number().int().min(0) }).nullable(),
    updatedAt: Timestamp.nullable(),
  }),
  comments: z.array(EvidenceComment),
  decision: DecisionSummary.nullable(),
  /** Live work, calibration, a lead's master scoring for a new set, or a lead's adjudication (read only). */
  mode: z.enum(['live', 'calibration', 'master', 'review']),
  /** Live work from the hosted API (not the demo): it can be referred to a lead. */
  referable: z.boolean(),
  /** Calibration work: the set, and once the response has synced, the comparison with the master. */
  calibration: z.object({ setId: Id, result: CalibrationFeedback.nullable() }).nullable(),
});
export type SubmissionDetail = z.infer<typeof SubmissionDetail>;

const SavedAck = z.object({ savedAt: Timestamp, status: SubmissionStatus });

export const ConflictChoice = z.enum(['note_for_lead', 'discarded']);
export type ConflictChoice = z.infer<typeof ConflictChoice>;

/** A decision the server refused, with its reason in the server's words and what the assessor may do. */
export const SyncConflict = z.object({
  submissionId: Id,
  label: z.string().max(80),
  reason: z.string().max(100),
  outcome: DecisionOutcome,
  decidedAt: Timestamp,
  /** Only a decision the server refused for a reason it knows can go to the lead. */
  choices: z.array(ConflictChoice).min(1),
});
export type SyncConflict = z.infer<typeof SyncConflict>;

/** Scoring one submission: opening it, the draft, comments, the decision, and decisions the server refused. */
export const scoringMethods = {
  'submission.open': {
    input: z.object({ submissionId: Id }).strict(),
    output: SubmissionDetail,
  },
  'draft.setScore': {
    input: z
      .object({ submissionId: Id, criterionId: Id, level: z.number().int().min(0).max(10).nullable() })
      .strict(),
    output: SavedAck,
  },
  'draft.setRationale': {
    input: z.object({ submissionId: Id, criterionId: Id, rationale: plainText(textLimits.rationale) }).strict(),
    output: SavedAck,
  },
  /** Overall feedback when componentId is null, else that component's feedback. */
  'draft.setFeedback': {
    input: z
      .object({ submissionId: Id, componentId: Id.nullable(), body: plainText(textLimits.overallFeedback) })
      .strict()
      .refine((input) => input.componentId === null || input.body.length <= textLimits.componentFeedback, { message: `A component's feedback is at most ${textLimits.componentFeedback} characters.`, path: ['body'] }),
    output: SavedAck,
  },
  'draft.setPlayback': {
    input: z.object({ submissionId: Id, evidenceId: Id, positionMs: z.number().int().min(0).max(24 * 60 * 60 * 1000) }).strict(),
    output: z.object({ savedAt: Timestamp }),
  },
  /** Active time on task (paused while idle or hidden), reported in slices by the renderer. */
  'draft.addActiveTime': {
    input: z.object({ submissionId: Id, ms: z.number().int().min(1).max(10 * 60 * 1000) }).strict(),
    output: z.object({ activeMs: z.number().int().min(0) }),
  },
  'comment.save': {
    input: z.object({ submissionId: Id, comment: WrittenComment }).strict(),
    output: SavedAck,
  },
  'comment.delete': {
    input: z.object({ submissionId: Id, commentId: Id }).strict(),
    output: SavedAck,
  },
  'decision.submit': {
    input: z
      .object({ submissionId: Id, outcome: DecisionOutcome, conditionCode: ConditionCode.nullable(), note: plainText(textLimits.decisionNote) })
      .strict(),
    output: z.object({ decision: DecisionSummary, status: SubmissionStatus, nextSubmissionId: Id.nullable() }),
  },
  'decision.undo': {
    input: z.object({ submissionId: Id }).strict(),
    output: z.object({ status: SubmissionStatus }),
  },
  'sync.conflicts': { input: NoInput, output: z.object({ conflicts: z.array(SyncConflict) }) },
  'sync.resolveConflict': { input: z.object({ submissionId: Id, choice: ConflictChoice }).strict(), output: SyncStatus },
} as const;
