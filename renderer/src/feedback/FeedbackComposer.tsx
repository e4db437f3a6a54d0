import { memo, useId, useState } from 'react';
import { textLimits } from '../../../shared/domain/text-limits';
import { withoutHiddenControls } from '../../../shared/domain/text';
import { useTranslation } from 'react-i18next';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import { useShortcutHandlers } from '../keyboard/shortcut-registry';
import { useBankTarget } from './bank-targets';
import { CandidatePreview } from './CandidatePreview';
import { CommentBank } from './CommentBank';
import { revealInPane } from '../ui/keep-in-view';
import { useStableCallback } from '../ui/use-stable-callback';

interface Props {
  submission: SubmissionDetail;
  readOnly: boolean;
  /** The overall feedback's field (its key, and a decision that finds it empty, bring it into focus). */
  overallRef?: React.Ref<HTMLTextAreaElement>;
  onFeedback: (componentId: string | null, body: string) => void;
}

interface FieldProps {
  label: string;
  /** The component the feedback is about; null for the overall feedback. */
  componentId: string | null;
  value: string;
  readOnly: boolean;
  /** Keeps its identity (the field is memoized, and renders again only when its own text changes). */
  onFeedback: (componentId: string | null, body: string) => void;
  textareaRef?: React.Ref<HTMLTextAreaElement> | undefined;
}

const FeedbackField = memo(function FeedbackField({ label, componentId, value, readOnly, onFeedback, textareaRef }: FieldProps): React.JSX.Element {
  const id = useId();
  const onChange = (text: string): void => onFeedback(componentId, text);
  const bankTarget = useBankTarget(value, onChange);
  return (
    <div className="feedback-field">
      <label htmlFor={id}>{label}</label>
      <textarea ref={textareaRef} id={id} value={value} rows={3} maxLength={componentId === null ? textLimits.overallFeedback : textLimits.componentFeedback} readOnly={readOnly} onFocus={bankTarget.onFocus} onChange={(event) => onChange(withoutHiddenControls(event.target.value))} />
    </div>
  );
});

/** Overall and per-component feedback for the candidate, the comment bank, and a preview of what they will receive. */
export function FeedbackComposer({ submission, readOnly, overallRef, onFeedback }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [bankOpen, setBankOpen] = useState(false);
  const feedback = useStableCallback(onFeedback);
  useShortcutHandlers({
    onAction: (action) => {
      if (action !== 'commentBank') return false;
      setBankOpen(true);
      // Once it is there: its search takes the keys (a snippet goes into the field last in focus).
      requestAnimationFrame(() => {
        const bank = window.document.querySelector<HTMLElement>('.comment-bank');
        const search = bank?.querySelector<HTMLInputElement>('input[type="search"]');
        if (!bank || !search) return;
        search.focus({ preventScroll: true });
        revealInPane(bank); // its snippets and Insert buttons too, below the rubric's header
      });
      return true;
    },
  });
  return (
    <section className="feedback-composer" aria-labelledby="feedback-heading">
      <header className="section-header">
        <h3 id="feedback-heading">{t('feedback.title')}</h3>
        <div className="button-row">
          <button type="button" aria-expanded={bankOpen} onClick={() => setBankOpen((open) => !open)}>
            {t('bank.toggle')}
          </button>
          <CandidatePreview submission={submission} />
        </div>
      </header>
      {bankOpen && <CommentBank readOnly={readOnly} />}
      <FeedbackField label={t('feedback.overall')} componentId={null} value={submission.draft.overallFeedback} readOnly={readOnly} onFeedback={feedback} textareaRef={overallRef} />
      {submission.rubric.components.map((component) => (
        <FeedbackField
          key={component.id}
          label={t('feedback.component', { component: component.title })}
          componentId={component.id}
          value={submission.draft.componentFeedback[component.id] ?? ''}
          readOnly={readOnly}
          onFeedback={feedback}
        />
      ))}
    </section>
  );
}
