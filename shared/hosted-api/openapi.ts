import { z } from 'zod';
import * as audit from './audit';
import * as backreading from './backreading';
import * as referrals from './referrals';
import * as quality from './quality';
import * as wire from './schemas';
import { clockSkewMs } from '../domain/decision-check';
import { hiddenControlsMessage } from '../domain/text';
import { trailLimits } from './audit';
import { referralLimits } from './referrals';

/** The schemas the document names; each is one of the wire schemas in ./schemas. */
const components = {
  Account: wire.Account,
  ApiError: wire.ApiError,
  AssignmentList: wire.AssignmentList,
  ClaimRequest: wire.ClaimRequest,
  ClaimResponse: wire.ClaimResponse,
  DecisionConflict: wire.DecisionConflict,
  DecisionReceipt: wire.DecisionReceipt,
  DecisionRequest: wire.DecisionRequest,
  LeadNoteReceipt: wire.LeadNoteReceipt,
  LeadNoteRequest: wire.LeadNoteRequest,
  RefreshRequest: wire.RefreshRequest,
  SignInRequest: wire.SignInRequest,
  SignOutRequest: wire.SignOutRequest,
  SubmissionManifest: wire.SubmissionManifest,
  TokenPair: wire.TokenPair,
  ValidationFailure: wire.ValidationFailure,
  AccuracyReport: quality.AccuracyReport,
  AdjudicationList: quality.AdjudicationList,
  AdjudicationReceipt: quality.AdjudicationReceipt,
  AdjudicationResolutionRequest: quality.AdjudicationResolutionRequest,
  CalibrationAttempt: quality.CalibrationAttempt,
  CalibrationFeedback: quality.CalibrationFeedback,
  CalibrationResetRequest: quality.CalibrationResetRequest,
  CalibrationResponseRequest: quality.CalibrationResponseRequest,
  CalibrationSet: quality.CalibrationSet,
  CalibrationSetCreate: quality.CalibrationSetCreate,
  CalibrationSetList: quality.CalibrationSetList,
  CandidateList: quality.CandidateList,
  LeadData: quality.LeadData,
  QualificationList: quality.QualificationList,
  QualityRules: quality.QualityRules,
  QualityRulesList: quality.QualityRulesList,
  AuditUpload: audit.AuditUpload,
  AuditReceipt: audit.AuditReceipt,
  AuditTrail: audit.AuditTrail,
  BackreadList: backreading.BackreadList,
  BackreadReviewRequest: backreading.BackreadReviewRequest,
  BackreadReceipt: backreading.BackreadReceipt,
  BackreadFeedback: backreading.BackreadFeedback,
  LockoutList: quality.LockoutList,
  LockoutLiftRequest: quality.LockoutLiftRequest,
  Referral: referrals.Referral,
  ReferralList: referrals.ReferralList,
  ReferralCreate: referrals.ReferralCreate,
  ReferralMessageCreate: referrals.ReferralMessageCreate,
};
type ComponentName = keyof typeof components;

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: ComponentName, description: string) => ({ description, content: { 'application/json': { schema: ref(name) } } });
const errors = {
  '401': json(
    'ApiError',
    'Not signed in. `error.code` says what to do: `token_expired` (renew with the refresh token), `unauthenticated`, `token_revoked`, `token_reused` (the session ended: sign in again, keeping unsent work), `remote_wipe` (an administrator reported this machine lost: remove the claimed work it holds, then sign in again).',
  ),
  '429': { description: 'Too many requests; wait for Retry-After seconds.', headers: { 'Retry-After': { schema: { type: 'integer' } } } },
};
const idParameter = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]+$' } });
const bearer = [{ bearer: [] }];
const idempotencyKeyParameter = { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,128}$' } };

const skewMinutes = clockSkewMs / 60_000;

/**
 * The rules the API enforces against the account that calls it, with their figures: what a real
 * platform honours, and what the reference server's tests try to get round.
 */
