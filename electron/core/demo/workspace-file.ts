import { z } from 'zod';
import { Id, MicroCredential, RubricVersion } from '../../../shared/domain/rubric';
import { EvidenceKind, PreviousAttempt } from '../../../shared/domain/submission';

/** Names a file inside the demo media folder: no separators, no parent references. */
const MediaFileName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'plain file name');

const DemoEvidence = z
  .object({
    id: Id,
    kind: EvidenceKind,
    title: z.string().min(1),
    mimeType: z.string().min(1),
    file: MediaFileName.nullable().optional(),
    durationMs: z.number().int().min(0).nullable().optional(),
    captionsFile: MediaFileName.nullable().optional(),
    text: z.string().nullable().optional(),
  })
  .refine((item) => (item.kind === 'text' ? typeof item.text === 'string' : typeof item.file === 'string'), {
    message: 'text evidence carries text; other kinds name a file',
  });

/** The embedded demo workspace (resources/demo/workspace.json). */
export const DemoWorkspaceFile = z.object({
  format: z.literal(1),
  batch: z.object({ id: Id, label: z.string().min(1), dueInDays: z.number().int().min(1), leaseDays: z.number().int().min(1) }),
  credentials: z.array(MicroCredential).min(1),
  rubrics: z.array(RubricVersion).min(1),
  submissions: z
    .array(
      z.object({
        id: Id,
        label: z.string().min(1).max(80),
        credentialId: Id,
        rubricVersionId: Id,
        attempt: z.number().int().min(1),
        submittedAt: z.string().datetime(),
        previousAttempts: z.array(PreviousAttempt).optional(),
        evidence: z.array(DemoEvidence).min(1),
      }),
    )
    .min(1),
});
export type DemoWorkspaceFile = z.infer<typeof DemoWorkspaceFile>;
