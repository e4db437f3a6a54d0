import { z } from 'zod';
import { EvidenceComment } from '../domain/comment';
import { CitedEvidence, CitedMoment } from '../domain/cited-evidence';
import { Id, MicroCredential, RubricVersion } from '../domain/rubric';
import { DecisionOutcome, EvidenceKind } from '../domain/submission';
import { plainText, requiredText } from '../domain/text';

// Scoring quality on the hosted API: calibration sets with master scores, qualification rules,
// double scoring with adjudication, and gold items mixed into live work (issue 6).

const Timestamp = z.string().datetime();
const Share = z.number().min(0).max(1);
const Level = z.number().int().min(0).max(10);

/**
 * Suspends an assessor's live claims on a micro-credential: exact agreement with gold items below a
 * share over their last few gold items, or a share of backread criteria overridden above a limit
 * over their last few backread decisions. Lifted by passing the recalibration set (or by a lead).
 */
export const LockoutRule = z
  .object({
    /** Exact agreement with the master on gold items below this locks out (null: not a trigger). */
    minGoldExact: Share.nullable(),
    /** Over the assessor's last this-many gold items. */
    goldWindow: z.number().int().min(1).max(100),
    /** Share of backread criteria a lead overrode above this locks out (null: not a trigger). */
    maxOverrideShare: Share.nullable(),
    /** Over the assessor's last this-many backread decisions. */
    backreadWindow: z.number().int().min(1).max(100),
    /** The set that lifts it, and the agreement needed on it. */
    recalibrationSetId: Id,
    minExactAgreement: Share,
    maxLevelsOff: z.number().int().min(0).max(10),
  })
  .strict();
export type LockoutRule = z.infer<typeof LockoutRule>;

/** A lead's rules for one micro-credential. */
export const QualityRules = z
  .object({
    credentialId: Id,
    /** Live claims need a pass on this set first (null: no qualification needed). */
    qualification: z
      .object({
        setId: Id,
        /** Share of criteria scored exactly as the master (e.g. 0.8). */
        minExactAgreement: Share,
        /** No criterion further than this from the master (e.g. 1). */
        maxLevelsOff: z.number().int().min(0).max(10),
      })
      .strict()
      .nullable(),
    /** Share of live submissions scored by a second assessor. */
    doubleScoringRate: Share,
    /** Share of a claimed batch that is gold items (calibration submissions with master scores). */
    goldRate: Share,
    /** Double-scored criterion scores further apart than this go to adjudication. */
    adjudicationTolerance: z.number().int().min(0).max(10),
    /** Share of each assessor's live decisions sampled for a lead to backread. */
    backreadingRate: Share.default(0),
    /** When an assessor's live claims are suspended until they pass a recalibration set (null: never). */
    lockout: LockoutRule.nullable().default(null),
  })
  .strict();
export type QualityRules = z.infer<typeof QualityRules>;
export const QualityRulesList = z.object({ rules: z.array(QualityRules).max(500) });

export const MasterScore = z
  .object({
    criterionId: Id,
    level: Level,
    rationale: requiredText(20_000),
    /** The moments and passages that justify the level (the master's comments citing the criterion). */
    evidence: z.array(CitedMoment).max(100).default([]),
  })
  .strict();
export type MasterScore = z.infer<typeof MasterScore>;

/**
 * A calibration set is scored by assessors (to qualify, to recalibrate; they read the master's levels
 * after each answer). A gold set is the pool of gold items: assessors never see it, and its
 * submissions come back as copies mixed into live work.
 */
export const SetPurpose = z.enum(['calibration', 'gold']);
export type SetPurpose = z.infer<typeof SetPurpose>;

export const CalibrationSetCreate = z
  .object({
    credentialId: Id,
    title: requiredText(200),
    purpose: SetPurpose.default('calibration'),
    items: z.array(z.object({ submissionId: Id, scores: z.array(MasterScore).min(1).max(100) }).strict()).min(1).max(50),
  })
  .strict();
