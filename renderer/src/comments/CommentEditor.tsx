import * as ToggleGroup from '@radix-ui/react-toggle-group';
import { textLimits } from '../../../shared/domain/text-limits';
import { withoutHiddenControls } from '../../../shared/domain/text';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentTag, CommentVisibility, EvidenceComment } from '../../../shared/domain/comment';
import type { Criterion } from '../../../shared/domain/rubric';
import type { EvidenceKind } from '../../../shared/domain/submission';
import { useBankTarget } from '../feedback/bank-targets';
import { describeChord } from '../keyboard/key-names';
import { useShortcutDispatch } from '../keyboard/shortcut-registry';
import { usePreferences } from '../workspace/use-preferences';
import { revealInPane } from '../ui/keep-in-view';
import { anchorLabel, anchorPhrase } from './anchor';

interface Props {
  comment: EvidenceComment;
  evidenceTitle: string;
  /** What the comment is on: a recording, a document, an image or a written response (its place is worded for it). */
  evidenceKind?: EvidenceKind | undefined;
  criteria: Criterion[];
  onChange: (comment: EvidenceComment) => void;
  onDone: () => void;
  onDelete: () => void;
}

const tags: CommentTag[] = ['strength', 'growth_area', 'note'];
const visibilities: CommentVisibility[] = ['candidate', 'internal'];

/**
 * Edits one comment, compactly, in the feed under the evidence: the text, then chips for its tag,
 * who sees it, and the criteria it is about. Every change is saved as it is made; Ctrl+Enter or
 * Escape closes it.
 */
export function CommentEditor({ comment, evidenceTitle, evidenceKind, criteria, onChange, onDone, onDelete }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const bankTarget = useBankTarget(comment.body, (body) => onChange({ ...comment, body }));
  const form = useRef<HTMLFormElement>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const dispatch = useShortcutDispatch();
  const bankKey = usePreferences().keymap.commentBank.find((chord) => chord.includes('+')) ?? 'Alt+B';
  // Focusing the field shows only the field; the assessor types on, so the chips and Done must show too.
  useEffect(() => {
    if (form.current) revealInPane(form.current);
  }, []);
  return (
    <form
      ref={form}
      className="comment-editor"
      // Its chips and buttons read these keys themselves (arrows move between chips, Space and Enter
      // press one): while the focus is in the editor they never seek or play the video or step the rubric.
      data-local-keys="ArrowLeft ArrowRight ArrowUp ArrowDown Home End Space Enter"
      aria-label={t('comments.editorLabel', { place: anchorPhrase(comment, t, evidenceKind) })}
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
        {evidenceTitle} · <strong>{anchorLabel(comment, t, evidenceKind)}</strong>
        {comment.quote && <q>{comment.quote}</q>}
      </p>
      <label htmlFor={`${id}-body`} className="visually-hidden">
        {t('comments.body')}
      </label>
      <textarea ref={body} id={`${id}-body`} value={comment.body} rows={2} maxLength={textLimits.comment} autoFocus placeholder={t('comments.body')} onFocus={bankTarget.onFocus} onChange={(event) => onChange({ ...comment, body: withoutHiddenControls(event.target.value) })} />
      <div className="chip-rows">
        <ToggleGroup.Root type="single" className="chip-group" aria-label={t('comments.tag')} value={comment.tag} onValueChange={(tag) => tag && onChange({ ...comment, tag: tag as CommentTag })}>
          {tags.map((tag) => (
            <ToggleGroup.Item key={tag} value={tag} className={`toggle-chip tag-${tag}`}>
              {t(`comments.tags.${tag}`)}
            </ToggleGroup.Item>
          ))}
        </ToggleGroup.Root>
        <ToggleGroup.Root
          type="single"
          className="chip-group"
          aria-label={t('comments.visibility')}
          value={comment.visibility}
          onValueChange={(visibility) => visibility && onChange({ ...comment, visibility: visibility as CommentVisibility })}
        >
          {visibilities.map((visibility) => (
            <ToggleGroup.Item key={visibility} value={visibility} className="toggle-chip">
              {t(`comments.visibilities.${visibility}`)}
            </ToggleGroup.Item>
          ))}
        </ToggleGroup.Root>
      </div>
      <ToggleGroup.Root type="multiple" className="chip-group" aria-label={t('comments.criteria')} value={comment.criterionIds} onValueChange={(criterionIds) => onChange({ ...comment, criterionIds })}>
        {criteria.map((criterion) => (
          <ToggleGroup.Item key={criterion.id} value={criterion.id} className="toggle-chip criterion-chip">
            {criterion.title}
          </ToggleGroup.Item>
        ))}
      </ToggleGroup.Root>
      <div className="button-row">
        <button type="submit">{t('comments.done')}</button>
        <button type="button" onClick={onDelete}>
          {t('comments.delete')}
        </button>
        <button
          type="button"
          onClick={() => {
            // The bank inserts into the field last in focus: this comment's, then the bank opens.
            body.current?.focus({ preventScroll: true });
            dispatch.onAction('commentBank');
          }}
        >
          {t('comments.bank', { key: describeChord(bankKey, t) })}
        </button>
        <span className="hint">{t('comments.editorKeys')}</span>
      </div>
    </form>
  );
}
