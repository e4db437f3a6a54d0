import { useTranslation } from 'react-i18next';
import { words } from '../words';
import { qualificationReason } from './qualification-reason';
import type { Words } from '../words';
import { useState } from 'react';
import { useContractMutation } from '../data/contract-mutation';
import { useContractQuery } from '../data/contract-query';
import { describeFailure } from '../errors';
import { formatDateTime, formatDay, formatPercent } from '../format';
import { BackreadFeedbackList } from './BackreadFeedbackList';
import { FetchQualityButton } from './FetchQualityButton';
import { startCalibration } from './mutations';

/**
 * The assessor's standing: qualification per micro-credential (with why live work is blocked),
 * calibration sets to score, and their own accuracy on check items week by week.
 */
export function QualityPanel({ onCalibrationStarted }: { onCalibrationStarted: (batchId: string, message: Words) => void }): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  const summary = useContractQuery('quality.status', {});
  const start = useContractMutation(startCalibration);
  const [message, setMessage] = useState('');
  const busy = start.isPending;
  if (summary.state !== 'ready') return null;
  const { qualifications, sets, accuracy, fetchedAt, backreadFeedback } = summary.value;
  const titleOf = (credentialId: string): string => qualifications.find((item) => item.credentialId === credentialId)?.credentialTitle ?? credentialId;
  const startSet = (setId: string): void =>
    start.mutate(
      { setId },
      {
        onSuccess: ({ batchId, submissions }) => {
          setMessage('');
          onCalibrationStarted(batchId, words('calibration.started', { count: submissions }));
        },
        onError: (error) => setMessage(describeFailure(error, t)),
      },
    );
  const share = (part: number, whole: number): string => (whole > 0 ? formatPercent(part / whole, i18n.language) : '–');

  return (
    <section className="quality-panel" aria-labelledby="quality-title">
      <h2 id="quality-title">{t('qualification.title')}</h2>
      <p className="hint">{fetchedAt ? t('qualification.fetched', { time: formatDateTime(fetchedAt, i18n.language) }) : t('qualification.never')}</p>
      {qualifications.length > 0 && (
        <ul className="qualifications">
          {qualifications.map((item) => (
            <li key={item.credentialId} className={`qualification qualification-${item.status}`}>
              <strong data-content>{item.credentialTitle}</strong>: {t(`qualification.status.${item.status}`)}
              {qualificationReason(item, t) && <span className="hint"> {qualificationReason(item, t)}</span>}
              {item.lockout && !item.lockout.recalibration.needsLead && !item.lockout.recalibration.lastAttempt && (
                <button type="button" disabled={busy} onClick={() => startSet(item.lockout!.recalibration.setId)}>
                  {t('calibration.recalibrate', { title: item.lockout.recalibration.setTitle })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {sets.length > 0 && (
        <ul className="calibration-sets" aria-label={t('calibration.sets')}>
          {sets.map((set) => (
            <li key={set.id}>
              {set.title} · {titleOf(set.credentialId)} · {t('calibration.items', { count: set.submissionIds.length })}{' '}
              {set.answeredSubmissionIds.length >= set.submissionIds.length ? (
                <span className="hint">{t('calibration.answered')}</span>
              ) : (
                <button type="button" disabled={busy} onClick={() => startSet(set.id)}>
                  {t('calibration.start', { title: set.title })}
                </button>
              )}
              {set.retake && (
                <p className="hint">
                  {t('calibration.retake', { time: formatDateTime(set.retake.openedAt, i18n.language) })} <q data-content>{set.retake.note}</q>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {accuracy && accuracy.weeks.length > 0 && (
        <table className="accuracy">
          <caption>{t('accuracy.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accuracy.week')}</th>
              <th scope="col">{t('accuracy.criteria')}</th>
              <th scope="col">{t('accuracy.exact')}</th>
              <th scope="col">{t('accuracy.adjacent')}</th>
              <th scope="col">{t('accuracy.backread')}</th>
              <th scope="col">{t('accuracy.overridden')}</th>
            </tr>
          </thead>
          <tbody>
            {accuracy.weeks.map((week) => (
              <tr key={week.weekStart}>
                <th scope="row">{formatDay(week.weekStart, i18n.language)}</th>
                <td>{week.criteria}</td>
                <td>{share(week.exact, week.criteria)}</td>
                <td>{share(week.adjacent, week.criteria)}</td>
                <td>{week.backread}</td>
                <td>{share(week.overridden, week.backread)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <BackreadFeedbackList reviews={backreadFeedback} />
      <FetchQualityButton label={t('qualification.refresh')} busy={busy} onMessage={setMessage} />
      <p role="status">{message}</p>
    </section>
  );
}
