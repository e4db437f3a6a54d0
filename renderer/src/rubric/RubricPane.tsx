import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import { levelsOf } from '../../../shared/domain/decision-rules';
import { evaluatePassRule, passingLevelOf } from '../../../shared/domain/pass-rule';
import { allCriteria } from '../../../shared/domain/rubric';
import { Checklist } from './Checklist';
import type { ChecklistHandle } from './Checklist';
import { CriterionCard } from './CriterionCard';
import { useStableCallback } from '../ui/use-stable-callback';

interface Props {
  submission: SubmissionDetail;
  activeIndex: number;
  /** Bumped when the keyboard moves between criteria, so focus follows. */
  focusRequest: number;
  readOnly: boolean;
  onActivate: (index: number) => void;
  onScore: (criterionId: string, level: number) => void;
  onRationale: (criterionId: string, text: string) => void;
  /** Focus the criterion at this position. */
  onJumpTo: (index: number) => void;
  /** Start a comment to the candidate about this criterion, at the current moment or page. */
  onCite: (criterionId: string) => void;
  checklistRef?: React.Ref<ChecklistHandle>;
}

/** The rubric: criteria by component, the pass rule's live verdict, and the not-yet checklist. */
export function RubricPane({ submission, activeIndex, focusRequest, readOnly, onActivate, onScore, onRationale, onJumpTo, onCite, checklistRef }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const cards = useRef<(HTMLDivElement | null)[]>([]);
  const verdict = evaluatePassRule(submission.rubric, levelsOf(submission));
  const criteria = allCriteria(submission.rubric);
  const previous = submission.previousAttempts.at(-1) ?? null;
  const positionOf = new Map(criteria.map((criterion, position) => [criterion.id, position]));
  // Cards are memoized: each is given handlers that never change, and renders again only when its
  // own criterion, level, rationale or focus does (every card on every keystroke was most of the
  // renderer's work while scoring).
  const activate = useStableCallback(onActivate);
  const setLevel = useStableCallback(onScore);
  const writeRationale = useStableCallback(onRationale);
  const cardRefs = useMemo(
    () =>
      Array.from({ length: criteria.length }, (_, position) => (element: HTMLDivElement | null) => {
        cards.current[position] = element;
      }),
    [criteria.length],
  );

  useEffect(() => {
    if (focusRequest > 0) cards.current[activeIndex]?.focus();
  }, [focusRequest, activeIndex]);

  return (
    <section className="rubric-pane" aria-labelledby="rubric-heading">
      <header className="rubric-header" data-sticky-header>
        <h3 id="rubric-heading">{t('submission.rubric')}</h3>
        <p className={`verdict verdict-${verdict.outcome}`} aria-live="polite">
          {t(`rubric.outcome.${verdict.outcome}`, { scored: verdict.scoredCount, total: verdict.criteriaCount })}
        </p>
      </header>
      <Checklist ref={checklistRef} submission={submission} criteria={criteria} readOnly={readOnly} onJumpTo={onJumpTo} onCite={onCite} />
      {submission.rubric.components.map((component) => (
        <section key={component.id} className="rubric-component" aria-labelledby={`component-${component.id}`}>
          <h4 id={`component-${component.id}`} data-content>
            {component.title}
          </h4>
          {component.criteria.map((criterion) => {
            const position = positionOf.get(criterion.id) ?? 0;
            const score = submission.draft.scores.find((candidate) => candidate.criterionId === criterion.id);
            const earlier = previous?.scores.find((candidate) => candidate.criterionId === criterion.id);
            return (
              <CriterionCard
                key={criterion.id}
                ref={cardRefs[position]}
                criterion={criterion}
                position={position}
                passingLevel={passingLevelOf(submission.rubric, criterion)}
                level={score?.level ?? null}
                rationale={score?.rationale ?? ''}
                previousAttempt={earlier ? previous : null}
                previousScore={earlier ?? null}
                active={position === activeIndex}
                readOnly={readOnly}
                onActivate={activate}
                onScore={setLevel}
                onRationale={writeRationale}
              />
            );
          })}
        </section>
      ))}
    </section>
  );
}
