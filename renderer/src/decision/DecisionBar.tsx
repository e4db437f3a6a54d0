import type { TFunction } from 'i18next';
import { textLimits } from '../../../shared/domain/text-limits';
import { withoutHiddenControls } from '../../../shared/domain/text';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import { ConditionCode } from '../../../shared/domain/comment';
import type { ConditionCode as ConditionCodeValue } from '../../../shared/domain/comment';
import { blockersFor, checklistOf, needsOverallFeedback } from '../../../shared/domain/decision-rules';
import type { DecisionBlocker } from '../../../shared/domain/decision-rules';
import type { DecisionOutcome } from '../../../shared/domain/submission';
import { DialogClose, ModalDialog } from '../dialog/ModalDialog';
import { describeChord } from '../keyboard/key-names';
import { usePreferences } from '../workspace/use-preferences';

interface Props {
  submission: SubmissionDetail;
  busy: boolean;
  flagOpen: boolean;
  onFlagOpenChange: (open: boolean) => void;
  onSubmit: (outcome: DecisionOutcome, conditionCode: ConditionCodeValue | null, note: string) => void;
  /** Brings the "not yet" checklist's first open item into view. */
  onShowChecklist: () => void;
  /** Brings the overall feedback field into view and focus. */
  onWriteOverallFeedback: () => void;
  /** Award or Not yet was chosen with the overall feedback empty: asked here once (the same choice again sends). */
  feedbackQuestion: 'award' | 'not_yet' | null;
}

/** Why a decision cannot go yet, in the assessor's language. */
export function explainBlockers(blockers: DecisionBlocker[], t: TFunction): string {
  return blockers
    .map((blocker) =>
      blocker.kind === 'unscored'
        ? t('decision.blocked.unscored', { count: blocker.criterionIds.length })
        : blocker.kind === 'rule_says'
          ? t(`decision.blocked.rule.${blocker.outcome}`)
          : blocker.kind === 'uncited'
            ? t('decision.blocked.uncited', { count: blocker.criterionIds.length })
            : t('decision.blocked.conditionCode'),
    )
    .join(' ');
}

/** Award / Not yet / Flag for lead review. A blocked choice says why instead of failing after the fact. */
export function DecisionBar({ submission, busy, flagOpen, onFlagOpenChange, onSubmit, onShowChecklist, onWriteOverallFeedback, feedbackQuestion }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const feedbackKey = usePreferences().keymap.overallFeedback[0];
  const feedbackMissing = needsOverallFeedback(submission);
  const id = useId();
  const award = blockersFor(submission, 'award');
  const notYet = blockersFor(submission, 'not_yet');
  const checklist = checklistOf(submission);
  const cited = checklist.filter((item) => item.satisfied).length;
  const explain = (blockers: DecisionBlocker[]): string => explainBlockers(blockers, t);
  // Unscored criteria stop both outcomes: said once. Otherwise whichever outcome is blocked, and why.
  const blockedReason =
    award.length > 0 && notYet.length > 0 && explain(award) === explain(notYet)
      ? explain(award)
      : [award.length > 0 && `${t('decision.awardBlocked')} ${explain(award)}`, notYet.length > 0 && `${t('decision.notYetBlocked')} ${explain(notYet)}`].filter(Boolean).join(' ');

  return (
    <section className="decision-bar" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="visually-hidden">
        {t('decision.title')}
      </h3>
      {/* What a decision still lacks, in one line: cited evidence for the criteria below passing, the overall feedback. */}
      {(checklist.length > 0 || feedbackMissing) && (
        <p className={`checklist-summary${cited < checklist.length || feedbackMissing ? ' open' : ''}`}>
          {checklist.length > 0 && (
            <span>
              {t('checklist.summary', { cited, count: checklist.length })}{' '}
              {cited < checklist.length && (
                <button type="button" className="link" onClick={onShowChecklist}>
                  {t('checklist.show')}
                </button>
              )}
            </span>
          )}
          {feedbackMissing && (
            <button type="button" className="link" onClick={onWriteOverallFeedback}>
              {t('decision.feedbackMissing', { key: feedbackKey ? describeChord(feedbackKey, t) : '' })}
            </button>
          )}
        </p>
      )}
      <div className="decision-buttons">
        {(['award', 'not_yet'] as const).map((outcome) => {
          const blockers = outcome === 'award' ? award : notYet;
          return (
            <button
              key={outcome}
              type="button"
              className={`decide ${outcome === 'award' ? 'award' : 'not-yet'}`}
              aria-disabled={blockers.length > 0 || busy}
              aria-describedby={blockers.length > 0 ? `${id}-${outcome}` : undefined}
              onClick={() => {
                if (blockers.length === 0 && !busy) onSubmit(outcome, null, '');
                else if (blockers.some((blocker) => blocker.kind === 'uncited')) onShowChecklist();
              }}
            >
              {t(outcome === 'award' ? 'decision.award' : 'decision.notYet')}
            </button>
          );
        })}
        <FlagDialog busy={busy} open={flagOpen} onOpenChange={onFlagOpenChange} onSubmit={(code, note) => onSubmit('flag', code, note)} />
      </div>
      {/* Both explanations stay readable to assistive technology; on screen the same reason is said once. */}
      <p id={`${id}-award`} className="visually-hidden">
        {award.length > 0 && `${t('decision.awardBlocked')} ${explain(award)}`}
      </p>
      <p id={`${id}-not_yet`} className="visually-hidden">
        {notYet.length > 0 && `${t('decision.notYetBlocked')} ${explain(notYet)}`}
      </p>
      {feedbackQuestion ? (
        <p className="hint blocked feedback-question" role="alert">
          {t(`decision.emptyFeedback.${feedbackQuestion}`)}
        </p>
      ) : (
        blockedReason && (
          <p className="hint blocked" aria-hidden="true" title={blockedReason}>
            {blockedReason}
          </p>
        )
      )}
    </section>
  );
}

interface FlagDialogProps {
  busy: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSubmit: (code: ConditionCodeValue, note: string) => void;
}

function FlagDialog({ busy, open, onOpenChange: setOpen, onSubmit }: FlagDialogProps): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState<ConditionCodeValue | null>(null);
  const [note, setNote] = useState('');
  return (
    <ModalDialog
      title={t('decision.flagTitle')}
      description={t('decision.flagDescription')}
      open={open}
      onOpenChange={setOpen}
      trigger={
        <button type="button" className="decide flag" aria-label={t('decision.flag')}>
          {t('decision.flagShort')}
        </button>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!code || busy) return;
          onSubmit(code, note.trim());
          setOpen(false);
        }}
      >
        <fieldset>
          <legend>{t('decision.conditionCode')}</legend>
          {ConditionCode.options.map((option) => (
            <label key={option} className="block-choice">
              <input type="radio" name={`${id}-code`} checked={code === option} onChange={() => setCode(option)} required /> {t(`conditionCodes.${option}`)}
            </label>
          ))}
        </fieldset>
        <label className="block-choice">
          {t('decision.flagNote')}
          <textarea value={note} rows={3} maxLength={textLimits.decisionNote} onChange={(event) => setNote(withoutHiddenControls(event.target.value))} />
        </label>
        <div className="button-row">
          <button type="submit" disabled={!code || busy}>
            {t('decision.submitFlag')}
          </button>
          <DialogClose asChild>
            <button type="button">{t('common.cancel')}</button>
          </DialogClose>
        </div>
      </form>
    </ModalDialog>
  );
}
