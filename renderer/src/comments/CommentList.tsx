import { useRef } from 'react';
import { useKeepCurrentInView } from '../ui/keep-in-view';
import { useTranslation } from 'react-i18next';
import type { EvidenceComment } from '../../../shared/domain/comment';
import type { Criterion } from '../../../shared/domain/rubric';
import type { EvidenceSummary } from '../../../shared/domain/submission';
import { anchorLabel, anchorPhrase } from './anchor';
import { CommentEditor } from './CommentEditor';

interface Props {
  comments: EvidenceComment[];
  evidence: EvidenceSummary[];
  criteria: Criterion[];
  editingId: string | null;
  /** The comment playback is at (highlighted, and kept in view as playback moves on). */
  currentId: string | null;
  readOnly: boolean;
  /** Whether the evidence shown is a recording: the empty list's hint speaks of that item, not of the submission. */
  showingRecording: boolean;
  onSelect: (comment: EvidenceComment) => void;
  onEdit: (commentId: string | null) => void;
  onChange: (comment: EvidenceComment) => void;
  onDelete: (commentId: string) => void;
}

/** Every comment on the submission, in evidence order and then by time; selecting one seeks there. */
export function CommentList({ comments, evidence, criteria, editingId, currentId, readOnly, showingRecording, onSelect, onEdit, onChange, onDelete }: Props): React.JSX.Element {
  const feed = useRef<HTMLElement>(null);
  useKeepCurrentInView(feed, currentId); // the comment playback reached
  const { t } = useTranslation();
  const order = new Map(evidence.map((item, index) => [item.id, index]));
  const titles = new Map(evidence.map((item) => [item.id, item.title]));
  const kinds = new Map(evidence.map((item) => [item.id, item.kind]));
  const criterionTitles = new Map(criteria.map((criterion) => [criterion.id, criterion.title]));
  const sorted = [...comments].sort(
    (a, b) => (order.get(a.evidenceId) ?? 0) - (order.get(b.evidenceId) ?? 0) || (a.startMs ?? a.page ?? 0) - (b.startMs ?? b.page ?? 0),
  );
  return (
    <section ref={feed} className="comment-list" role="region" aria-label={t('comments.region')}>
      <h3>{t('comments.title', { count: comments.length })}</h3>
      {sorted.length === 0 && <p className="hint">{t(showingRecording ? 'comments.empty' : 'comments.emptyUntimed')}</p>}
      <ol>
        {sorted.map((comment) =>
          comment.id === editingId && !readOnly ? (
            <li key={comment.id}>
              <CommentEditor
                comment={comment}
                evidenceTitle={titles.get(comment.evidenceId) ?? ''}
                evidenceKind={kinds.get(comment.evidenceId)}
                criteria={criteria}
                onChange={onChange}
                onDone={() => onEdit(null)}
                onDelete={() => onDelete(comment.id)}
              />
            </li>
          ) : (
            <li key={comment.id} className={`comment tag-${comment.tag}${comment.id === currentId ? ' current' : ''}`} aria-current={comment.id === currentId ? 'true' : undefined}>
              <button type="button" className="comment-anchor" onClick={() => onSelect(comment)} aria-label={t('comments.goTo', { anchor: anchorLabel(comment, t, kinds.get(comment.evidenceId)), title: titles.get(comment.evidenceId) ?? '' })}>
                {anchorLabel(comment, t, kinds.get(comment.evidenceId))}
              </button>
              <span className="chip">{t(`comments.tags.${comment.tag}`)}</span>
              {comment.visibility === 'internal' && <span className="chip chip-internal">{t('comments.visibilities.internal')}</span>}
              <span className="comment-evidence">{titles.get(comment.evidenceId)}</span>
              {comment.quote && <q className="comment-quote">{comment.quote}</q>}
              <p className="comment-body">{comment.body || <em>{t('comments.emptyBody')}</em>}</p>
              {comment.criterionIds.length > 0 && (
                <p className="comment-criteria">{comment.criterionIds.map((id) => criterionTitles.get(id) ?? id).join(' · ')}</p>
              )}
              {!readOnly && (
                <div className="button-row">
                  <button type="button" onClick={() => onEdit(comment.id)} aria-label={t('comments.editNamed', { place: anchorPhrase(comment, t, kinds.get(comment.evidenceId)) })}>
                    {t('comments.edit')}
                  </button>
                  <button type="button" onClick={() => onDelete(comment.id)} aria-label={t('comments.deleteNamed', { place: anchorPhrase(comment, t, kinds.get(comment.evidenceId)) })}>
                    {t('comments.delete')}
                  </button>
                </div>
              )}
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
