import { CalibrationFeedback } from '../../../../shared/hosted-api/quality';
import { DecisionPayload } from '../../../../shared/domain/decision';
import { citedEvidence } from '../../../../shared/domain/cited-evidence';
import { outboxJob } from '../../hosted/outbox/job';
import { thisMachine } from '../../repositories/audit';
import { calibrationSetOf } from '../../repositories/batches';
import { decisionKind } from '../../repositories/outbox-kinds';
import { saveCalibrationResult } from '../../repositories/quality';

/**
 * An assessor's decision. Calibration work goes to its set as a response, and the acknowledgement
 * brings the comparison with the master, kept for the feedback screen; live work goes to the
 * submission with this machine named (the server keeps it for an appeal).
 */
export const decisionJob = outboxJob({
  kind: decisionKind,
  payload: DecisionPayload,
  send({ submissionId, ...decision }, { db, client, idempotencyKey }) {
    const setId = calibrationSetOf(db, submissionId);
    if (setId) {
      const scores = decision.scores.map(({ criterionId, level, rationale }) => ({ criterionId, level, rationale }));
      const evidence = citedEvidence(decision.comments, scores.map((score) => score.criterionId));
      return client.respondToCalibration(setId, idempotencyKey, { submissionId, scores, evidence, activeMs: decision.activeMs, respondedAt: decision.decidedAt });
    }
    return client.decide(submissionId, idempotencyKey, { ...decision, machine: thisMachine(db) });
  },
  restate: (payload, stated) => ({ ...payload, decidedAt: stated(payload.decidedAt), basedOn: payload.basedOn === null ? null : stated(payload.basedOn) }),
  // The entry's acknowledged state is itself what settles the rest, read by the data layer: the
  // submission shows as synced (repositories/status.ts), undo is refused (outbox.ts), evidence
  // retention counts from it (evidence.ts, claimed-work.ts). Here only what the answer carries.
  acknowledged(db, { entityId, answer, at }) {
    const feedback = CalibrationFeedback.safeParse(answer);
    if (feedback.success) saveCalibrationResult(db, entityId, feedback.data, at);
  },
  // Leaving ends its undo window; settling changes its status.
  shownIn: 'submission',
});
