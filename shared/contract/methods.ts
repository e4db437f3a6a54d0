import { z } from 'zod';
import { LeaseCounts } from '../domain/lease';
import { Id, MicroCredential, RubricVersion } from '../domain/rubric';
import { CommentTag, ConditionCode, EvidenceComment, WrittenComment } from '../domain/comment';
import { plainText, requiredText } from '../domain/text';
import { DecisionSummary } from '../domain/decision';
import { DecisionOutcome, DraftScore, EvidenceSummary, PreviousAttempt, QueueItem, SubmissionStatus } from '../domain/submission';
import { shortcutActions } from '../keyboard/keymap';
import { AuditTrail } from '../hosted-api/audit';
import { BackreadReviewRequest } from '../hosted-api/backreading';
import { ReferralReason } from '../hosted-api/referrals';
import { AdjudicationResolutionRequest, CalibrationFeedback, CandidateList, LockoutLiftRequest, QualityRules, SetPurpose } from '../hosted-api/quality';
import { reportLocales } from '../quality/report-words';

const NoInput = z.object({}).strict();
const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
/** A same-origin path to evidence: `evidence/<id>[/captions]`, with the preview host's signature as a query. */
const EvidenceUrl = z.string().max(1000).regex(/^\/?evidence\/[A-Za-z0-9._:%-]+(\/captions)?(\?[A-Za-z0-9=&._~-]*)?$/);
const Timestamp = z.string().datetime();

