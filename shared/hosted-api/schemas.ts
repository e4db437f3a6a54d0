import { z } from 'zod';
import { textLimits } from '../domain/text-limits';
import { ConditionCode, WrittenComment } from '../domain/comment';
import { RefusalReason } from '../domain/decision';
import { Id, MicroCredential, RubricVersion } from '../domain/rubric';
import { DecisionOutcome, EvidenceKind, PreviousAttempt, Sha256Hex } from '../domain/submission';
import { plainText } from '../domain/text';

/**
 * The hosted API's wire format: one source of truth for the reference server, the workstation's
 * client and the OpenAPI document (resources/openapi.json is generated from these).
 */
const Timestamp = z.string().datetime();
const Email = z.string().trim().toLowerCase().email().max(320);

export const Role = z.enum(['assessor', 'lead']);
export type Role = z.infer<typeof Role>;

export const ApiError = z.object({ error: z.object({ code: z.string().max(100), message: z.string().max(2000) }) });
export type ApiError = z.infer<typeof ApiError>;

/**
 * The `code` of a 401, which says what a client must do: renew the access token (`token_expired`),
 * ask the person to sign in again keeping everything (`unauthenticated`, `token_revoked`,
 * `token_reused`: the session ended), or remove the claimed work this machine holds
 * (`remote_wipe`: an administrator reported the machine lost). Only `remote_wipe` deletes anything.
 */
export const AuthErrorCode = z.enum(['unauthenticated', 'bad_credentials', 'token_expired', 'token_revoked', 'token_reused', 'remote_wipe']);
export type AuthErrorCode = z.infer<typeof AuthErrorCode>;

export const SignInRequest = z.object({ email: Email, password: z.string().min(1).max(1000) }).strict();
export const RefreshRequest = z.object({ refreshToken: z.string().min(20).max(500) }).strict();
export const SignOutRequest = RefreshRequest;

export const Account = z.object({ id: Id, email: Email, displayName: z.string().max(200), roles: z.array(Role).min(1) });
export type Account = z.infer<typeof Account>;

export const TokenPair = z.object({
  accessToken: z.string().min(20).max(500),
  refreshToken: z.string().min(20).max(500),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int().min(1),
  account: Account,
});
export type TokenPair = z.infer<typeof TokenPair>;

export const Assignment = z.object({
  submissionId: Id,
  batchId: Id,
  position: z.number().int().min(0),
  leaseExpiresAt: Timestamp,
  dueAt: Timestamp,
  state: z.enum(['assigned', 'decided', 'released', 'expired']),
});
export type Assignment = z.infer<typeof Assignment>;

export const AssignmentList = z.object({ assignments: z.array(Assignment).max(10_000) });

export const ClaimRequest = z.object({ size: z.number().int().min(1).max(200) }).strict();
export const ClaimResponse = z.object({
  batch: z.object({ id: Id, claimedAt: Timestamp, leaseExpiresAt: Timestamp, dueAt: Timestamp }),
  assignments: z.array(Assignment).max(200),
});
export type ClaimResponse = z.infer<typeof ClaimResponse>;

export const EvidenceManifestItem = z.object({
  id: Id,
  kind: EvidenceKind,
  title: z.string().min(1).max(300),
  mimeType: z.string().min(1).max(120),
  /** Up to 64 GiB: anything larger is refused as absurd. */
  bytes: z.number().int().min(0).max(64 * 1024 ** 3),
  sha256: Sha256Hex,
  durationMs: z.number().int().min(0).max(24 * 60 * 60 * 1000).nullable(),
  /** Path on the API (relative to its base URL) for the bytes; null for written responses. */
  url: z.string().regex(/^\/v1\/evidence\/[A-Za-z0-9._:-]+$/).nullable(),
  captionsUrl: z.string().regex(/^\/v1\/evidence\/[A-Za-z0-9._:-]+\/captions$/).nullable(),
  text: z.string().max(200_000).nullable(),
});
export type EvidenceManifestItem = z.infer<typeof EvidenceManifestItem>;

export const SubmissionManifest = z.object({
  id: Id,
  label: z.string().min(1).max(80),
  attempt: z.number().int().min(1),
  submittedAt: Timestamp,
  credential: MicroCredential,
  rubric: RubricVersion,
  previousAttempts: z.array(PreviousAttempt).max(20),
  evidence: z.array(EvidenceManifestItem).max(100),
});
export type SubmissionManifest = z.infer<typeof SubmissionManifest>;

