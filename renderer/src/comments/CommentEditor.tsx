import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentTag, CommentVisibility, EvidenceComment } from '../../../shared/domain/comment';
import type { Criterion } from '../../../shared/domain/rubric';
import { useBankTarget } from '../feedback/bank-targets';
import { anchorLabel } from './anchor';

interface Props {
  comment: EvidenceComment;
  evidenceTitle: string;
  criteria: Criterion[];
  onChange: (comment: EvidenceComment) => void;
  onDone: () => void;
  onDelete: () => void;
}

const tags: CommentTag[] = ['strength', 'growth_area', 'note'];
const visibilities: CommentVisibility[] = ['candidate', 'internal'];

/** Edits one comment; every change is saved as it is made (the comment exists from the moment it is opened). */
export function CommentEditor({ comment, evidenceTitle, criteria, onChange, onDone, onDelete }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const bankTarget = useBankTarget((snippet) => onChange({ ...comment, body: comment.body ? `${comment.body}\n${snippet}` : snippet }));
  return (
    <form
      className="comment-editor"
      aria-label={t('comments.editorLabel', { anchor: anchorLabel(comment, t) })}
      onSubmit={(event) => {
        event.preventDefault();
        onDone();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onDone();
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          onDone();
        }
      }}
    >
      <p className="comment-editor-anchor">
        {evidenceTitle} · <strong>{anchorLabel(comment, t)}</strong>
        {comment.quote && <q>{comment.quote}</q>}
      </p>
      <label htmlFor={`${id}-body`}>{t('comments.body')}</label>
      <textarea
        id={`${id}-body`}
        value={comment.body}
        rows={3}
        autoFocus
        onFocus={bankTarget.onFocus}
        onChange={(event) => onChange({ ...comment, body: event.target.value })}
      />
      <fieldset className="inline-choices">
        <legend>{t('comments.tag')}</legend>
        {tags.map((tag) => (
          <label key={tag}>
            <input type="radio" name={`${id}-tag`} checked={comment.tag === tag} onChange={() => onChange({ ...comment, tag })} /> {t(`comments.tags.${tag}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="inline-choices">
        <legend>{t('comments.visibility')}</legend>
        {visibilities.map((visibility) => (
          <label key={visibility}>
            <input type="radio" name={`${id}-visibility`} checked={comment.visibility === visibility} onChange={() => onChange({ ...comment, visibility })} />{' '}
            {t(`comments.visibilities.${visibility}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="criteria-links">
        <legend>{t('comments.criteria')}</legend>
        {criteria.map((criterion) => (
          <label key={criterion.id}>
            <input
              type="checkbox"
              checked={comment.criterionIds.includes(criterion.id)}
              onChange={(event) =>
                onChange({
                  ...comment,
                  criterionIds: event.target.checked ? [...comment.criterionIds, criterion.id] : comment.criterionIds.filter((candidate) => candidate !== criterion.id),
                })
              }
            />{' '}
            {criterion.title}
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="submit">{t('comments.done')}</button>
        <button type="button" onClick={onDelete}>
          {t('comments.delete')}
        </button>
      </div>
    </form>
  );
}