export const BatchSummary = z.object({
  id: Id,
  label: z.string().min(1).max(200),
  isDemo: z.boolean(),
  kind: z.enum(['live', 'calibration', 'master', 'review']),
  /** A master batch that becomes the gold pool when published (not a calibration set). */
  goldPool: z.boolean().default(false),
  claimedAt: Timestamp,
  leaseExpiresAt: Timestamp,
  dueAt: Timestamp,
  total: z.number().int().min(0),
  counts: z.record(SubmissionStatus, z.number().int().min(0)),
  /** Submissions whose lease needs the assessor's attention (decided and synced ones never do). */
  leases: LeaseCounts,
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

export const Snippet = z.object({
  id: Id,
  title: z.string().min(1).max(200),
  body: z.string().min(1).max(10_000),
  tag: CommentTag,
  usedCount: z.number().int().min(0),
  updatedAt: Timestamp,
});
export type Snippet = z.infer<typeof Snippet>;

const Chord = z.string().min(1).max(40);
/** The assessor's own settings; every field optional so older saved values still load. */
export const Preferences = z.object({
  keymap: z.partialRecord(z.enum(shortcutActions), z.array(Chord).min(1).max(4)).optional(),
  /** Evidence pane width as a fraction of the workspace. */
  splitRatio: z.number().min(0.2).max(0.8).optional(),
  /** The submission open when the app last stopped: reopened on start. */
  openSubmissionId: Id.nullable().optional(),
  /** Days downloaded evidence stays after its decision synced (0: removed at once). */
  evidenceRetentionDays: z.number().int().min(0).max(90).optional(),
  /** The assessor paused downloads (kept across restarts). */
  downloadsPaused: z.boolean().optional(),
  /** Seconds a decision waits before it may leave for the server, so that it can still be undone. */
  undoWindowSeconds: z.number().int().min(0).max(60).optional(),
});
export type Preferences = z.infer<typeof Preferences>;

export const SessionInfo = z.object({
  signedIn: z.boolean(),
  /** Pre-filled in the sign-in form (ASSESSOR_SERVER_URL or the last server used). */
  serverUrl: z.string().max(500),
  email: z.string().max(320).nullable(),
  displayName: z.string().max(200).nullable(),
  roles: z.array(z.enum(['assessor', 'lead'])),
  /** Where the session is kept: the OS keychain, a file only this user can read, or nowhere (memory). */
  storage: z.enum(['os', 'file', 'memory']),
  /** The account last signed in here: pre-fills the form (its unsent work syncs once it signs in again). */
  lastEmail: z.string().max(320).nullable(),
  /** Signed out because the server ended the session (expired, revoked, or its refresh token reused), not by the assessor. */
  ended: z.enum(['expired', 'revoked', 'reused']).nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

const Count = z.number().int().min(0);

/** Something sync must tell the assessor; shown until dismissed. Never carries evidence or identity. */
export const SyncNotice = z.discriminatedUnion('kind', [
  z.object({
    id: z.number().int(),
    at: Timestamp,
    kind: z.literal('evidence_quarantined'),
    title: z.string().max(200),
    submissionLabel: z.string().max(80),
    reason: z.enum(['sha256_mismatch', 'size_mismatch', 'refused']),
    attempts: Count,
  }),
  z.object({ id: z.number().int(), at: Timestamp, kind: z.literal('submission_quarantined'), submissionId: Id, problem: z.string().max(500) }),
  /** A downloaded file failed its integrity check when opened (cut, altered or swapped on disk): it is fetched again. */
  z.object({ id: z.number().int(), at: Timestamp, kind: z.literal('evidence_unreadable'), title: z.string().max(200), submissionLabel: z.string().max(80) }),
  z.object({
    id: z.number().int(),
    at: Timestamp,
    /** The hosted API ordered this machine wiped (it was reported lost): what was safe and what went. */
    kind: z.literal('remote_wipe'),
    /** Decisions the server had already acknowledged: safe. */
    synced: Count,
    /** Decisions that had not reached the server, and submissions with unfinished scoring: removed. */
    unsentDecisions: Count,
    drafts: Count,
    comments: Count,
    /** Claimed submissions removed, and the labels of those whose unsent work went with them. */
    submissions: Count,
    unsentLabels: z.array(z.string().max(80)).max(200),
    evidenceFiles: Count,
    writtenResponses: Count,
    /** Audit-trail records, referrals and messages, and a lead's reviews that had not reached the server: removed. */
    unsentOther: Count.default(0),
  }),
]);
export type SyncNotice = z.infer<typeof SyncNotice>;

/** One file on its way to this machine. */
export const DownloadItem = z.object({ evidenceId: Id, title: z.string().max(200), submissionLabel: z.string().max(80), doneBytes: Count, totalBytes: Count });
export type DownloadItem = z.infer<typeof DownloadItem>;

export const SyncStatus = z.object({
  /** Grows with every status the core reports: an answer that arrives after a newer event is older. */
  revision: Count,
  state: z.enum(['signed_out', 'online', 'offline', 'syncing']),
  waiting: Count,
  conflicts: Count,
  lastSyncedAt: Timestamp.nullable(),
  downloads: z.object({
    /** Files still to fetch (in progress and queued), and bytes of those files. */
    files: Count,
    doneBytes: Count,
    totalBytes: Count,
    /** Over the last few seconds; 0 when nothing moves. */
    bytesPerSecond: Count,
    secondsLeft: Count.nullable(),
    paused: z.boolean(),
    blockedByDiskSpace: z.boolean(),
    active: z.array(DownloadItem).max(20),
  }),
  notices: z.array(SyncNotice).max(50),
  /** Space downloaded evidence takes, and the disk's free space. */
  storage: z.object({ evidenceBytes: z.number().int().min(0), freeBytes: z.number().int().min(0), retentionDays: z.number().int().min(0).max(90) }),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

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

import { AdjudicationQueue, BackreadQueue, LeadDashboardView, QualitySummary, ReferralView } from './quality-views';
export { AdjudicationQueue, BackreadQueue, LeadDashboardView, QualitySummary, ReferralView } from './quality-views';
const Referrals = z.object({ referrals: z.array(ReferralView) });

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
    input: z.object({ submissionId: Id, criterionId: Id, rationale: plainText(20_000) }).strict(),
    output: SavedAck,
  },
  /** Overall feedback when componentId is null, else that component's feedback. */
  'draft.setFeedback': {
    input: z.object({ submissionId: Id, componentId: Id.nullable(), body: plainText(50_000) }).strict(),
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
      .object({ submissionId: Id, outcome: DecisionOutcome, conditionCode: ConditionCode.nullable(), note: plainText(10_000) })
      .strict(),
    output: z.object({ decision: DecisionSummary, status: SubmissionStatus, nextSubmissionId: Id.nullable() }),
  },
  'decision.undo': {
    input: z.object({ submissionId: Id }).strict(),
    output: z.object({ status: SubmissionStatus }),
  },
  'bank.search': {
    input: z.object({ query: z.string().max(200) }).strict(),
    output: z.object({ snippets: z.array(Snippet) }),
  },
  'bank.save': {
    input: z.object({ id: Id, title: requiredText(200), body: requiredText(10_000), tag: CommentTag }).strict(),
    output: z.object({ savedAt: Timestamp }),
  },
  'bank.delete': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
  'bank.markUsed': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ updated: z.boolean() }),
  },
  'session.get': { input: NoInput, output: SessionInfo },
  'session.signIn': {
    input: z.object({ serverUrl: z.string().url().max(500), email: z.string().trim().email().max(320), password: z.string().min(1).max(1000) }).strict(),
    output: SessionInfo,
  },
  'session.signOut': { input: NoInput, output: SessionInfo },
  'batch.claim': {
    input: z.object({ size: z.number().int().min(1).max(200) }).strict(),
    /** `waiting`: claimed, but the network has not delivered them yet; they come with a later sync. */
    output: z.object({ batchId: Id, submissions: z.number().int().min(0), waiting: z.number().int().min(0) }),
  },
  'sync.status': { input: NoInput, output: SyncStatus },
  'sync.now': { input: NoInput, output: SyncStatus },
  'sync.conflicts': { input: NoInput, output: z.object({ conflicts: z.array(SyncConflict) }) },
  'sync.resolveConflict': { input: z.object({ submissionId: Id, choice: ConflictChoice }).strict(), output: SyncStatus },
  'sync.dismissNotice': { input: z.object({ id: z.number().int().min(1) }).strict(), output: SyncStatus },
  'downloads.pause': { input: NoInput, output: SyncStatus },
  'downloads.resume': { input: NoInput, output: SyncStatus },
  /** How long synced evidence stays on this machine; applied at once. */
  'storage.setRetention': { input: z.object({ days: z.number().int().min(0).max(90) }).strict(), output: SyncStatus },
  'quality.status': { input: NoInput, output: QualitySummary },
  'quality.refresh': { input: NoInput, output: QualitySummary },
  /** Brings a calibration set here as a batch, scored like live work. */
  'calibration.start': { input: z.object({ setId: Id }).strict(), output: z.object({ batchId: Id, submissions: z.number().int().min(0) }) },
  'lead.dashboard': { input: z.object({ credentialId: Id.nullable() }).strict(), output: LeadDashboardView },
  'lead.export': {
    input: z
      .object({
        credentialId: Id,
        format: z.enum(['csv', 'pdf']),
        /** The report's language and the time zone its dates are in (the lead's). */
        locale: z.enum(reportLocales).default('en'),
        timeZone: z.string().max(64).refine(isTimeZone, 'not a time zone').default('UTC'),
      })
      .strict(),
    output: z.object({ fileName: z.string().max(200), mimeType: z.string().max(100), base64: z.string() }),
  },
  'lead.adjudications': { input: NoInput, output: AdjudicationQueue },
  /** Brings a submission under adjudication here, to read both assessors beside its evidence. */
  'lead.openAdjudication': { input: z.object({ submissionId: Id }).strict(), output: z.object({ batchId: Id }) },
  'lead.setRules': { input: z.object({ rules: QualityRules }).strict(), output: LeadDashboardView },
  'lead.candidates': { input: z.object({ credentialId: Id }).strict(), output: CandidateList },
  /** Brings the chosen submissions here for the lead to score as the master. */
  'lead.prepareSet': {
    input: z.object({ credentialId: Id, title: requiredText(200), purpose: SetPurpose.default('calibration'), submissionIds: z.array(Id).min(1).max(50) }).strict(),
    output: z.object({ batchId: Id, submissions: z.number().int().min(0) }),
  },
  /** Lets an assessor take a calibration set again (online: a new attempt on the server, recorded with the note). */
  'lead.allowRetake': { input: z.object({ setId: Id, accountId: Id, note: requiredText(2000) }).strict(), output: z.object({ attempt: z.number().int().min(2) }) },
  'lead.publishSet': { input: z.object({ batchId: Id }).strict(), output: z.object({ setId: Id, title: z.string(), submissions: z.number().int().min(0) }) },
  'lead.resolveAdjudication': { input: z.object({ submissionId: Id, resolution: AdjudicationResolutionRequest }).strict(), output: AdjudicationQueue },
  'lead.backreads': { input: NoInput, output: BackreadQueue },
  /** Brings a sampled decision's submission here, to read it again beside its evidence. */
  'lead.openBackread': { input: z.object({ submissionId: Id }).strict(), output: z.object({ batchId: Id }) },
  'lead.reviewBackread': { input: z.object({ submissionId: Id, review: BackreadReviewRequest }).strict(), output: BackreadQueue },
  /** Lets a locked-out assessor back in (queued: works offline). */
  'lead.liftLockout': { input: LockoutLiftRequest, output: LeadDashboardView },
  /** Referrals of one submission (null: all this machine knows), the assessor's own or, for a lead, everyone's. */
  'referral.list': { input: z.object({ submissionId: Id.nullable() }).strict(), output: Referrals },
  /** Refers the submission to a lead (queued: works offline); answers with its referrals. */
  'referral.create': { input: z.object({ submissionId: Id, reason: ReferralReason, question: requiredText(5000) }).strict(), output: Referrals },
  'referral.reply': { input: z.object({ referralId: z.string().uuid(), body: requiredText(5000) }).strict(), output: Referrals },
  /** Brings a referred submission here, for a lead to read it beside its evidence. */
  'lead.openReferral': { input: z.object({ submissionId: Id }).strict(), output: z.object({ batchId: Id }) },
  /** One submission's audit trail from the hosted API (online), found by its id or its label. */
  'lead.auditTrail': { input: z.object({ submission: z.string().trim().min(1).max(128) }).strict(), output: AuditTrail },
  /**
   * Where the renderer loads an evidence item's bytes (or captions) from: relative to the page, and
   * in the preview host signed for that one item and short-lived. Not found unless it is on this machine.
   */
  'evidence.url': {
    input: z.object({ evidenceId: Id, part: z.enum(['media', 'captions']) }).strict(),
    output: z.object({ url: EvidenceUrl }),
  },
  'preferences.get': { input: NoInput, output: Preferences },
  /** Settings with effects of their own (retention, paused downloads) have methods of their own. */
  'preferences.set': { input: z.object({ patch: Preferences.omit({ evidenceRetentionDays: true, downloadsPaused: true }).strict() }).strict(), output: Preferences },
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