export type CalibrationSetCreate = z.infer<typeof CalibrationSetCreate>;

/**
 * A set as an account sees it: which submissions, never the master scores; the caller's current
 * attempt at it and the items already answered in that attempt (an answer is final). Gold sets are
 * listed to leads only.
 */
export const CalibrationSet = z.object({
  id: Id,
  credentialId: Id,
  title: z.string().max(200),
  createdAt: Timestamp,
  purpose: SetPurpose.default('calibration'),
  submissionIds: z.array(Id).max(50),
  attempt: z.number().int().min(1).default(1),
  answeredSubmissionIds: z.array(Id).max(50).default([]),
  /** When the current attempt is a lead's retake: when, and the lead's note. */
  retake: z.object({ openedAt: Timestamp, note: z.string().max(2000) }).nullable().default(null),
});
export type CalibrationSet = z.infer<typeof CalibrationSet>;

/** A lead lets an assessor take a set again: a new attempt, recorded with who and why (sent with an Idempotency-Key header). */
export const CalibrationResetRequest = z.object({ accountId: Id, note: requiredText(2000) }).strict();
export type CalibrationResetRequest = z.infer<typeof CalibrationResetRequest>;

/** An attempt after the first: opened by a lead's recorded reset. */
export const CalibrationAttempt = z.object({
  setId: Id,
  accountId: Id,
  attempt: z.number().int().min(2),
  openedAt: Timestamp,
  openedBy: Id,
  note: z.string().max(2000),
});
export type CalibrationAttempt = z.infer<typeof CalibrationAttempt>;
export const CalibrationSetList = z.object({ sets: z.array(CalibrationSet).max(1000) });

/** An assessor's scores on one calibration submission (sent with an Idempotency-Key header). */
export const CalibrationResponseRequest = z
  .object({
    submissionId: Id,
    scores: z.array(z.object({ criterionId: Id, level: Level.nullable(), rationale: plainText(20_000) }).strict()).max(100),
    /** The moments the assessor's comments cite, per criterion: compared with the master's. */
    evidence: CitedEvidence.default([]),
    activeMs: z.number().int().min(0),
    respondedAt: Timestamp,
  })
  .strict();
export type CalibrationResponseRequest = z.infer<typeof CalibrationResponseRequest>;

/** An assessor's live claims on one micro-credential, suspended by the lockout rule until they recalibrate. */
export const Lockout = z.object({
  accountId: Id,
  credentialId: Id,
  since: Timestamp,
  /** What tripped it: agreement with gold items, or the share of backread criteria a lead overrode. */
  trigger: z.enum(['gold', 'backread']),
  figure: Share,
  threshold: Share,
  /** Over the last this-many gold items or backread decisions. */
  window: z.number().int().min(1),
  recalibration: z.object({
    setId: Id,
    setTitle: z.string().max(200),
    /** Items of the set scored since the lockout, of how many. */
    scoredItems: z.number().int().min(0),
    requiredItems: z.number().int().min(0),
    required: z.object({ exactAgreement: Share, maxLevelsOff: z.number().int().min(0) }),
    /** The last complete attempt since the lockout, when it fell short. */
    lastAttempt: z.object({ exactAgreement: Share, maxLevelsOff: z.number().int().min(0) }).nullable(),
    /** The assessor answered the set before (they have read its master levels): only an attempt a lead opens counts. */
    needsLead: z.boolean().default(false),
  }),
  /** Set once lifted: by passing the set, or by a lead with a note. */
  lifted: z.object({ at: Timestamp, how: z.enum(['recalibrated', 'lead']), by: Id, note: z.string().max(5000) }).nullable(),
});
export type Lockout = z.infer<typeof Lockout>;
export const LockoutLiftRequest = z.object({ accountId: Id, credentialId: Id, note: requiredText(5000) }).strict();
export type LockoutLiftRequest = z.infer<typeof LockoutLiftRequest>;
export const LockoutList = z.object({ lockouts: z.array(Lockout).max(10_000) });

