import { forwardRef, memo, useId, useRef, useState } from 'react';
import { textLimits } from '../../../shared/domain/text-limits';
import { withoutHiddenControls } from '../../../shared/domain/text';
import { Hint } from '../ui/Hint';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../../shared/domain/rubric';
import type { PreviousAttempt, PreviousCriterionScore } from '../../../shared/domain/submission';
import { useBankTarget } from '../feedback/bank-targets';

interface Props {
  criterion: Criterion;
  /** Its place among all the rubric's criteria (what `onActivate` is told). */
  position: number;
  passingLevel: number;
  level: number | null;
  rationale: string;
  /** The last attempt and this criterion's score in it, when the submission is a resubmission. */
  previousAttempt: PreviousAttempt | null;
  previousScore: PreviousCriterionScore | null;
  active: boolean;
  readOnly: boolean;
  // Handlers that keep their identity (the card is memoized), told which criterion.
  onActivate: (position: number) => void;
  onScore: (criterionId: string, level: number) => void;
  onRationale: (criterionId: string, text: string) => void;
}

/**
 * One criterion as a row of level cells (the grid assessors know), named by its title. The focused
 * criterion shows its description and every level's descriptor in full; the others show them on
 * hover. The rationale stays one line until it is used.
 */
export const CriterionCard = memo(forwardRef<HTMLDivElement, Props>(function CriterionCard(
  { criterion, position, passingLevel, level, rationale, previousAttempt, previousScore, active, readOnly, onActivate, onScore, onRationale },
  ref,
) {
  const { t } = useTranslation();
  const previous = previousAttempt && previousScore ? { attempt: previousAttempt, level: previousScore.level, feedback: previousScore.feedback } : null;
  const activate = (): void => onActivate(position);
  const writeRationale = (text: string): void => onRationale(criterion.id, text);
  const id = useId();
  const [writing, setWriting] = useState(false);
  // A criterion comes into focus by keyboard at once, by pointer only once the click is done: opening
  // it moves the rows around, and must not move the cell being clicked from under the pointer.
  const pointing = useRef(false);
  const bankTarget = useBankTarget(rationale, writeRationale);
  const below = level !== null && level < passingLevel;
  const previousLabel = previous ? (criterion.levels.find((candidate) => candidate.level === previous.level)?.label ?? '') : '';
  // The rationale is written for the criterion in focus; another shows it only once it has one.
  const rationaleShown = active || writing || rationale !== '';
  return (
    <div
      className={`criterion${active ? ' active' : ''}${below ? ' below-passing' : ''}`}
      data-criterion-id={criterion.id}
      onPointerDown={() => (pointing.current = true)}
      onFocusCapture={() => !pointing.current && activate()}
      onClick={() => {
        pointing.current = false;
        activate();
      }}
    >
      <div ref={ref} role="radiogroup" aria-labelledby={`${id}-title`} aria-describedby={`${id}-description`} tabIndex={-1} className="criterion-levels">
        <span id={`${id}-title`} className="criterion-title" data-content>
          {criterion.title}
        </span>
        <span className="level-cells">
          {criterion.levels.map((option) => (
            <Hint key={option.level} text={`${option.label}: ${option.descriptor}`} content>
              <label data-content className={`level-cell${option.level === level ? ' chosen' : ''}${option.level < passingLevel ? ' below' : ''}`}>
                <input type="radio" name={`${id}-level`} value={option.level} checked={option.level === level} disabled={readOnly} onChange={() => onScore(criterion.id, option.level)} />
                <span aria-hidden="true">{option.level}</span>
                <span className="visually-hidden">{t('rubric.level', { level: option.level, label: option.label })}</span>
              </label>
            </Hint>
          ))}
        </span>
        <span id={`${id}-description`} className={active ? 'criterion-description' : 'visually-hidden'}>
          <span data-content>{criterion.description}</span> · {t('rubric.passingLevel', { level: passingLevel })}
        </span>
      </div>
      {active && (
        <ol className="descriptors">
          {criterion.levels.map((option) => (
            <li key={option.level} data-content className={option.level === level ? 'chosen' : undefined}>
              <strong>{t('rubric.level', { level: option.level, label: option.label })}</strong> {option.descriptor}
            </li>
          ))}
        </ol>
      )}
      {rationaleShown && (
      <label className={`rationale${active || writing ? ' open' : ''}`}>
        <span className="visually-hidden">{t('rubric.rationale')}</span>
        <textarea
          value={rationale}
          maxLength={textLimits.rationale}
          rows={active || writing ? 2 : 1}
          readOnly={readOnly}
          placeholder={t('rubric.rationale')}
          onFocus={(event) => {
            setWriting(true);
            bankTarget.onFocus(event);
          }}
          onBlur={() => setWriting(false)}
          onChange={(event) => writeRationale(withoutHiddenControls(event.target.value))}
        />
      </label>
      )}
      {previous && (
        <aside className="previous-attempt" aria-label={t('rubric.previousLabel', { attempt: previous.attempt.attempt })}>
          <p>{t('rubric.previous', { attempt: previous.attempt.attempt, level: previous.level, label: previousLabel })}</p>
          {previous.feedback && (
            <p className="previous-feedback" title={previous.feedback}>
              {t('rubric.previousFeedback', { feedback: previous.feedback })}
            </p>
          )}
        </aside>
      )}
    </div>
  );
}));
