import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import { ConditionCode } from '../../../shared/domain/comment';
import type { ConditionCode as ConditionCodeValue } from '../../../shared/domain/comment';
import { blockersFor } from '../../../shared/domain/decision-rules';
import type { DecisionBlocker } from '../../../shared/domain/decision-rules';
import type { DecisionOutcome } from '../../../shared/domain/submission';
import { DialogClose, ModalDialog } from '../dialog/ModalDialog';

interface Props {
  submission: SubmissionDetail;
  busy: boolean;
  flagOpen: boolean;
  onFlagOpenChange: (open: boolean) => void;
  onSubmit: (outcome: DecisionOutcome, conditionCode: ConditionCodeValue | null, note: string) => void;
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
export function DecisionBar({ submission, busy, flagOpen, onFlagOpenChange, onSubmit }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const award = blockersFor(submission, 'award');
  const notYet = blockersFor(submission, 'not_yet');
  const explain = (blockers: DecisionBlocker[]): string => explainBlockers(blockers, t);

  return (
    <section className="decision-bar" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('decision.title')}</h3>
      <div className="button-row">
        {(['award', 'not_yet'] as const).map((outcome) => {
          const blockers = outcome === 'award' ? award : notYet;
          return (
            <button
              key={outcome}
              type="button"
              className={`decide ${outcome === 'award' ? 'award' : 'not-yet'}`}
              aria-disabled={blockers.length > 0 || busy}
              aria-describedby={blockers.length > 0 ? `${id}-${outcome}` : undefined}
              onClick={() => blockers.length === 0 && !busy && onSubmit(outcome, null, '')}
            >
              {t(outcome === 'award' ? 'decision.award' : 'decision.notYet')}
            </button>
          );
        })}
        <FlagDialog busy={busy} open={flagOpen} onOpenChange={onFlagOpenChange} onSubmit={(code, note) => onSubmit('flag', code, note)} />
      </div>
      {award.length > 0 && (
        <p id={`${id}-award`} className="hint">
          {t('decision.awardBlocked')} {explain(award)}
        </p>
      )}
      {notYet.length > 0 && (
        <p id={`${id}-not_yet`} className="hint">
          {t('decision.notYetBlocked')} {explain(notYet)}
        </p>
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
        <button type="button" className="decide flag">
          {t('decision.flag')}
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
          <textarea value={note} rows={3} onChange={(event) => setNote(event.target.value)} />
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
