import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionOutcome } from '../../../shared/domain/submission';
import { DialogActions, ModalDialog } from '../dialog/ModalDialog';

interface Props {
  label: string;
  outcome: DecisionOutcome;
  choices: { criterion: string; level: string }[];
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}

/** The lead reads back the resolution before it goes: it replaces both readings and reaches the candidate. */
export function ResolutionConfirm({ label, outcome, choices, onConfirm, onCancel }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <ModalDialog
      open
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
      title={t('adjudication.confirmTitle', { label, outcome: t(`decision.outcomes.${outcome}`) })}
      description={t('adjudication.confirmText')}
    >
      <dl className="confirm-levels">
        {choices.map((choice) => (
          <div key={choice.criterion}>
            <dt>{choice.criterion}</dt>
            <dd>{choice.level}</dd>
          </div>
        ))}
      </dl>
      <DialogActions
        cancel={t('adjudication.goBack')}
        confirm={t('adjudication.resolve')}
        busy={busy}
        onConfirm={() => {
          setBusy(true);
          void onConfirm().finally(() => setBusy(false));
        }}
      />
    </ModalDialog>
  );
}
