import { useRef, useState } from 'react';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import type { ConditionCode } from '../../../shared/domain/comment';
import { blockersFor, needsOverallFeedback } from '../../../shared/domain/decision-rules';
import type { DecisionOutcome } from '../../../shared/domain/submission';
import { useContractMutation } from '../data/contract-mutation';
import { describeFailure } from '../errors';
import { saver } from '../save/debounced-saver';
import { together, words } from '../words';
import type { Words } from '../words';
import { explainBlockers } from './DecisionBar';
import { submitDecision } from './mutations';

/** A decision core recorded, and the submission it made the open one (null: the batch is done). */
export interface Decided {
  submissionId: string;
  label: string;
  nextSubmissionId: string | null;
}

interface Options {
  submission: SubmissionDetail | null;
  onDecided: (decided: Decided) => void;
  onProblem: (problem: Words) => void;
  /** Why the decision cannot go yet: true of the work as it is now (said until the work changes). */
  onBlocked: (why: Words) => void;
  /** A "not yet" without cited evidence: the checklist says what is missing. */
  onShowChecklist: () => void;
  /** Award or Not yet with no overall feedback: the field, to write it (asked once per submission). */
  onWriteOverallFeedback: () => void;
}

export interface Decision {
  /** While the edits waiting for their debounce, then the decision, are on their way. */
  busy: boolean;
  send: (outcome: DecisionOutcome, conditionCode: ConditionCode | null, note: string) => Promise<void>;
  /** A decision key: sent when nothing blocks it, else why not is said; false when there is nothing to decide. */
  decideByKey: (outcome: 'award' | 'not_yet') => boolean;
  /** The outcome chosen with the overall feedback empty, while it still is: the decision bar asks about it. */
  feedbackQuestion: 'award' | 'not_yet' | null;
}

/**
 * Deciding the open submission: what the assessor typed is saved first, then the decision goes.
 * Award or Not yet with no overall feedback asks once (the field comes into view); the same choice
 * again sends it without.
 */
export function useDecision({ submission, onDecided, onProblem, onBlocked, onShowChecklist, onWriteOverallFeedback }: Options): Decision {
  const { mutateAsync: submit } = useContractMutation(submitDecision);
  const [busy, setBusy] = useState(false);
  /** The submission whose assessor was told its overall feedback is empty, and for which outcome: the same outcome again sends. */
  const [asked, setAsked] = useState<{ submissionId: string; outcome: 'award' | 'not_yet' } | null>(null);
  /** A decision on its way: another (a second press, a second key) waits for its answer, never goes too. */
  const inFlight = useRef(false);

  const send = async (outcome: DecisionOutcome, conditionCode: ConditionCode | null, note: string): Promise<void> => {
    if (!submission || inFlight.current) return;
    const { submissionId, label } = submission;
    if (outcome !== 'flag' && needsOverallFeedback(submission) && asked?.submissionId !== submissionId) {
      setAsked({ submissionId, outcome });
      onWriteOverallFeedback();
      return;
    }
    inFlight.current = true;
    setBusy(true);
    try {
      await saver.flush();
      await submit({ submissionId, outcome, conditionCode, note }).then(
        ({ nextSubmissionId }) => {
          setAsked(null); // decided: undone later, an empty feedback is asked about again
          onDecided({ submissionId, label, nextSubmissionId });
        },
        (error: unknown) => onProblem((t) => describeFailure(error, t)),
      );
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  const decideByKey = (outcome: 'award' | 'not_yet'): boolean => {
    if (!submission) return false;
    if (inFlight.current) return true; // the decision already on its way answers for this press
    const blockers = blockersFor(submission, outcome);
    if (blockers.length === 0) void send(outcome, null, '');
    else {
      onBlocked(together(words(outcome === 'award' ? 'decision.awardBlocked' : 'decision.notYetBlocked'), (t) => explainBlockers(blockers, t)));
      if (blockers.some((blocker) => blocker.kind === 'uncited')) onShowChecklist();
    }
    return true;
  };

  const feedbackQuestion = submission && asked?.submissionId === submission.submissionId && needsOverallFeedback(submission) ? asked.outcome : null;
  return { busy, send, decideByKey, feedbackQuestion };
}