const rulesText = `Claim batches, fetch evidence, and submit decisions exactly once.

Every rule below holds against the signed-in account that calls, whatever its request says.

**Times a client states.** A workstation's clock may run up to ${skewMinutes} minutes ahead of the server's: a stated time (decidedAt, basedOn, respondedAt, an audit change's at) later than the server's now plus ${skewMinutes} minutes is refused (422 naming the field).

**Decisions** are checked against the rubric version they name and the submission's evidence: each score names a criterion of that rubric, at most once, on one of its levels; each comment cites evidence of this submission, anchored as that item allows (a time within a recording, a page of anything else, a region on an image or document, a quote that shows something), and criteria of this rubric; feedback components are the rubric's; the outcome is what the rubric's pass rule gives for the levels (every criterion scored for an award or a "not yet"; a "not yet" cites evidence in candidate feedback for each criterion below passing; a flag carries its reason). Anything else: 422 naming the field. Adjudication resolutions (every criterion once, on its scale) and backread reviews (every criterion agreed or overridden, an override on the criterion's scale) are checked the same way.

**Leads never review their own work**: a lead cannot backread a decision they made, nor resolve an adjudication in which they were one of the two scorers, nor lift their own lockout or open a retake of a calibration set for themselves (403 own_work). Quality rules name only calibration sets that exist, are for that micro-credential and are not the gold pool (422).

**Calibration.** An answer scores every criterion of the rubric, and the first answer to a calibration item is final within an attempt: a resend with the same Idempotency-Key returns the first answer; another key gets 409 already_answered. The master's levels and rationale are given only in the answer to an item's own response. A retake is a new attempt, only ever a lead's recorded reset (POST /v1/calibration-sets/{id}/resets, with a note, which the assessor reads with the set). After a lockout, the recalibration that lifts it is answered in an attempt after the lockout: the assessor's current one if they never answered the set, else (they have read its master levels) only an attempt a lead opens. Qualification and recalibration read the current attempt; the lead's ratings count each assessor's first answer to an item, and the lead's data says where each assessor stands now.

**Gold items** come from gold sets: a pool leads build from submissions no assessor was ever given or shown in a calibration set; gold sets are listed to leads only and their submissions are readable by leads only, so their files match nothing an assessor has seen. A gold item is served as a copy made for one claim: a fresh opaque id, a label from the live sequence (labels run in order along a batch's queue), its files exactly its source's; no assessor gets the same gold submission twice, and slots the pool cannot fill go to live work. A gold result counts in the assessor's accuracy report from 24 hours after the decision, so the report never says which of the day's submissions was gold.

**The audit trail is append-only and authored honestly.** A workstation sends only its own kinds (score, rationale, comment, feedback, decision, decision_undone), never the server's (decision_received, adjudication_resolved, backread_reviewed), and never as the server's machine (its id "${wire.serverMachineId}" or its name, however spelled); a machine id is 1–64 letters, digits and . _ : -. A change id is its writer's (another account's gets 409 id_taken). One account writes at most ${trailLimits.changes} changes and ${trailLimits.bytes} bytes of values to one submission's trail, all accounts together ${trailLimits.bytesPerSubmission} bytes (422 beyond), so a lead can always read it. A change may be sent only about work assigned to the account (read access to calibration material is not write access), dated no earlier than the work was first assigned and no later than now, each give or take ${skewMinutes} minutes (422); a change dated more than ${skewMinutes} minutes after the server received the account's decision on that submission is refused (409 decision_already_received). The server's own decision_received entry carries the decision as received (levels, rationales, cited comments, the machine it names); the answer to an appeal rests on it (or on a lead's resolution), in the order the server received them, never on a workstation's account of its own changes.

**Referrals and messages** carry ids made by the writer (it works offline): a resend by the same account is recorded once; the same id for anything else gets 409 id_taken, never the thread that holds it. Only work assigned to the account may be referred, dated no earlier than it was assigned (a message: no earlier than its referral) and not in the future. A thread reads in the order the server received it, holds at most ${referralLimits.messagesPerThread} messages and ${referralLimits.bytesPerThread} bytes (409 thread_full), and an assessor has at most ${referralLimits.openPerAccount} referrals waiting for a lead's answer, new or reopened by a follow-up (409 too_many_open).

**A refused decision kept for the lead** (lead notes) is held to the rubric it names like a decision.

**Sign-in throttling** counts each attempt before the password is hashed, so attempts sent at once are throttled like attempts sent one by one. Per account (the email given, known or not, from any address): after 5 failed attempts within 15 minutes. Per address: after failures on 10 different accounts within 15 minutes. Past a limit each attempt waits 30 s, doubling with each further failure, at most 15 minutes (429 with Retry-After); one account's failures never slow down another account. An unknown email costs the same password hash as a known one.

**Free text** (rationales, comments and quotes, feedback, notes, titles, referral questions and replies, audit values) refuses control characters other than tab, line feed and carriage return, and the bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069 (422: "${hiddenControlsMessage}"); text that must say something needs a visible character (not only blanks or zero-width characters).

**Evidence** is served with its stated type and X-Content-Type-Options: nosniff, to accounts that may read the submission.`;

