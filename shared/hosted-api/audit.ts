import { z } from 'zod';
import { Id, RubricVersion } from '../domain/rubric';
import { plainText } from '../domain/text';
import { EvidenceRefs } from './quality';
import { Machine } from './schemas';

// The audit trail (issue 13): every change to a score, rationale, comment, feedback text and decision,
// by whom, when, from which machine, before and after. Append-only on the hosted API, and authored
// honestly: a workstation writes only its own kinds, never as the server, about its own work.

const Timestamp = z.string().datetime();
/** A value before or after a change: a level, a text, or a comment as JSON; null when there was none. */
const Value = plainText(60_000).nullable();

/**
 * How much one account may write to one submission's trail (in UTF-8 bytes of its values): far more
 * than any scoring of it makes (a run of edits to a field is one change); and how much all accounts
 * together may, so that a lead can always read the trail (decisions as received come on top: a
 * request is at most 5 MB).
 */
export const trailLimits = { changes: 2000, bytes: 2_000_000, bytesPerSubmission: 24_000_000 } as const;

/** What a workstation records. */
export const ClientAuditKind = z.enum(['score', 'rationale', 'comment', 'feedback', 'decision', 'decision_undone']);
/** What only the server writes: a decision it received (with what it received), a lead's resolution and backreading. */
export const ServerAuditKind = z.enum(['decision_received', 'adjudication_resolved', 'backread_reviewed']);
export const AuditKind = z.enum([...ClientAuditKind.options, ...ServerAuditKind.options]);
export type AuditKind = z.infer<typeof AuditKind>;

/** A change as the workstation records it (the server takes the actor from the session, not from here). */
export const AuditChange = z
  .object({
    id: z.string().uuid(),
    submissionId: Id,
    kind: ClientAuditKind,
    /** What changed within the submission: a criterion, a comment, a feedback component ('overall' for the overall text); null for the decision. */
    target: plainText(200).nullable(),
    before: Value,
    after: Value,
    /**
     * When the change became durable on the machine (the last of a run of edits to one field): not
     * before the work was assigned, not after it was received, each give or take the clock skew.
     */
    at: Timestamp,
    machine: Machine,
  })
  .strict();
export type AuditChange = z.infer<typeof AuditChange>;

/** Changes sent together (with an Idempotency-Key; each change's id also makes a resend harmless). */
export const AuditUpload = z.object({ changes: z.array(AuditChange).min(1).max(500) }).strict();
export type AuditUpload = z.infer<typeof AuditUpload>;
export const AuditReceipt = z.object({ recorded: z.number().int().min(0), alreadyRecorded: z.number().int().min(0) });

/** One entry of a submission's trail as a lead reads it (the server's own entries carry the server as their machine). */
export const AuditEntry = AuditChange.omit({ submissionId: true }).extend({
  /** A workstation's change id, or one of the server's own entries. */
  id: z.string().min(1).max(200),
  kind: AuditKind,
  before: z.string().max(60_000).nullable(),
  /** A decision the server received carries the whole decision: larger than any single change (a request is at most 5 MB). */
  after: z.string().max(6_000_000).nullable(),
  machine: z.object({ id: z.string().min(1).max(64), name: z.string().max(200) }),
  actor: z.object({ id: Id, displayName: z.string().max(200) }),
  /** When the server recorded it (a change made offline arrives later than it happened). */
  receivedAt: Timestamp,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditTrail = z.object({
  submission: z.object({ id: Id, label: z.string().max(80), credentialTitle: z.string().max(200) }),
  /** The rubric the submission is scored on: criterion titles and level names for the timeline. */
  rubric: RubricVersion,
  entries: z.array(AuditEntry).max(100_000),
  /** Its evidence items' kinds and titles (a comment on an image or a written response has no page). */
  evidence: EvidenceRefs,
});
export type AuditTrail = z.infer<typeof AuditTrail>;
