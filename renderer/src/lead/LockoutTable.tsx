import { withoutHiddenControls } from '../../../shared/domain/text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDashboardView } from '../../../shared/contract/methods';
import { useContractMutation } from '../data/contract-mutation';
import { DialogActions, ModalDialog } from '../dialog/ModalDialog';
import { describeFailure } from '../errors';
import { AllowRetake } from './AllowRetake';
import { liftLockout } from './mutations';
import { formatDateTime, formatPercent } from '../format';

type Lockout = LeadDashboardView['lockouts'][number];

/** Who is locked out of this micro-credential, since when and why, how far their recalibration is; a lead can lift it with a note. */
export function LockoutTable({ view }: { view: LeadDashboardView }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [lifting, setLifting] = useState<Lockout | null>(null);
  const nameOf = (id: string): string => view.assessors.find((assessor) => assessor.id === id)?.displayName ?? id;
  const percent = (share: number): string => formatPercent(share, i18n.language);
  return (
    <section className="lockouts" aria-labelledby="lockouts-title">
      <h3 id="lockouts-title">{t('lockouts.title')}</h3>
      {view.lockouts.length === 0 ? (
        <p className="hint">{t('lockouts.none')}</p>
      ) : (
        <table className="figures">
          <caption className="visually-hidden">{t('lockouts.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('lockouts.assessor')}</th>
              <th scope="col">{t('lockouts.since')}</th>
              <th scope="col">{t('lockouts.why')}</th>
              <th scope="col">{t('lockouts.recalibration')}</th>
              <th scope="col">{t('lockouts.state')}</th>
            </tr>
          </thead>
          <tbody>
            {view.lockouts.map((lockout) => (
              <tr key={`${lockout.accountId}-${lockout.since}`} className={lockout.lifted ? undefined : 'locked'}>
                <th scope="row">{nameOf(lockout.accountId)}</th>
                <td>{formatDateTime(lockout.since, i18n.language)}</td>
                <td>{t(lockout.trigger === 'gold' ? 'lockouts.whyGold' : 'lockouts.whyBackread', { figure: percent(lockout.figure), threshold: percent(lockout.threshold), count: lockout.window })}</td>
                <td>
                  {t('lockouts.progress', { title: lockout.recalibration.setTitle, scored: lockout.recalibration.scoredItems, count: lockout.recalibration.requiredItems })}
                  {lockout.recalibration.needsLead && <span className="hint"> · {t('lockouts.needsLead')}</span>}
                  {lockout.recalibration.lastAttempt && <span className="hint"> · {t('lockouts.lastAttempt', { agreement: percent(lockout.recalibration.lastAttempt.exactAgreement), count: lockout.recalibration.lastAttempt.maxLevelsOff })}</span>}
                </td>
                <td>
                  {lockout.lifted ? (
                    lockout.lifted.how === 'recalibrated' ? (
                      t('lockouts.liftedRecalibrated', { time: formatDateTime(lockout.lifted.at, i18n.language) })
                    ) : (
                      t('lockouts.liftedLead', { time: formatDateTime(lockout.lifted.at, i18n.language), note: lockout.lifted.note })
                    )
                  ) : lockout.liftQueued ? (
                    t('lockouts.liftQueued')
                  ) : (
                    <>
                      <strong>{t('lockouts.active')}</strong>{' '}
                      <button type="button" onClick={() => setLifting(lockout)}>
                        {t('lockouts.lift')}
                      </button>
                      {/* A failed recalibration is final too, and a set already answered needs a new attempt: the lead's call. */}
                      {(lockout.recalibration.lastAttempt || lockout.recalibration.needsLead) && (
                        <>
                          {' '}
                          <AllowRetake setId={lockout.recalibration.setId} setTitle={lockout.recalibration.setTitle} accountId={lockout.accountId} name={nameOf(lockout.accountId)} />
                        </>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {lifting && <LiftDialog lockout={lifting} name={nameOf(lifting.accountId)} onClose={() => setLifting(null)} />}
    </section>
  );
}

function LiftDialog({ lockout, name, onClose }: { lockout: Lockout; name: string; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const lift = useContractMutation(liftLockout);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');
  return (
    <ModalDialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('lockouts.liftTitle', { name })}
      description={t('lockouts.liftText')}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (note.trim() === '') return setMessage(t('lockouts.noteNeeded'));
          lift.mutate({ accountId: lockout.accountId, credentialId: lockout.credentialId, note: note.trim() }, { onSuccess: onClose, onError: (error) => setMessage(describeFailure(error, t)) });
        }}
      >
        <label>
          {t('lockouts.note')} <textarea value={note} maxLength={5000} onChange={(event) => setNote(withoutHiddenControls(event.target.value))} />
        </label>
        <p role="status">{message}</p>
        <DialogActions cancel={t('common.cancel')} confirm={t('lockouts.confirm')} />
      </form>
    </ModalDialog>
  );
}
