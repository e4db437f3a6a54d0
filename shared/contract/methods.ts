import { z } from 'zod';
import { Id, MicroCredential, RubricVersion } from '../domain/rubric';
import { DraftScore, EvidenceSummary, PreviousAttempt, QueueItem, SubmissionStatus } from '../domain/submission';

const NoInput = z.object({}).strict();
const Timestamp = z.string().datetime();

export const BatchSummary = z.object({
  id: Id,
  label: z.string().min(1).max(200),
  isDemo: z.boolean(),
  claimedAt: Timestamp,
  leaseExpiresAt: Timestamp,
  dueAt: Timestamp,
  total: z.number().int().min(0),
  counts: z.record(SubmissionStatus, z.number().int().min(0)),
});
export type BatchSummary = z.infer<typeof BatchSummary>;

export const WorkspaceSummary = z.object({
  isDemo: z.boolean(),
  batches: z.array(BatchSummary),
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

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
    updatedAt: Timestamp.nullable(),
  }),
});
export type SubmissionDetail = z.infer<typeof SubmissionDetail>;

const SavedAck = z.object({ savedAt: Timestamp, status: SubmissionStatus });

/**
 * The renderer↔core contract: one map, used by both transports (Electron IPC and the preview
 * host). Inputs are strict so a renderer bug shows up as `invalid_input`, not as silently
 * ignored fields.
 */
export const methods = {
  'app.info': {
    input: NoInput,
    output: z.object({ version: z.string(), schemaVersion: z.number().int() }),
  },
  'workspace.summary': { input: NoInput, output: WorkspaceSummary },
  'queue.list': {
    input: z.object({ batchId: Id }).strict(),
    output: z.object({ items: z.array(QueueItem) }),
  },
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
    input: z.object({ submissionId: Id, criterionId: Id, rationale: z.string().max(20_000) }).strict(),
    output: SavedAck,
  },
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<N extends MethodName> = z.input<Methods[N]['input']>;
export type MethodOutput<N extends MethodName> = z.output<Methods[N]['output']>;
/** What a handler receives: the input after validation (defaults applied). */
export type ParsedInput<N extends MethodName> = z.output<Methods[N]['input']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
