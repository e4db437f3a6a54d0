import { forwardRef, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../../shared/domain/rubric';
import type { PreviousAttempt } from '../../../shared/domain/submission';
import { useBankTarget } from '../feedback/bank-targets';

interface Props {
  criterion: Criterion;
  passingLevel: number;
  level: number | null;
  rationale: string;
  previous: { attempt: PreviousAttempt; level: number; feedback: string } | null;
  active: boolean;
  readOnly: boolean;
  onActivate: () => void;
  onScore: (level: number) => void;
  onRationale: (text: string) => void;
}

/** One criterion: its levels as a radio group (named by the criterion's title), a rationale, and attempt 1's result. */
export const CriterionCard = forwardRef<HTMLDivElement, Props>(function CriterionCard(
  { criterion, passingLevel, level, rationale, previous, active, readOnly, onActivate, onScore, onRationale },
  ref,
) {
  const { t } = useTranslation();
  const id = useId();
  const bankTarget = useBankTarget((snippet) => onRationale(rationale ? `${rationale}\n${snippet}` : snippet));
  const below = level !== null && level < passingLevel;
  const previousLabel = previous ? (criterion.levels.find((candidate) => candidate.level === previous.level)?.label ?? '') : '';
  return (
    <div className={`criterion${active ? ' active' : ''}${below ? ' below-passing' : ''}`} onFocusCapture={onActivate} onPointerDown={onActivate}>
      <div ref={ref} role="radiogroup" aria-labelledby={`${id}-title`} aria-describedby={`${id}-description`} tabIndex={-1} className="criterion-levels">
        <h5 id={`${id}-title`}>{criterion.title}</h5>
        <p id={`${id}-description`} className="criterion-description">
          {criterion.description} · {t('rubric.passingLevel', { level: passingLevel })}
        </p>
        {criterion.levels.map((option) => (
          <label key={option.level} className={`score-level${option.level === level ? ' chosen' : ''}`}>
            <input
              type="radio"
              name={`${id}-level`}
              value={option.level}
              checked={option.level === level}
              disabled={readOnly}
              onChange={() => onScore(option.level)}
            />
            <span className="score-level-label">{t('rubric.level', { level: option.level, label: option.label })}</span>
            <span className="score-level-descriptor">{option.descriptor}</span>
          </label>
        ))}
      </div>
      <label className="rationale">
        <span>{t('rubric.rationale')}</span>
        <textarea value={rationale} rows={2} readOnly={readOnly} onFocus={bankTarget.onFocus} onChange={(event) => onRationale(event.target.value)} />
      </label>
      {previous && (
        <aside className="previous-attempt" aria-label={t('rubric.previousLabel', { attempt: previous.attempt.attempt })}>
          <p>{t('rubric.previous', { attempt: previous.attempt.attempt, level: previous.level, label: previousLabel })}</p>
          {previous.feedback && <p>{t('rubric.previousFeedback', { feedback: previous.feedback })}</p>}
        </aside>
      )}
    </div>
  );
});