/** The OpenAPI 3.1 document of the hosted API, generated from the zod schemas it describes. */
export function buildOpenApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'Micro-credential assessment hosted API', version: '1.1.0', description: rulesText },
    servers: [{ url: 'http://127.0.0.1:{port}', variables: { port: { default: '8080' } } }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: Object.fromEntries(Object.entries(components).map(([name, schema]) => [name, z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })])),
    },
    paths: {
      '/v1/auth/sign-in': {
        post: {
          summary: 'Sign in with email and password (repeated failures per account or per address are answered 429 for a while)',
          requestBody: json('SignInRequest', 'Credentials'),
          responses: { '200': json('TokenPair', 'Tokens'), '401': json('ApiError', 'bad_credentials'), '422': json('ValidationFailure', 'Invalid body'), '429': errors['429'] },
        },
      },
      '/v1/auth/refresh': {
        post: {
          summary: "Exchange a refresh token for a new pair. Each works once; presented again within 60 s (the reply was lost) it gets the same pair while that pair's refresh token is unused; any other reuse revokes the whole session (token_reused)",
          requestBody: json('RefreshRequest', 'Refresh token'),
          responses: { '200': json('TokenPair', 'New tokens'), '401': errors['401'] },
        },
      },
      '/v1/auth/sign-out': { post: { summary: 'End the session (revokes its tokens)', requestBody: json('SignOutRequest', 'Refresh token'), responses: { '204': { description: 'Signed out' } } } },
      '/v1/me': { get: { summary: 'Who am I', security: bearer, responses: { '200': json('Account', 'The account and its roles'), '401': errors['401'] } } },
      '/v1/assignments': { get: { summary: 'My assignments', security: bearer, responses: { '200': json('AssignmentList', 'Assignments'), '401': errors['401'] } } },
      '/v1/batches/claim': {
        post: {
          summary: 'Claim a batch of N submissions (leased, with a due time; double scoring and gold items applied)',
          security: bearer,
          requestBody: json('ClaimRequest', 'How many'),
          responses: { '201': json('ClaimResponse', 'The batch'), '401': errors['401'], '403': json('ApiError', 'not_qualified: qualify on a calibration set first, or recalibrate where locked out (`qualifications` says which and why)'), '429': errors['429'] },
        },
      },
      '/v1/submissions/{id}': {
        get: { summary: 'A submission with its evidence manifest and rubric', security: bearer, parameters: [idParameter('id')], responses: { '200': json('SubmissionManifest', 'Manifest'), '404': json('ApiError', 'Not yours or not found') } },
      },
      '/v1/submissions/{id}/decision': {
        post: {
          summary: 'Submit a decision (idempotent by key)',
          security: bearer,
          parameters: [idParameter('id'), idempotencyKeyParameter],
          requestBody: json('DecisionRequest', 'The decision'),
          responses: {
            '201': json('DecisionReceipt', 'Recorded (a replay of the same key and body returns the first answer)'),
            '409': json('DecisionConflict', 'Lease expired, already decided, rubric superseded, or the key was used with another body'),
            '422': json('ValidationFailure', 'Field errors: a level off its criterion’s scale, an unknown or repeated criterion, evidence of another submission, a time in the future, an outcome the pass rule does not give'),
          },
        },
      },
      '/v1/submissions/{id}/lead-notes': {
        post: {
          summary: 'Keep a refused decision as a note for the lead (idempotent by key)',
          security: bearer,
          parameters: [idParameter('id'), idempotencyKeyParameter],
          requestBody: json('LeadNoteRequest', 'The refused decision and the reason it was refused'),
          responses: { '201': json('LeadNoteReceipt', 'Kept for the lead'), '404': json('ApiError', 'Never assigned to you'), '409': json('ApiError', 'The key was used with another body'), '422': json('ValidationFailure', 'Field errors') },
        },
      },
      '/v1/submissions/{id}/release': { post: { summary: 'Give a submission back', security: bearer, parameters: [idParameter('id')], responses: { '204': { description: 'Released' }, '404': json('ApiError', 'No lease') } } },
      '/v1/evidence/{id}': {
        get: {
          summary: 'Evidence bytes (Range, ETag, If-Range)',
          security: bearer,
          parameters: [idParameter('id'), { name: 'Range', in: 'header', schema: { type: 'string' } }, { name: 'If-Range', in: 'header', schema: { type: 'string' } }],
          responses: { '200': { description: 'The whole file' }, '206': { description: 'The requested range' }, '416': { description: 'Range not satisfiable' } },
        },
      },
      '/v1/quality-rules': { get: { summary: 'Quality rules per micro-credential', security: bearer, responses: { '200': json('QualityRulesList', 'Rules') } } },
      '/v1/quality-rules/{credentialId}': {
        put: {
          summary: 'Set qualification, double-scoring, gold and adjudication rules (lead)',
          security: bearer,
          parameters: [idParameter('credentialId')],
          requestBody: json('QualityRules', 'The rules'),
          responses: { '200': json('QualityRules', 'Saved'), '403': json('ApiError', 'Not a lead'), '422': json('ValidationFailure', 'Field errors') },
        },
      },
      '/v1/calibration-sets': {
        get: { summary: 'Calibration sets (never their master scores), with the caller’s current attempt and the items it has answered; gold sets to leads only', security: bearer, parameters: [{ name: 'credentialId', in: 'query', schema: { type: 'string' } }], responses: { '200': json('CalibrationSetList', 'Sets') } },
        post: {
          summary: 'Build a calibration set with master scores and rationales (lead)',
          security: bearer,
          requestBody: json('CalibrationSetCreate', 'The set'),
          responses: { '201': json('CalibrationSet', 'Created'), '403': json('ApiError', 'Not a lead'), '422': json('ValidationFailure', 'Master scores that do not fit the rubric') },
        },
      },
      '/v1/calibration-sets/{id}/responses': {
        post: {
          summary: "An assessor's first answer to a calibration item in their current attempt (idempotent by key; final); answers with the comparison to the master",
          security: bearer,
          parameters: [idParameter('id'), idempotencyKeyParameter],
          requestBody: json('CalibrationResponseRequest', 'The scores'),
          responses: {
            '201': json('CalibrationFeedback', 'Agreement per criterion, the master rationale, the qualification status'),
            '409': json('ApiError', 'already_answered: this item was answered in this attempt (a retake needs a lead’s reset); or the key was used with another body'),
            '422': json('ValidationFailure', 'Field errors: not a calibration set, an item not in it, scores off the rubric, a time in the future'),
          },
        },
      },
      '/v1/calibration-sets/{id}/resets': {
        post: {
          summary: "A lead lets an assessor take a calibration set again: a new attempt, recorded with who and why (idempotent by key)",
          security: bearer,
          parameters: [idParameter('id'), idempotencyKeyParameter],
          requestBody: json('CalibrationResetRequest', 'Whose attempt, and the note'),
          responses: { '201': json('CalibrationAttempt', 'The new attempt'), '403': json('ApiError', 'Not a lead, or own_work: a retake for oneself'), '404': json('ApiError', 'No such calibration set'), '409': json('ApiError', 'nothing_to_reset: the current attempt has no answer yet'), '422': json('ValidationFailure', 'No such account, or no note') },
        },
      },
      '/v1/me/qualifications': { get: { summary: 'My qualification status per micro-credential', security: bearer, responses: { '200': json('QualificationList', 'Statuses with reasons') } } },
      '/v1/me/accuracy': { get: { summary: 'My agreement with the master on gold items, by week', security: bearer, responses: { '200': json('AccuracyReport', 'Weeks') } } },
      '/v1/adjudications': { get: { summary: 'Double-scored submissions whose scorers disagree (lead; never a case the lead scored)', security: bearer, responses: { '200': json('AdjudicationList', 'The queue, both decisions side by side'), '403': json('ApiError', 'Not a lead') } } },
      '/v1/adjudications/{id}/resolution': {
        post: {
          summary: "A lead's resolution (idempotent by key)",
          security: bearer,
          parameters: [idParameter('id'), idempotencyKeyParameter],
          requestBody: json('AdjudicationResolutionRequest', 'Outcome, scores and note'),
          responses: {
            '201': json('AdjudicationReceipt', 'Resolved'),
            '403': json('ApiError', 'Not a lead, or own_work: the lead scored this submission'),
            '404': json('ApiError', 'No such adjudication'),
            '409': json('ApiError', 'already_resolved: another lead resolved it first'),
            '422': json('ValidationFailure', "Every criterion once, on its scale; an award or not yet the rubric's pass rule gives for those levels (a flag is not checked against it)"),
          },
        },
      },
      '/v1/backreads': { get: { summary: 'The backreading queue: live decisions sampled at each credential’s rate, and every decision of a locked-out assessor (lead; never the lead’s own decisions)', security: bearer, responses: { '200': json('BackreadList', 'Sampled decisions'), '403': json('ApiError', 'Not a lead') } } },
      '/v1/backreads/{id}/review': {
        post: {
          summary: "A lead's review of a sampled decision: each criterion agreed or overridden with a level and a note (idempotent by key)",
          security: bearer,
          parameters: [idParameter('id'), idempotencyKeyParameter],
          requestBody: json('BackreadReviewRequest', 'A verdict per criterion and a note'),
          responses: { '201': json('BackreadReceipt', 'Reviewed'), '403': json('ApiError', 'Not a lead, or own_work: the lead made this decision'), '404': json('ApiError', 'Not in the queue'), '409': json('ApiError', 'already_reviewed'), '422': json('ValidationFailure', "A criterion missing, unknown, repeated or on no level of its scale; an override at the assessor's own level") },
        },
      },
      '/v1/me/backreads': { get: { summary: "Leads' reviews of this assessor's decisions, criterion by criterion", security: bearer, responses: { '200': json('BackreadFeedback', 'Reviews, newest first') } } },
      '/v1/lockouts': { get: { summary: 'Assessors locked out now, and lockouts lifted in the last 30 days (lead)', security: bearer, responses: { '200': json('LockoutList', 'Lockouts'), '403': json('ApiError', 'Not a lead') } } },
      '/v1/lockouts/lift': {
        post: {
          summary: 'A lead lets a locked-out assessor back in, with a note (idempotent by key)',
          security: bearer,
          parameters: [idempotencyKeyParameter],
          requestBody: json('LockoutLiftRequest', 'Who, on which micro-credential, and why'),
          responses: { '201': json('LockoutList', 'The lockouts after lifting'), '403': json('ApiError', 'Not a lead, or own_work: the lead’s own lockout'), '404': json('ApiError', 'Not locked out'), '422': json('ValidationFailure', 'The note is missing') },
        },
      },
      '/v1/referrals': {
        get: { summary: 'Every referral with its thread, newest first (lead)', security: bearer, responses: { '200': json('ReferralList', 'Referrals'), '403': json('ApiError', 'Not a lead') } },
        post: {
          summary: 'Refers a submission this assessor was given to a lead, with a reason and a question (idempotent by key and by the referral id)',
          security: bearer,
          parameters: [idempotencyKeyParameter],
          requestBody: json('ReferralCreate', 'The referral, its id made by the workstation'),
          responses: { '201': json('Referral', 'The referral and its thread'), '404': json('ApiError', 'Not a submission assigned to this account'), '409': json('ApiError', 'id_taken: the id is another referral’s or message’s') },
        },
      },
      '/v1/referrals/{id}/messages': {
        post: {
          summary: "A message in a referral's thread, by the referring assessor or a lead (idempotent by key and by the message id)",
          security: bearer,
          parameters: [idParameter('id'), idempotencyKeyParameter],
          requestBody: json('ReferralMessageCreate', 'The message, its id made by the workstation'),
          responses: { '201': json('Referral', 'The thread'), '404': json('ApiError', 'No such referral for this account'), '409': json('ApiError', 'id_taken: the id is another message’s') },
        },
      },
      '/v1/me/referrals': { get: { summary: "This assessor's referrals with their threads", security: bearer, responses: { '200': json('ReferralList', 'Referrals') } } },
      '/v1/audit': {
        post: {
          summary: 'Changes for the audit trail, append-only (idempotent by key, and each change by its id); the actor is the signed-in account; client kinds only, about work assigned to the account, dated within its life',
          security: bearer,
          parameters: [idempotencyKeyParameter],
          requestBody: json('AuditUpload', 'Changes to scores, rationales, comments, feedback and decisions'),
          responses: {
            '201': json('AuditReceipt', 'Recorded'),
            '409': json('ApiError', 'decision_already_received: a change dated after the server received this account’s decision on the submission'),
            '422': json('ValidationFailure', 'Invalid (a server kind, the server’s machine), about a submission this account was never given, or dated before it was assigned or in the future'),
          },
        },
      },
      '/v1/lead/audit': {
        get: {
          summary: "One submission's audit trail, by id or label (lead)",
          security: bearer,
          parameters: [{ name: 'submission', in: 'query', required: true, schema: { type: 'string' } }],
          responses: { '200': json('AuditTrail', 'The trail, oldest first'), '403': json('ApiError', 'Not a lead'), '404': json('ApiError', 'No such submission') },
        },
      },
      '/v1/lead/ratings': { get: { summary: 'Every rating the calibration dashboard computes from (lead)', security: bearer, responses: { '200': json('LeadData', 'Ratings with master levels where they exist'), '403': json('ApiError', 'Not a lead') } } },
      '/v1/lead/candidates': {
        get: {
          summary: 'Submissions a lead may put in a calibration set',
          security: bearer,
          parameters: [{ name: 'credentialId', in: 'query', required: true, schema: { type: 'string' } }, { name: 'limit', in: 'query', schema: { type: 'integer' } }],
          responses: { '200': json('CandidateList', 'Submissions'), '403': json('ApiError', 'Not a lead') },
        },
      },
      '/v1/evidence/{id}/captions': { get: { summary: 'WebVTT captions for a video', security: bearer, parameters: [idParameter('id')], responses: { '200': { description: 'text/vtt' } } } },
    },
  };
}