/** The id the hosted API's own entries carry as their machine: no client may claim it. */
export const serverMachineId = 'hosted-api';

/** Latin letters that Cyrillic and Greek ones, and digits, pass for (enough to spell what the server is called). */
const lookalikes: Record<string, string> = { а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', т: 't', н: 'h', і: 'i', ӏ: 'i', α: 'a', ε: 'e', ο: 'o', ρ: 'p', τ: 't', η: 'h', ι: 'i', ν: 'v', '0': 'o', '1': 'i', l: 'i', '|': 'i' };
/** How a name reads on screen: one case and form, lookalikes as the letters they pass for, only letters and digits kept. */
const asRead = (text: string): string =>
  [...text.normalize('NFKC').toLowerCase()]
    .map((char) => lookalikes[char] ?? char)
    .join('')
    .replace(/[\u115F\u1160\u3164\uFFA0]|[^\p{L}\p{N}]+/gu, ''); // the Hangul fillers are letters that draw nothing
/** What a workstation's machine may not read as: the server, by its id or its name. */
const readsAsServer = (text: string): boolean => asRead(text).includes(asRead('hosted api'));

/** A workstation as it names itself: a random id made once on the machine (plain letters and digits), and its host name. */
export const Machine = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,64}$/, 'A machine id is 1–64 letters, digits, dots, colons, underscores or hyphens.')
      .refine((id) => !readsAsServer(id), { message: `"${serverMachineId}" names the server's own entries: a workstation's id cannot read as it.` }),
    name: plainText(200).refine((name) => !readsAsServer(name), { message: 'A workstation cannot name itself as the server ("Hosted API").' }),
  })
  .strict();
export type Machine = z.infer<typeof Machine>;

/** What the server takes in one request: a body of at most this many bytes, a decision with at most this many comments. */
export const requestLimits = { bodyBytes: 5 * 1024 * 1024, decisionComments: 2000 } as const;

/** A decision as submitted (sent with an Idempotency-Key header). */
export const DecisionRequest = z
  .object({
    rubricVersionId: Id,
    outcome: DecisionOutcome,
    conditionCode: ConditionCode.nullable(),
    note: plainText(textLimits.decisionNote),
    scores: z.array(z.object({ criterionId: Id, level: z.number().int().min(0).max(10).nullable(), rationale: plainText(textLimits.rationale) })).max(100),
    comments: z.array(WrittenComment).max(requestLimits.decisionComments),
    feedback: z.object({ overall: plainText(textLimits.overallFeedback), components: z.record(Id, plainText(textLimits.componentFeedback)) }),
    activeMs: z.number().int().min(0),
    decidedAt: Timestamp,
    basedOn: Timestamp.nullable(),
    /** The workstation it was made on, as it names itself (kept with the decision for an appeal); never the server. */
    machine: Machine.optional(),
  })
  .strict();
export type DecisionRequest = z.infer<typeof DecisionRequest>;

export const DecisionReceipt = z.object({ decisionId: Id, submissionId: Id, receivedAt: Timestamp });
export type DecisionReceipt = z.infer<typeof DecisionReceipt>;

export const ConflictReason = RefusalReason;
export type ConflictReason = z.infer<typeof ConflictReason>;
/**
 * A refused decision the assessor chose to keep: sent to the lead with the server's reason, so
 * the work is seen by someone instead of lost (sent with an Idempotency-Key header).
 */
export const LeadNoteRequest = z.object({ reason: ConflictReason, decision: DecisionRequest }).strict();
export type LeadNoteRequest = z.infer<typeof LeadNoteRequest>;
export const LeadNoteReceipt = z.object({ noteId: Id, submissionId: Id, receivedAt: Timestamp });
export type LeadNoteReceipt = z.infer<typeof LeadNoteReceipt>;

export const DecisionConflict = z.object({ error: z.object({ code: z.literal('conflict'), reason: ConflictReason, message: z.string().max(2000) }) });

export const ValidationFailure = z.object({
  error: z.object({ code: z.literal('invalid'), message: z.string().max(2000), fields: z.array(z.object({ path: z.string().max(200), message: z.string().max(500) })).max(100) }),
});