export const QualificationStatus = z.object({
  credentialId: Id,
  credentialTitle: z.string().max(200),
  status: z.enum(['not_required', 'not_started', 'in_progress', 'qualified', 'not_qualified', 'locked_out']),
  setId: Id.nullable(),
  scoredItems: z.number().int().min(0),
  requiredItems: z.number().int().min(0),
  exactAgreement: Share.nullable(),
  maxLevelsOff: z.number().int().min(0).nullable(),
  /** Why live claims are blocked, in the server's words (English, for logs and support: the workstation words it from the fields). */
  reason: z.string().max(500).nullable(),
  /** The rule the set is held to, so the workstation can say how far off a failed attempt was. */
  required: z.object({ exactAgreement: Share, maxLevelsOff: z.number().int().min(0) }).nullable().default(null),
  /** Why live claims are suspended and how to lift it (status `locked_out`). */
  lockout: Lockout.nullable().default(null),
});
export type QualificationStatus = z.infer<typeof QualificationStatus>;
export const QualificationList = z.object({ qualifications: z.array(QualificationStatus).max(500) });

export const EvidenceComparison = z.object({
  master: z.array(z.object({ moment: CitedMoment, cited: z.boolean() })).max(100),
  extra: z.array(CitedMoment).max(100),
  overlap: Share.nullable(),
});

/** After a calibration response: how it compares with the master, criterion by criterion. */
export const CalibrationFeedback = z.object({
  setId: Id,
  submissionId: Id,
  criteria: z
    .array(
      z.object({
        criterionId: Id,
        level: Level.nullable(),
        masterLevel: Level,
        masterRationale: z.string().max(20_000),
        /** Whether the assessor cited the moments the master's level rests on (null: the master cited none). */
        evidence: EvidenceComparison.nullable().default(null),
      }),
    )
    .max(100),
  exactAgreement: Share.nullable(),
  qualification: QualificationStatus,
});
export type CalibrationFeedback = z.infer<typeof CalibrationFeedback>;

/** The assessor's own accuracy on gold items, week by week (weeks start on Monday, UTC). */
export const AccuracyReport = z.object({
  weeks: z
    .array(
      z.object({
        weekStart: z.string().date(),
        criteria: z.number().int().min(0),
        exact: z.number().int().min(0),
        adjacent: z.number().int().min(0),
        /** Criteria of the assessor's live decisions a lead backread that week, and how many the lead overrode. */
        backread: z.number().int().min(0).default(0),
        overridden: z.number().int().min(0).default(0),
      }),
    )
    .max(520),
});
export type AccuracyReport = z.infer<typeof AccuracyReport>;

const ScoredCriterion = z.object({ criterionId: Id, level: Level.nullable(), rationale: z.string().max(20_000) });

/**
 * A submission's evidence item as a lead's reading of comments needs it: what kind it is (an image's
 * or a written response's comment has no page) and its title. Older servers send none (default []).
 */
export const EvidenceRef = z.object({ id: Id, kind: EvidenceKind, title: z.string().max(300) });
export type EvidenceRef = z.infer<typeof EvidenceRef>;
export const EvidenceRefs = z.array(EvidenceRef).max(100).default([]);

export const AdjudicationDecision = z.object({
  assessor: z.object({ id: Id, displayName: z.string().max(200) }),
  outcome: DecisionOutcome,
  scores: z.array(ScoredCriterion).max(100),
  comments: z.array(EvidenceComment).max(2000),
  overallFeedback: z.string().max(50_000),
  decidedAt: Timestamp,
});
export type AdjudicationDecision = z.infer<typeof AdjudicationDecision>;

