import { randomUUID } from 'node:crypto';
import type { MethodName, MethodOutput, ParsedInput } from '../../shared/contract/methods';
import type { EventName, EventPayload } from '../../shared/contract/events';
import type { EvidenceComment } from '../../shared/domain/comment';
import type { DecisionPayload, DecisionSummary } from '../../shared/domain/decision';
import { decisionBlockers } from '../../shared/domain/decision-rules';
import type { DecisionBlocker } from '../../shared/domain/decision-rules';
import type { RubricVersion } from '../../shared/domain/rubric';
import { allCriteria } from '../../shared/domain/rubric';
import type { Db } from './db/database';
import { schemaVersion } from './db/migrate';
import { DomainError } from './errors';
import { batchKindOf, calibrationSetOf, listBatches, listQueue } from './repositories/batches';
import { loadCalibrationResult } from './repositories/quality';
import { adjudicationQueue, leadDashboard, leadExport, qualitySummary } from './quality/views';
import { CalibrationFeedback } from '../../shared/hosted-api/quality';
import { deleteSnippet, markSnippetUsed, saveSnippet, searchSnippets } from './repositories/comment-bank';
import { deleteComment, getCommentOwner, listComments, saveComment, toEvidenceComment } from './repositories/comments';
import { getCredential, getRubricVersion } from './repositories/credentials';
import { getDecision, recordDecision, undoDecision } from './repositories/decisions';
import { addActiveTime, getDraft, saveFeedback, savePlayback, saveRationale, saveScore } from './repositories/drafts';
import { getEvidence, listEvidence, toSummary } from './repositories/evidence';
import type { EvidenceRecord } from './repositories/evidence';
import { isUntouched } from './repositories/outbox';
import { readPreferences, writePreferences } from './preferences';
import type { AssignedSubmission } from './repositories/submissions';
import { getAssignedSubmission, listPreviousAttempts } from './repositories/submissions';

export interface HandlerContext {
  db: Db;
  version: string;
  now(): Date;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Lets sync know a decision is waiting to leave. */
  afterDecision?: () => void;
  /** A written response opened from its sealed form (null when it is not here or cannot be read yet). */
  readWrittenResponse: (record: EvidenceRecord) => string | null;
  /** The URL the renderer loads an evidence item from, as the host that serves it makes them. */
  evidenceUrl: (evidenceId: string, part: 'media' | 'captions') => string;
}

/** Methods that talk to the hosted API (and so answer later); every other method answers at once. */
export const networkMethods = [
  'session.get',
  'session.signIn',
  'session.signOut',
  'batch.claim',
  'sync.status',
  'sync.now',
  'sync.conflicts',
  'sync.resolveConflict',
  'sync.dismissNotice',
  'downloads.pause',
  'downloads.resume',
  'storage.setRetention',
  'quality.refresh',
  'calibration.start',
  'lead.resolveAdjudication',
  'lead.openAdjudication',
  'lead.setRules',
  'lead.candidates',
  'lead.prepareSet',
  'lead.publishSet',
] as const;
export type NetworkMethodName = (typeof networkMethods)[number];
export type LocalMethodName = Exclude<MethodName, NetworkMethodName>;

export type Handlers = {
  [N in LocalMethodName]: (input: ParsedInput<N>, context: HandlerContext) => MethodOutput<N>;
};

function requireSubmission(db: Db, submissionId: string): AssignedSubmission {
  const submission = getAssignedSubmission(db, submissionId);
  if (!submission) throw new DomainError('not_found', 'That submission is not in this workspace.');
  return submission;
}

function requireRubric(db: Db, submission: AssignedSubmission): RubricVersion {
  const rubric = getRubricVersion(db, submission.rubricVersionId);
  if (!rubric) throw new DomainError('internal', 'The rubric for this submission is missing.');
  return rubric;
}

/** Edits are refused once a decision exists: the scores it was based on must not move under it. */
function requireEditable(db: Db, submissionId: string): AssignedSubmission {
  const submission = requireSubmission(db, submissionId);
  if (batchKindOf(db, submissionId) === 'review') throw new DomainError('conflict', 'A submission under adjudication is read here, not scored.');
  if (getDecision(db, submissionId)) {
    throw new DomainError('conflict', 'This submission already has a decision; undo it before changing anything.');
  }
  return submission;
}

