import { useTranslation } from 'react-i18next';
import type { SeverityFigures } from '../../../shared/quality/dashboard';
import { readSeverity } from '../../../shared/quality/severity-reading';
import { formatDay, formatLevels } from '../format';

/** Below this many ratings a severity rests on too little to act on. */
const fewRatings = 50;
/** Weeks of drift shown (the most recent). */
const recentWeeks = 8;

type Rater = SeverityFigures['raters'][number];

/**
 * Who scores harshly or leniently once the submissions each assessor happened to get are taken into
 * account (many-facet Rasch), in rubric levels, with its uncertainty, a warning on small samples, and
 * the last weeks for drift. Shown beside the raw agreement, which confounds the two.
 */
export function SeverityTable({ severity, nameOf }: { severity: SeverityFigures; nameOf: (id: string) => string }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const inLevels = (rater: Rater, perLogit: number): string => {
    const reading = readSeverity(rater.severity * perLogit, rater.se * perLogit);
    if (reading.kind === 'unknown') return t('lead.severity.unknown');
    const se = formatLevels(rater.se * perLogit, i18n.language);
    if (reading.kind === 'average') return t('lead.severity.average', { se });
    return t(`lead.severity.${reading.kind}${reading.clear ? '' : 'Within'}`, { levels: formatLevels(reading.levels, i18n.language), se });
  };
  const weeks = severity.weeks.slice(-recentWeeks);
  const weekly = (week: SeverityFigures['weeks'][number], id: string): string => {
    const rater = week.raters.find((candidate) => candidate.id === id);
    return rater ? formatLevels(rater.severity * severity.levelsPerLogit, i18n.language, true) : '–';
  };
  return (
    <table className="figures severity" aria-label={t('lead.severity.title')}>
      <caption>
        {t('lead.severity.title')} <span className="hint">{t('lead.severity.explain')}</span>
        {!severity.converged && <span className="hint"> {t('lead.severity.notConverged')}</span>}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('lead.assessor')}</th>
          <th scope="col">n</th>
          <th scope="col">{t('lead.severity.overall')}</th>
          <th scope="col">{t('lead.severity.fit')}</th>
          {weeks.map((week) => (
            <th scope="col" key={week.weekStart}>
              {formatDay(week.weekStart, i18n.language, 'short')}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {severity.raters.map((rater) => (
          <tr key={rater.id} className={rater.n < fewRatings ? 'few' : undefined}>
            <th scope="row">{nameOf(rater.id)}</th>
            <td>{rater.n}</td>
            <td>
              {inLevels(rater, severity.levelsPerLogit)}
              {rater.n < fewRatings && <span className="hint"> · {t('lead.severity.few', { count: rater.n })}</span>}
            </td>
            <td title={t('lead.severity.fitExplain')}>{`${formatLevels(rater.infit, i18n.language)} / ${formatLevels(rater.outfit, i18n.language)}`}</td>
            {weeks.map((week) => (
              <td key={week.weekStart}>{weekly(week, rater.id)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
