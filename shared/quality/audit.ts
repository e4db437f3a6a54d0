import { z } from 'zod';
import { CommentRegion, CommentTag, CommentVisibility } from '../domain/comment';
import { allCriteria } from '../domain/rubric';
import { DecisionOutcome } from '../domain/submission';
import { csvDocument } from '../format/csv';
import type { AuditEntry, AuditTrail } from '../hosted-api/audit';

// Reading a submission's audit trail (pure: the renderer shows it, tests check it): the values it
// keeps, the answer to an appeal's question, and the CSV a lead exports.

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

/** "Who decided this, on what evidence, and did anything change after?" */
export interface AppealAnswer {
  /** The decision that stands (the last one not undone), null if none does. */
  decision: { entry: AuditEntry; value: DecisionValue } | null;
  /** When the server received it. */
  received: AuditEntry | null;
  /** Each criterion's level and rationale as they stood when it was made. */
  scores: { criterionId: string; level: number | null; rationale: string }[];
  /** The comments on the evidence as they stood when it was made: the evidence it cites. */
  comments: (CommentValue & { id: string })[];
  /** Everything recorded after it on the workstations or by a lead (the server's receipt aside). */
  changedAfter: AuditEntry[];
}

interface Standing {
  index: number;
  entry: AuditEntry;
  value: DecisionValue;
  scores: AppealAnswer['scores'];
  comments: AppealAnswer['comments'];
}

/** Replays the trail to the decision that stands. */
export function answerAppeal(trail: AuditTrail): AppealAnswer {
  const levels = new Map<string, number | null>();
  const rationales = new Map<string, string>();
  const comments = new Map<string, CommentValue>();
  let standing: Standing | null = null;
  for (const [index, entry] of trail.entries.entries()) {
    const target = entry.target ?? '';
    if (entry.kind === 'score') levels.set(target, entry.after === null ? null : Number(entry.after));
    if (entry.kind === 'rationale') rationales.set(target, entry.after ?? '');
    if (entry.kind === 'comment') {
      const comment = commentOf(entry.after);
      if (comment) comments.set(target, comment);
      else comments.delete(target);
    }
    if (entry.kind === 'decision_undone') standing = null;
    const value = entry.kind === 'decision' ? decisionOf(entry.after) : null;
    if (value) {
      const scores = allCriteria(trail.rubric).map((criterion) => ({ criterionId: criterion.id, level: levels.get(criterion.id) ?? null, rationale: rationales.get(criterion.id) ?? '' }));
      standing = { index, entry, value, scores, comments: [...comments].map(([id, comment]) => ({ id, ...comment })) };
    }
  }
  if (!standing) return { decision: null, received: null, scores: [], comments: [], changedAfter: [] };
  const after = trail.entries.slice(standing.index + 1);
  return {
    decision: { entry: standing.entry, value: standing.value },
    received: after.find((entry) => entry.kind === 'decision_received') ?? null,
    scores: standing.scores,
    comments: standing.comments,
    changedAfter: after.filter((entry) => entry.kind !== 'decision_received'),
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
