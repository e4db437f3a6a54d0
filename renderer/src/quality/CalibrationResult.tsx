import { useTranslation } from 'react-i18next';
import { qualificationReason } from './qualification-reason';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import { allCriteria } from '../../../shared/domain/rubric';
import { formatPercent } from '../format';

/** After a calibration response has synced: agreement with the master per criterion, with the master's rationale. */
export function CalibrationResult({ submission }: { submission: SubmissionDetail }): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  const calibration = submission.calibration;
  if (!calibration) return null;
  const result = calibration.result;
  const titles = new Map(allCriteria(submission.rubric).map((criterion) => [criterion.id, criterion.title]));
  return (
    <section className="calibration-result" aria-labelledby="calibration-result-title">
      <h3 id="calibration-result-title">{t('calibration.resultTitle')}</h3>
      {!result ? (
        <p className="hint">{submission.decision ? t('calibration.waiting') : t('calibration.explain')}</p>
      ) : (
        <>
          <p>{t('calibration.agreement', { share: result.exactAgreement === null ? '–' : formatPercent(result.exactAgreement, i18n.language) })}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('calibration.criterion')}</th>
                <th scope="col">{t('calibration.yours')}</th>
                <th scope="col">{t('calibration.master')}</th>
                <th scope="col">{t('calibration.masterRationale')}</th>
              </tr>
            </thead>
            <tbody>
              {result.criteria.map((criterion) => (
                <tr key={criterion.criterionId} className={criterion.level === criterion.masterLevel ? 'agrees' : 'differs'}>
                  <th scope="row">{titles.get(criterion.criterionId) ?? criterion.criterionId}</th>
                  <td>{criterion.level ?? '–'}</td>
                  <td>{criterion.masterLevel}</td>
                  <td>{criterion.masterRationale}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">{t(`qualification.status.${result.qualification.status}`)}{qualificationReason(result.qualification, t) ? ` · ${qualificationReason(result.qualification, t)}` : ''}</p>
        </>
      )}
    </section>
  );
}
