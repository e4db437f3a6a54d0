import { z } from 'zod';
import { CommentRegion, CommentTag, CommentVisibility } from '../domain/comment';
import { allCriteria } from '../domain/rubric';
import { DecisionOutcome } from '../domain/submission';
import { csvDocument } from '../format/csv';
import type { AuditEntry, AuditTrail } from '../hosted-api/audit';
import { serverMachineId } from '../hosted-api/schemas';

// Reading a submission's audit trail (pure: the renderer shows it, tests check it): the values it
// keeps, the answer to an appeal's question (from what the server received), and the CSV a lead exports.

/** A comment as the trail keeps it (see core's scoring handlers). */
export const CommentValue = z.object({
  evidenceId: z.string(),
  startMs: z.number().nullable(),
  endMs: z.number().nullable(),
  page: z.number().nullable(),
  quote: z.string().nullable(),
  region: CommentRegion.nullable(),
  body: z.string(),
  tag: CommentTag,
  visibility: CommentVisibility,
  criterionIds: z.array(z.string()),
});
export type CommentValue = z.infer<typeof CommentValue>;

/** A decision as the trail keeps it (an adjudication's resolution carries more, which is ignored here). */
export const DecisionValue = z.object({ outcome: DecisionOutcome, conditionCode: z.string().nullable().default(null), note: z.string().default('') });
export type DecisionValue = z.infer<typeof DecisionValue>;

const parsed = <T>(schema: z.ZodType<T>, value: string | null): T | null => {
  if (value === null) return null;
  try {
    const result = schema.safeParse(JSON.parse(value));
    return result.success ? result.data : null;
  } catch {
    return null; // a value this version cannot read is shown as it is, never thrown at the lead
  }
};
export const commentOf = (value: string | null): CommentValue | null => parsed(CommentValue, value);
export const decisionOf = (value: string | null): DecisionValue | null => parsed(DecisionValue, value);
/** A received decision or a resolution, with its levels (see ReceivedDecision below). */
export const receivedDecisionOf = (value: string | null): ReceivedDecision | null => parsed(ReceivedDecision, value);

/**
 * A decision as the server received it (its `decision_received` entry), or a lead's resolution of an
 * adjudication (`adjudication_resolved`): what an appeal is answered from.
 */
export const ReceivedDecision = DecisionValue.extend({
  decidedAt: z.string().nullable().default(null),
  machine: z.object({ id: z.string(), name: z.string() }).nullable().default(null),
  scores: z.array(z.object({ criterionId: z.string(), level: z.number().nullable(), rationale: z.string().default('') })).default([]),
  comments: z.array(CommentValue.extend({ id: z.string() })).default([]),
});
export type ReceivedDecision = z.infer<typeof ReceivedDecision>;

/** "Who decided this, on what evidence, and did anything change after?" */
export interface AppealAnswer {
  /**
   * The decision that stands, as the server received it: a lead's resolution when the submission
   * went to adjudication, else the last decision received. Never a workstation's own account of
   * its changes (which a dishonest client could word and date as it liked).
   */
  decision: { entry: AuditEntry; value: ReceivedDecision; resolution: boolean } | null;
  /** Each criterion's level and rationale as received. */
  scores: { criterionId: string; level: number | null; rationale: string }[];
  /** The comments on the evidence as received: the evidence it cites (none for a resolution). */
  comments: (CommentValue & { id: string })[];
  /** Everything changed after it: the decider's own changes after they decided (by their machine's clock), anyone else's after the server received it. */
  changedAfter: AuditEntry[];
  /**
   * The other assessors' readings of a double-scored submission (each one's last decision received),
   * so that an answer never names one reading as if it were the only one: before a resolution they
   * are what it settled; without one, the disagreement may still be open.
   */
  otherReadings: { actor: AuditEntry['actor']; outcome: ReceivedDecision['outcome']; receivedAt: string }[];
}

const isServerEntry = (entry: AuditEntry): boolean => entry.machine.id === serverMachineId;

/** Answers an appeal from the server's own entries: the standing one is the last the server received. */
export function answerAppeal(trail: AuditTrail): AppealAnswer {
  const byReceipt = [...trail.entries].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  const standing = (kind: 'adjudication_resolved' | 'decision_received'): AppealAnswer['decision'] => {
    for (const entry of [...byReceipt].reverse()) {
      if (entry.kind !== kind || !isServerEntry(entry)) continue;
      const value = parsed(ReceivedDecision, entry.after);
      if (value) return { entry, value, resolution: kind === 'adjudication_resolved' };
    }
    return null;
  };
  const decision = standing('adjudication_resolved') ?? standing('decision_received');
  if (!decision) return { decision: null, scores: [], comments: [], changedAfter: [], otherReadings: [] };
  const levels = new Map(decision.value.scores.map((score) => [score.criterionId, score]));
  const lastReadings = new Map<string, { actor: AuditEntry['actor']; outcome: ReceivedDecision['outcome']; receivedAt: string }>();
  for (const entry of byReceipt) {
    const value = entry.kind === 'decision_received' && isServerEntry(entry) ? parsed(ReceivedDecision, entry.after) : null;
    if (value) lastReadings.set(entry.actor.id, { actor: entry.actor, outcome: value.outcome, receivedAt: entry.receivedAt });
  }
  // With a resolution every reading is another's; without one, the standing reading is not repeated.
  const otherReadings = [...lastReadings.values()].filter((reading) => decision.resolution || reading.actor.id !== decision.entry.actor.id);
  return {
    otherReadings,
    decision,
    scores: allCriteria(trail.rubric).map((criterion) => ({ criterionId: criterion.id, level: levels.get(criterion.id)?.level ?? null, rationale: levels.get(criterion.id)?.rationale ?? '' })),
    comments: decision.value.comments,
    changedAfter: trail.entries.filter((entry) => {
      if (entry === decision.entry) return false;
      // The decider's workstation dates its changes by its own clock: compare them with the decision's time on that clock.
      const ownClock = entry.actor.id === decision.entry.actor.id && !isServerEntry(entry) && decision.value.decidedAt !== null;
      return entry.at > (ownClock ? decision.value.decidedAt! : decision.entry.at);
    }),
  };
}

/** What a change is about, in the rubric's words: a criterion's or component's title; '' for a comment or the decision. */
export function targetNames(trail: AuditTrail): (entry: Pick<AuditEntry, 'kind' | 'target'>) => string {
  const titles = new Map([...trail.rubric.components, ...allCriteria(trail.rubric)].map((item) => [item.id, item.title]));
  return (entry) => (entry.target === null || entry.kind === 'comment' ? '' : entry.kind === 'feedback' && entry.target === 'overall' ? 'overall' : (titles.get(entry.target) ?? entry.target));
}

/** The trail as CSV (RFC 4180), one row per entry, oldest first, criteria named by the rubric. */
export function auditCsv(trail: AuditTrail): string {
  const nameOf = targetNames(trail);
  const header = ['submission_id', 'submission_label', 'at', 'received_at', 'actor', 'actor_id', 'machine', 'machine_id', 'change', 'target', 'target_name', 'before', 'after', 'change_id'];
  const rows = trail.entries.map((entry) => [
    trail.submission.id,
    trail.submission.label,
    entry.at,
    entry.receivedAt,
    entry.actor.displayName,
    entry.actor.id,
    entry.machine.name,
    entry.machine.id,
    entry.kind,
    entry.target,
    nameOf(entry),
    entry.before,
    entry.after,
    entry.id,
  ]);
  return csvDocument([header, ...rows]);
}
