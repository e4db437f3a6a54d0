import { useTranslation } from 'react-i18next';
import type { EvidenceComment } from '../../../shared/domain/comment';
import type { AdjudicationDecision } from '../../../shared/hosted-api/quality';
import { formatMediaTime } from '../../../shared/format/media-time';

/** One assessor's timestamped comments and overall feedback; a timed comment seeks the evidence beside. */
export function ReadingNotes({ reading, onSelectComment }: { reading: AdjudicationDecision; onSelectComment?: (comment: EvidenceComment) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const anchorOf = (comment: EvidenceComment): string =>
    comment.startMs !== null ? `${formatMediaTime(comment.startMs)}${comment.endMs !== null ? `–${formatMediaTime(comment.endMs)}` : ''}` : comment.page !== null ? t('adjudication.page', { page: comment.page }) : '';
  return (
    <section aria-label={reading.assessor.displayName} className="reading">
      <h4>{reading.assessor.displayName}</h4>
      {reading.comments.length === 0 ? (
        <p className="hint">{t('adjudication.noComments')}</p>
      ) : (
        <ul className="reading-comments" aria-label={t('adjudication.comments')}>
          {reading.comments.map((comment) => (
            <li key={comment.id}>
              {onSelectComment && anchorOf(comment) !== '' ? (
                <button type="button" className="link" onClick={() => onSelectComment(comment)}>
                  {anchorOf(comment)}
                </button>
              ) : (
                anchorOf(comment)
              )}
              {anchorOf(comment) !== '' ? ' · ' : ''}
              {comment.body}
            </li>
          ))}
        </ul>
      )}
      {reading.overallFeedback && <p className="reading-feedback">{reading.overallFeedback}</p>}
    </section>
  );
}
