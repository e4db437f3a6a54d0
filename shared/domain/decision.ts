import { z } from 'zod';
import { ConditionCode, EvidenceComment } from './comment';
import { Id } from './rubric';
import { DecisionOutcome } from './submission';

/** Everything a decision carries to the hosted API: written to the outbox with the decision. */
export const DecisionPayload = z.object({
  submissionId: Id,
  rubricVersionId: Id,
  outcome: DecisionOutcome,
  conditionCode: ConditionCode.nullable(),
  note: z.string().max(10_000),
  scores: z.array(z.object({ criterionId: Id, level: z.number().int().min(0).max(10).nullable(), rationale: z.string().max(20_000) })),
  comments: z.array(EvidenceComment),
  feedback: z.object({ overall: z.string().max(50_000), components: z.record(Id, z.string().max(20_000)) }),
  activeMs: z.number().int().min(0),
  decidedAt: z.string().datetime(),
  /** The draft version the decision was based on (its last edit time). */
  basedOn: z.string().datetime().nullable(),
});
export type DecisionPayload = z.infer<typeof DecisionPayload>;

/** Why the server refused a decision (its 409 reasons). */
export const RefusalReason = z.enum(['lease_expired', 'already_decided', 'rubric_superseded', 'idempotency_key_reused']);
export type RefusalReason = z.infer<typeof RefusalReason>;

/** A refused decision the assessor chose to keep as a note for the lead. */
export const LeadNotePayload = z.object({ submissionId: Id, reason: RefusalReason, decision: DecisionPayload });
export type LeadNotePayload = z.infer<typeof LeadNotePayload>;

export const DecisionSummary = z.object({
  outcome: DecisionOutcome,
  conditionCode: ConditionCode.nullable(),
  note: z.string(),
  decidedAt: z.string().datetime(),
  /** Still waiting in the outbox and never attempted: it can be taken back. */
  undoable: z.boolean(),
  /** When it may leave for the server (the end of its undo window); null once it has begun to leave. */
  leavesAt: z.string().datetime().nullable(),
});
export type DecisionSummary = z.infer<typeof DecisionSummary>;

/** Seconds a decision waits before it may leave for the server, unless the assessor chose otherwise (0–60). */
export const defaultUndoWindowSeconds = 10;
