import { DialogClose, ModalDialog } from '../dialog/ModalDialog';
import { useTranslation } from 'react-i18next';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import { composeCandidateFeedback } from '../../../shared/domain/candidate-feedback';
import { levelsOf } from '../../../shared/domain/decision-rules';

/** Exactly what the candidate will receive: no internal comments, no rationales. */
export function CandidatePreview({ submission }: { submission: SubmissionDetail }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <ModalDialog
      title={t('preview.title')}
      description={t('preview.description')}
      className="candidate-preview"
      trigger={<button type="button">{t('preview.open')}</button>}
    >
      <PreviewBody submission={submission} />
      <DialogClose asChild>
        <button type="button">{t('common.close')}</button>
      </DialogClose>
    </ModalDialog>
  );
}

function PreviewBody({ submission }: { submission: SubmissionDetail }): React.JSX.Element {
  const { t } = useTranslation();
  const feedback = composeCandidateFeedback({
    rubric: submission.rubric,
    scores: levelsOf(submission),
    overallFeedback: submission.draft.overallFeedback,
    componentFeedback: submission.draft.componentFeedback,
    comments: submission.comments,
    evidenceTitles: Object.fromEntries(submission.evidence.map((item) => [item.id, item.title])),
    words: { at: t('preview.at'), page: t('preview.page'), markedArea: t('preview.markedArea') },
  });
  return (
    <article className="preview-body">
      <h3>{submission.credential.title}</h3>
      {feedback.overall && <p className="preview-overall">{feedback.overall}</p>}
      {feedback.components.map((component) => (
        <section key={component.componentId}>
          <h4>{component.title}</h4>
          {component.feedback && <p>{component.feedback}</p>}
          <ul>
            {component.criteria.map((criterion) => (
              <li key={criterion.criterionId}>
                <strong>{criterion.title}</strong>: {criterion.levelLabel ?? t('preview.unscored')}
                {criterion.notes.length > 0 && (
                  <ul>
                    {criterion.notes.map((note, index) => (
                      <li key={index}>{note}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {feedback.generalNotes.length > 0 && (
        <section>
          <h4>{t('preview.general')}</h4>
          <ul>
            {feedback.generalNotes.map((note, index) => (
              <li key={index}>{note}</li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
