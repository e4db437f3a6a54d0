import { useTranslation } from 'react-i18next';
import type { EvidenceComment } from '../../../shared/domain/comment';
import type { AdjudicationDecision, EvidenceRef } from '../../../shared/hosted-api/quality';
import { anchorLabel } from '../comments/anchor';

/** One assessor's timestamped comments and overall feedback; a timed comment seeks the evidence beside. */
export function ReadingNotes({ reading, evidence, onSelectComment }: { reading: AdjudicationDecision; evidence: readonly EvidenceRef[]; onSelectComment?: (comment: EvidenceComment) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const kinds = new Map(evidence.map((item) => [item.id, item.kind]));
  // Where each comment is, as its evidence item has places: a moment, a page, or (an image, a response) no page.
  const anchorOf = (comment: EvidenceComment): string => anchorLabel(comment, t, kinds.get(comment.evidenceId));
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