function requireCriterion(rubric: RubricVersion, criterionId: string): void {
  if (!allCriteria(rubric).some((criterion) => criterion.id === criterionId)) {
    throw new DomainError('invalid_input', 'That criterion is not part of this submission’s rubric.');
  }
}

function afterEdit(context: HandlerContext, submissionId: string, savedAt: string): { savedAt: string; status: AssignedSubmission['status'] } {
  const submission = requireSubmission(context.db, submissionId);
  context.emit('queue.changed', { batchId: submission.batchId, submissionId, status: submission.status });
  return { savedAt, status: submission.status };
}

function commentsOf(db: Db, submissionId: string): EvidenceComment[] {
  return listComments(db, submissionId).map(toEvidenceComment);
}

function decisionSummary(db: Db, submissionId: string): DecisionSummary | null {
  const decision = getDecision(db, submissionId);
  if (!decision) return null;
  return {
    outcome: decision.outcome,
    conditionCode: decision.conditionCode as DecisionSummary['conditionCode'],
    note: decision.note,
    decidedAt: decision.decidedAt,
    undoable: isUntouched(db, 'decision', submissionId),
  };
}

/** A comment's anchor must suit its evidence: times for video and audio, pages for the rest. */
function checkAnchor(db: Db, submissionId: string, comment: EvidenceComment): void {
  const evidence = getEvidence(db, comment.evidenceId);
  if (!evidence || evidence.submissionId !== submissionId) throw new DomainError('invalid_input', 'That evidence item is not part of this submission.');
  const timed = evidence.kind === 'video' || evidence.kind === 'audio';
  if (timed && (comment.startMs === null || comment.page !== null)) throw new DomainError('invalid_input', 'Comments on video or audio are pinned to a time.');
  if (!timed && (comment.page === null || comment.startMs !== null)) throw new DomainError('invalid_input', 'Comments on documents, images and text are pinned to a page.');
  if (timed && evidence.durationMs !== null && (comment.endMs ?? comment.startMs ?? 0) > evidence.durationMs + 1000) {
    throw new DomainError('invalid_input', 'That time is past the end of the recording.');
  }
}

function describeBlockers(blockers: DecisionBlocker[]): string {
  return blockers
    .map((blocker) => {
      switch (blocker.kind) {
        case 'unscored':
          return `${blocker.criterionIds.length} criteria are not scored yet`;
        case 'rule_says':
          return `the pass rule says ${blocker.outcome === 'award' ? 'award' : 'not yet'}`;
        case 'uncited':
          return `${blocker.criterionIds.length} criteria below passing have no candidate-facing comment citing evidence`;
        case 'condition_code_required':
          return 'a flag needs a condition code';
      }
    })
    .join('; ');
}

/** The next undecided submission after this one in the batch (wrapping), or null when all are decided. */
function nextUndecided(db: Db, batchId: string, afterPosition: number): string | null {
  const row = db
    .prepare(
      `SELECT a.submission_id FROM assignments a LEFT JOIN decisions d ON d.submission_id = a.submission_id
       WHERE a.batch_id = ? AND d.submission_id IS NULL
       ORDER BY (a.position <= ?), a.position LIMIT 1`,
    )
    .get(batchId, afterPosition) as { submission_id: string } | undefined;
  return row?.submission_id ?? null;
}

