import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../errors';
import { formatDateTime } from '../format';
import { EvidencePanel } from './EvidencePanel';
import { RubricPanel } from './RubricPanel';
import { useSubmission } from './use-submission';

/** One open submission: evidence on the left, rubric on the right. */
export function SubmissionPane({ submissionId }: { submissionId: string }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [detail, replace] = useSubmission(submissionId);

  useEffect(() => {
    if (detail.state !== 'ready') return;
    // Lets the bench and tests measure "open → rubric and evidence painted" in the page itself.
    requestAnimationFrame(() => performance.mark('submission-painted', { detail: submissionId }));
  }, [detail, submissionId]);

  if (detail.state === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (detail.state === 'error') return <p role="alert">{t('submission.notFound', { message: describeError(detail.error, t) })}</p>;
  const submission = detail.value;
  return (
    <article className="submission" aria-labelledby="submission-title">
      <header className="submission-header">
        <h2 id="submission-title">
          {submission.label} · {submission.credential.title}
        </h2>
        <p>
          <span className="chip">{t('submission.attempt', { attempt: submission.attempt })}</span>
          {submission.attempt > 1 && <span className="chip chip-resubmission">{t('submission.resubmission')}</span>}
          <span className={`status status-${submission.status}`}>{t(`status.${submission.status}`)}</span>
          <span>{t('submission.due', { date: formatDateTime(submission.dueAt, i18n.language) })}</span>
        </p>
      </header>
      <div className="submission-split">
        <EvidencePanel evidence={submission.evidence} />
        <RubricPanel submission={submission} onChange={replace} />
      </div>
    </article>
  );
}