export const AdjudicationResolutionRequest = z
  .object({ outcome: DecisionOutcome, scores: z.array(z.object({ criterionId: Id, level: Level, rationale: plainText(20_000) }).strict()).max(100), note: plainText(10_000) })
  .strict();
export type AdjudicationResolutionRequest = z.infer<typeof AdjudicationResolutionRequest>;

export const Adjudication = z.object({
  submissionId: Id,
  label: z.string().max(80),
  credentialId: Id,
  rubricVersionId: Id,
  reasons: z.array(z.enum(['outcome_differs', 'scores_differ'])).min(1),
  decisions: z.array(AdjudicationDecision).length(2),
  createdAt: Timestamp,
  resolution: AdjudicationResolutionRequest.extend({ resolvedBy: Id, resolvedAt: Timestamp }).nullable(),
  evidence: EvidenceRefs,
});
export type Adjudication = z.infer<typeof Adjudication>;
export const AdjudicationList = z.object({ adjudications: z.array(Adjudication).max(5000) });
export const AdjudicationReceipt = z.object({ submissionId: Id, resolvedAt: Timestamp });

/**
 * A submission a lead may put in a calibration set, with enough to choose by: where it stands in
 * live scoring and a preview of its evidence (kinds, titles, lengths, the start of a written response).
 */
export const CalibrationCandidate = z.object({
  id: Id,
  label: z.string().max(80),
  credentialId: Id,
  credentialTitle: z.string().max(200),
  attempt: z.number().int().min(1),
  submittedAt: Timestamp,
  /** Unclaimed; claimed by an assessor; decided (at least once); waiting for adjudication. */
  status: z.enum(['unclaimed', 'claimed', 'decided', 'adjudication']),
  evidence: z.array(z.object({ kind: EvidenceKind, title: z.string().max(300), durationMs: z.number().int().min(0).nullable() })).max(100),
  /** The first words of the first written response (null: none). */
  excerpt: z.string().max(300).nullable(),
});
export type CalibrationCandidate = z.infer<typeof CalibrationCandidate>;
export const CandidateList = z.object({ submissions: z.array(CalibrationCandidate).max(500) });
export type CandidateList = z.infer<typeof CandidateList>;

/**
 * Everything the lead dashboard computes from: each score an assessor gave where a reference exists
 * (the master on calibration and gold items) and each double-scored live score.
 */
export const LeadRating = z.object({
  assessorId: Id,
  credentialId: Id,
  submissionId: Id,
  criterionId: Id,
  level: Level,
  masterLevel: Level.nullable(),
  /** Against the master (calibration, gold), another assessor (double), or a lead's backreading (agreed or overridden level). */
  source: z.enum(['calibration', 'gold', 'double', 'backread']),
  /** Against a master who cited evidence for the criterion: how many of those moments the assessor cited too. */
  evidence: z.object({ master: z.number().int().min(0), cited: z.number().int().min(0) }).nullable().default(null),
  at: Timestamp,
});
export type LeadRating = z.infer<typeof LeadRating>;

export const LeadData = z.object({
  generatedAt: Timestamp,
  /** Each micro-credential with its current rubric: the scales the statistics use. */
  credentials: z.array(z.object({ credential: MicroCredential, rubric: RubricVersion })).max(500),
  assessors: z.array(z.object({ id: Id, displayName: z.string().max(200) })).max(10_000),
  rules: z.array(QualityRules).max(500),
  ratings: z.array(LeadRating).max(2_000_000),
  /** Assessors locked out now, and lockouts lifted in the last 30 days. */
  lockouts: z.array(Lockout).max(10_000).default([]),
  /** Where each assessor stands now on each micro-credential that asks for qualification (the ratings count first answers; this, the current attempt). */
  qualifications: z.array(z.object({ accountId: Id, credentialId: Id, status: QualificationStatus.shape.status, attempt: z.number().int().min(1) })).max(100_000).default([]),
});
export type LeadData = z.infer<typeof LeadData>;