export const handlers: Handlers = {
  'app.info': (_input, context) => ({ version: context.version, schemaVersion }),

  'workspace.summary': (_input, { db }) => {
    const batches = listBatches(db);
    return { isDemo: batches.length > 0 && batches.every((batch) => batch.isDemo), batches };
  },

  'queue.list': ({ batchId }, { db }) => ({ items: listQueue(db, batchId) }),

  'submission.open': ({ submissionId }, { db, readWrittenResponse }) => {
    const submission = requireSubmission(db, submissionId);
    const credential = getCredential(db, submission.credentialId);
    if (!credential) throw new DomainError('internal', 'The micro-credential for this submission is missing.');
    const draft = getDraft(db, submissionId);
    return {
      submissionId,
      batchId: submission.batchId,
      label: submission.label,
      attempt: submission.attempt,
      status: submission.status,
      dueAt: submission.dueAt,
      leaseExpiresAt: submission.leaseExpiresAt,
      credential,
      rubric: requireRubric(db, submission),
      evidence: listEvidence(db, submissionId).map((record) => toSummary(record, readWrittenResponse(record))),
      previousAttempts: listPreviousAttempts(db, submissionId),
      draft: {
        scores: draft.scores,
        overallFeedback: draft.overallFeedback,
        componentFeedback: draft.componentFeedback,
        activeMs: draft.activeMs,
        playback: draft.playback,
        updatedAt: draft.updatedAt,
      },
      comments: commentsOf(db, submissionId),
      decision: decisionSummary(db, submissionId),
      mode: batchKindOf(db, submissionId),
      calibration: calibrationOf(db, submissionId),
    };
  },

  'draft.setScore': ({ submissionId, criterionId, level }, context) => {
    const rubric = requireRubric(context.db, requireEditable(context.db, submissionId));
    requireCriterion(rubric, criterionId);
    const criterion = allCriteria(rubric).find((candidate) => candidate.id === criterionId);
    if (level !== null && !criterion?.levels.some((candidate) => candidate.level === level)) {
      throw new DomainError('invalid_input', `Level ${level} is not a score level of that criterion.`);
    }
    const savedAt = context.now().toISOString();
    saveScore(context.db, submissionId, criterionId, level, savedAt);
    return afterEdit(context, submissionId, savedAt);
  },

  'draft.setRationale': ({ submissionId, criterionId, rationale }, context) => {
    requireCriterion(requireRubric(context.db, requireEditable(context.db, submissionId)), criterionId);
    const savedAt = context.now().toISOString();
    saveRationale(context.db, submissionId, criterionId, rationale, savedAt);
    return afterEdit(context, submissionId, savedAt);
  },

  'draft.setFeedback': ({ submissionId, componentId, body }, context) => {
    const rubric = requireRubric(context.db, requireEditable(context.db, submissionId));
    if (componentId !== null && !rubric.components.some((component) => component.id === componentId)) {
      throw new DomainError('invalid_input', 'That component is not part of this submission’s rubric.');
    }
    const savedAt = context.now().toISOString();
    saveFeedback(context.db, submissionId, componentId, body, savedAt);
    return afterEdit(context, submissionId, savedAt);
  },

  'draft.setPlayback': ({ submissionId, evidenceId, positionMs }, context) => {
    requireSubmission(context.db, submissionId);
    if (getEvidence(context.db, evidenceId)?.submissionId !== submissionId) throw new DomainError('invalid_input', 'That evidence item is not part of this submission.');
    const savedAt = context.now().toISOString();
    savePlayback(context.db, submissionId, evidenceId, positionMs, savedAt);
    return { savedAt };
  },

  'draft.addActiveTime': ({ submissionId, ms }, context) => {
    requireSubmission(context.db, submissionId);
    return { activeMs: addActiveTime(context.db, submissionId, ms, context.now().toISOString()) };
  },

  'comment.save': ({ submissionId, comment }, context) => {
    const rubric = requireRubric(context.db, requireEditable(context.db, submissionId));
    const owner = getCommentOwner(context.db, comment.id);
    if (owner !== null && owner !== submissionId) throw new DomainError('conflict', 'That comment belongs to another submission.');
    checkAnchor(context.db, submissionId, comment);
    for (const criterionId of comment.criterionIds) requireCriterion(rubric, criterionId);
    const savedAt = context.now().toISOString();
    const existing = owner ? listComments(context.db, submissionId).find((candidate) => candidate.id === comment.id) : undefined;
    saveComment(context.db, { ...comment, submissionId, createdAt: existing?.createdAt ?? savedAt, updatedAt: savedAt });
    return afterEdit(context, submissionId, savedAt);
  },

  'comment.delete': ({ submissionId, commentId }, context) => {
    requireEditable(context.db, submissionId);
    if (getCommentOwner(context.db, commentId) !== submissionId) throw new DomainError('not_found', 'That comment is not on this submission.');
    deleteComment(context.db, commentId);
    return afterEdit(context, submissionId, context.now().toISOString());
  },

  'decision.submit': ({ submissionId, outcome, conditionCode, note }, context) => {
    const submission = requireEditable(context.db, submissionId);
    if (batchKindOf(context.db, submissionId) === 'master') throw new DomainError('conflict', 'Master scores are published with the calibration set, not decided one by one.');
    const rubric = requireRubric(context.db, submission);
    const draft = getDraft(context.db, submissionId);
    const scores = Object.fromEntries(draft.scores.map((score) => [score.criterionId, score.level]));
    const comments = commentsOf(context.db, submissionId);
    const blockers = decisionBlockers(rubric, scores, comments, outcome, conditionCode);
    if (blockers.length > 0) throw new DomainError('conflict', `This decision cannot be submitted yet: ${describeBlockers(blockers)}.`);
    const decidedAt = context.now().toISOString();
    const payload: DecisionPayload = {
      submissionId,
      rubricVersionId: rubric.id,
      outcome,
      conditionCode: outcome === 'flag' ? conditionCode : null,
      note,
      scores: allCriteria(rubric).map((criterion) => {
        const score = draft.scores.find((candidate) => candidate.criterionId === criterion.id);
        return { criterionId: criterion.id, level: score?.level ?? null, rationale: score?.rationale ?? '' };
      }),
      comments,
      feedback: { overall: draft.overallFeedback, components: draft.componentFeedback },
      activeMs: draft.activeMs,
      decidedAt,
      basedOn: draft.updatedAt,
    };
    recordDecision(
      context.db,
      { submissionId, outcome, conditionCode: payload.conditionCode, note, rubricVersionId: rubric.id, decidedAt },
      randomUUID(),
      payload,
    );
    const status = afterEdit(context, submissionId, decidedAt).status;
    context.afterDecision?.();
    return { decision: decisionSummary(context.db, submissionId)!, status, nextSubmissionId: nextUndecided(context.db, submission.batchId, submission.position) };
  },

  'decision.undo': ({ submissionId }, context) => {
    requireSubmission(context.db, submissionId);
    if (!undoDecision(context.db, submissionId)) throw new DomainError('conflict', 'This decision has already left for sync and can no longer be undone.');
    return { status: afterEdit(context, submissionId, context.now().toISOString()).status };
  },

  'bank.search': ({ query }, { db }) => ({ snippets: searchSnippets(db, query) }),

  'bank.save': (snippet, context) => {
    const savedAt = context.now().toISOString();
    saveSnippet(context.db, snippet, savedAt);
    return { savedAt };
  },

  'bank.delete': ({ id }, { db }) => ({ deleted: deleteSnippet(db, id) }),

  'bank.markUsed': ({ id }, { db }) => ({ updated: markSnippetUsed(db, id) }),

  'evidence.url': ({ evidenceId, part }, { db, evidenceUrl }) => {
    const evidence = getEvidence(db, evidenceId);
    const here = evidence?.availability === 'available' && (part === 'media' ? evidence.localPath !== null : evidence.captionsPath !== null);
    if (!here) throw new DomainError('not_found', 'That evidence is not on this machine.');
    return { url: evidenceUrl(evidenceId, part) };
  },

  'preferences.get': (_input, { db }) => readPreferences(db),

  'preferences.set': ({ patch }, context) => writePreferences(context.db, patch, context.now().toISOString()),

  'quality.status': (_input, { db }) => qualitySummary(db),
  'lead.dashboard': ({ credentialId }, { db }) => leadDashboard(db, credentialId),
  'lead.export': ({ credentialId, format }, context) => leadExport(context.db, credentialId, format, context.now()),
  'lead.adjudications': (_input, { db }) => adjudicationQueue(db),
};

/** Calibration work: its set, and the server's comparison with the master once the response synced. */
function calibrationOf(db: Db, submissionId: string): MethodOutput<'submission.open'>['calibration'] {
  const setId = calibrationSetOf(db, submissionId);
  if (!setId) return null;
  const result = CalibrationFeedback.safeParse(loadCalibrationResult(db, submissionId));
  return { setId, result: result.success ? result.data : null };
}
