import { useImperativeHandle, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { revealInPane } from '../ui/keep-in-view';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import { checklistOf } from '../../../shared/domain/decision-rules';
import type { Criterion } from '../../../shared/domain/rubric';

/** What the decision asks of the checklist: its first open item in view and focused (a refused "Not yet" asks for it). */
export interface ChecklistHandle {
  showFirstOpen: () => void;
}

interface Props {
  ref?: React.Ref<ChecklistHandle>;
  submission: SubmissionDetail;
  criteria: Criterion[];
  readOnly: boolean;
  onJumpTo: (index: number) => void;
  onCite: (criterionId: string) => void;
}

/** The "not yet" checklist: each criterion below passing, and whether a comment cites evidence for it. */
export function Checklist({ ref, submission, criteria, readOnly, onJumpTo, onCite }: Props): React.JSX.Element | null {
  const { t } = useTranslation();
  const section = useRef<HTMLElement>(null);
  const firstOpen = useRef<HTMLButtonElement>(null);
  const checklist = checklistOf(submission);
  const firstOpenId = checklist.find((item) => !item.satisfied)?.criterionId;
  useImperativeHandle(ref, () => ({
    showFirstOpen: () => {
      const target = firstOpen.current ?? section.current;
      if (!target) return;
      target.focus({ preventScroll: true });
      revealInPane(target); // below the rubric's sticky header, not under it
    },
  }));
  if (checklist.length === 0) return null;
  return (
    <section ref={section} className="checklist" aria-labelledby="checklist-heading">
      <h4 id="checklist-heading" title={t('checklist.explanation')}>
        {t('checklist.title')}
      </h4>
      <p className="visually-hidden">{t('checklist.explanation')}</p>
      <ul>
        {checklist.map((item) => {
          const position = criteria.findIndex((criterion) => criterion.id === item.criterionId);
          const title = criteria[position]?.title ?? '';
          return (
            <li key={item.criterionId} className={item.satisfied ? 'done' : 'todo'}>
              <span aria-hidden="true">{item.satisfied ? '✓' : '○'}</span>{' '}
              <button ref={item.criterionId === firstOpenId ? firstOpen : undefined} type="button" className="link" onClick={() => onJumpTo(Math.max(0, position))}>
                {t(item.satisfied ? 'checklist.cited' : 'checklist.uncited', { criterion: title })}
              </button>
              {!item.satisfied && !readOnly && (
                <button type="button" className="small" onClick={() => onCite(item.criterionId)}>
                  {t('checklist.cite')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
