import { useTranslation } from 'react-i18next';
import { qualificationReason } from './qualification-reason';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import { allCriteria } from '../../../shared/domain/rubric';
import { formatPercent } from '../format';
import type { CalibrationFeedback } from '../../../shared/hosted-api/quality';
import type { CitedMoment } from '../../../shared/domain/cited-evidence';
import { formatMediaTime } from '../../../shared/format/media-time';

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
          {/* A card per criterion, not a five-column table: the rubric's column is narrow. */}
          <ol className="calibration-criteria">
            {result.criteria.map((criterion) => (
              <li key={criterion.criterionId} className={criterion.level === criterion.masterLevel ? 'agrees' : 'differs'}>
                <p className="calibration-levels">
                  <strong>{titles.get(criterion.criterionId) ?? criterion.criterionId}</strong>
                  <span>
                    {t('calibration.yours')} {criterion.level ?? '–'} · {t('calibration.master')} {criterion.masterLevel}
                  </span>
                </p>
                {criterion.masterRationale && (
                  <p className="rationale">
                    <span className="hint">{t('calibration.masterRationale')}:</span> <span data-content>{criterion.masterRationale}</span>
                  </p>
                )}
                <EvidenceCell comparison={criterion.evidence} />
              </li>
            ))}
          </ol>
          <p className="hint">{t(`qualification.status.${result.qualification.status}`)}{qualificationReason(result.qualification, t) ? ` · ${qualificationReason(result.qualification, t)}` : ''}</p>
        </>
      )}
    </section>
  );
}

type Comparison = NonNullable<CalibrationFeedback['criteria'][number]['evidence']>;

/** Whether the assessor cited the moments the master's level rests on, moment by moment. */
function EvidenceCell({ comparison }: { comparison: Comparison | null }): React.JSX.Element {
  const { t } = useTranslation();
  if (!comparison) return <span className="hint">{t('calibration.noMasterEvidence')}</span>;
  const cited = comparison.master.filter((item) => item.cited).length;
  const where = (moment: CitedMoment): string =>
    'startMs' in moment ? (moment.endMs !== null && moment.endMs > moment.startMs ? `${formatMediaTime(moment.startMs)}–${formatMediaTime(moment.endMs)}` : formatMediaTime(moment.startMs)) : t('comments.page', { page: moment.page });
  return (
    <>
      <span>{t('calibration.evidenceShare', { cited, count: comparison.master.length })}</span>
      <ul className="moments">
        {comparison.master.map((item, index) => (
          <li key={index} className={item.cited ? 'agrees' : 'differs'}>
            {where(item.moment)} · {item.cited ? t('calibration.cited') : t('calibration.notCited')}
          </li>
        ))}
      </ul>
      {comparison.extra.length > 0 && <span className="hint">{t('calibration.extra', { count: comparison.extra.length })}</span>}
    </>
  );
}

