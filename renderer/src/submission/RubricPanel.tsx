import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import { evaluatePassRule, passingLevelOf } from '../../../shared/domain/pass-rule';
import type { Criterion } from '../../../shared/domain/rubric';
import { useClient } from '../client-context';
import { describeError } from '../errors';
import { formatTime } from '../format';

type SaveState = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: string } | { state: 'failed'; message: string };

/** The rubric with each criterion as a radio group; the pass rule is evaluated as scores change. */
export function RubricPanel({ submission, onChange }: { submission: SubmissionDetail; onChange: (detail: SubmissionDetail) => void }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const scores = Object.fromEntries(submission.draft.scores.map((score) => [score.criterionId, score.level]));
  const verdict = evaluatePassRule(submission.rubric, scores);
  const previous = submission.previousAttempts.at(-1);

  const choose = async (criterion: Criterion, level: number): Promise<void> => {
    setSave({ state: 'saving' });
    const result = await client.invoke('draft.setScore', { submissionId: submission.submissionId, criterionId: criterion.id, level });
    if (!result.ok) {
      setSave({ state: 'failed', message: describeError(result.error, t) });
      return;
    }
    // Shown as saved only after core acknowledged a durable write.
    setSave({ state: 'saved', at: result.value.savedAt });
    const others = submission.draft.scores.filter((score) => score.criterionId !== criterion.id);
    const current = submission.draft.scores.find((score) => score.criterionId === criterion.id);
    onChange({
      ...submission,
      status: result.value.status,
      draft: {
        updatedAt: result.value.savedAt,
        scores: [...others, { criterionId: criterion.id, level, rationale: current?.rationale ?? '', updatedAt: result.value.savedAt }],
      },
    });
  };

  return (
    <section className="rubric-panel" aria-labelledby="rubric-heading">
      <header className="rubric-header">
        <h3 id="rubric-heading">{t('submission.rubric')}</h3>
        <p className={`verdict verdict-${verdict.outcome}`} aria-live="polite">
          {t(`rubric.outcome.${verdict.outcome}`, { scored: verdict.scoredCount, total: verdict.criteriaCount })}
        </p>
        <p className="save-state" aria-live="polite">
          {save.state === 'saving' && t('rubric.saving')}
          {save.state === 'saved' && t('rubric.saved', { time: formatTime(save.at, i18n.language) })}
          {save.state === 'failed' && <span role="alert">{t('rubric.saveFailed', { message: save.message })}</span>}
        </p>
      </header>
      {submission.rubric.components.map((component) => (
        <section key={component.id} className="rubric-component" aria-labelledby={`component-${component.id}`}>
          <h4 id={`component-${component.id}`}>{component.title}</h4>
          {component.criteria.map((criterion) => {
            const earlier = previous?.scores.find((score) => score.criterionId === criterion.id);
            const earlierLabel = criterion.levels.find((level) => level.level === earlier?.level)?.label ?? '';
            return (
              <div key={criterion.id} className="criterion">
                <div role="radiogroup" aria-labelledby={`criterion-${criterion.id}`} aria-describedby={`criterion-desc-${criterion.id}`}>
                  <h5 id={`criterion-${criterion.id}`}>{criterion.title}</h5>
                  <p id={`criterion-desc-${criterion.id}`} className="criterion-description">
                    {criterion.description} · {t('rubric.passingLevel', { level: passingLevelOf(submission.rubric, criterion) })}
                  </p>
                  {criterion.levels.map((level) => (
                    <label key={level.level} className="score-level">
                      <input
                        type="radio"
                        name={`score-${criterion.id}`}
                        value={level.level}
                        checked={scores[criterion.id] === level.level}
                        onChange={() => void choose(criterion, level.level)}
                      />
                      <span className="score-level-label">{t('rubric.level', { level: level.level, label: level.label })}</span>
                      <span className="score-level-descriptor">{level.descriptor}</span>
                    </label>
                  ))}
                </div>
                {previous && earlier && (
                  <aside className="previous-attempt">
                    <p>{t('rubric.previous', { attempt: previous.attempt, level: earlier.level, label: earlierLabel })}</p>
                    <p>{t('rubric.previousFeedback', { feedback: earlier.feedback })}</p>
                  </aside>
                )}
              </div>
            );
          })}
        </section>
      ))}
    </section>
  );
}
