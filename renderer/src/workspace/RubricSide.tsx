import { useTranslation } from 'react-i18next';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import type { ConditionCode } from '../../../shared/domain/comment';
import type { DecisionOutcome } from '../../../shared/domain/submission';
import { DecisionBar } from '../decision/DecisionBar';
import { FeedbackComposer } from '../feedback/FeedbackComposer';
import { CalibrationResult } from '../quality/CalibrationResult';
import type { ChecklistHandle } from '../rubric/Checklist';
import { RubricPane } from '../rubric/RubricPane';
import type { RubricFocus } from './use-rubric-focus';

interface Props {
  submission: SubmissionDetail;
  readOnly: boolean;
  focus: RubricFocus;
  checklistRef: React.Ref<ChecklistHandle>;
  overallFeedbackRef: React.Ref<HTMLTextAreaElement>;
  busy: boolean;
  /** Award or Not yet was chosen with the overall feedback empty (the bar asks once). */
  feedbackQuestion: 'award' | 'not_yet' | null;
  flagOpen: boolean;
  onFlagOpenChange: (open: boolean) => void;
  onScore: (criterionId: string, level: number) => void;
  onRationale: (criterionId: string, text: string) => void;
  onFeedback: (componentId: string | null, body: string) => void;
  onCite: (criterionId: string) => void;
  onDecide: (outcome: DecisionOutcome, conditionCode: ConditionCode | null, note: string) => void;
  onShowChecklist: () => void;
  onWriteOverallFeedback: () => void;
}

/** Beside the evidence: the rubric, the feedback to the candidate (a master scores without it), and the decision. */
export function RubricSide({ submission, readOnly, focus, checklistRef, overallFeedbackRef, busy, feedbackQuestion, flagOpen, onFlagOpenChange, onScore, onRationale, onFeedback, onCite, onDecide, onShowChecklist, onWriteOverallFeedback }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const master = submission.mode === 'master';
  return (
    <div className="rubric-side">
      <div className="rubric-scroll">
        <CalibrationResult submission={submission} />
        <RubricPane
          submission={submission}
          activeIndex={focus.activeIndex}
          focusRequest={focus.focusRequest}
          readOnly={readOnly}
          onActivate={focus.activate}
          onScore={onScore}
          onRationale={onRationale}
          onJumpTo={focus.jumpTo}
          onCite={onCite}
          checklistRef={checklistRef}
        />
        {master ? <p className="hint master-hint">{t('master.hint')}</p> : <FeedbackComposer submission={submission} readOnly={readOnly} overallRef={overallFeedbackRef} onFeedback={onFeedback} />}
      </div>
      {!readOnly && !master && <DecisionBar submission={submission} busy={busy} feedbackQuestion={feedbackQuestion} flagOpen={flagOpen} onFlagOpenChange={onFlagOpenChange} onSubmit={onDecide} onShowChecklist={onShowChecklist} onWriteOverallFeedback={onWriteOverallFeedback} />}
    </div>
  );
}
