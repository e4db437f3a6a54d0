import { useTranslation } from 'react-i18next';
import type { LeadDashboard } from '../../../shared/quality/dashboard';
import { formatDay, formatPercent } from '../format';

const width = 560;
const height = 180;
const pad = { left: 40, right: 10, top: 10, bottom: 28 };

/** Exact and adjacent agreement with the master by week, as lines (the numbers are in the table beside it). */
export function WeeklyChart({ weeks }: { weeks: LeadDashboard['weeks'] }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const x = (index: number): number => (weeks.length <= 1 ? (pad.left + width - pad.right) / 2 : pad.left + (index * (width - pad.left - pad.right)) / (weeks.length - 1));
  const y = (share: number): number => pad.top + (1 - share) * (height - pad.top - pad.bottom);
  const line = (pick: (week: LeadDashboard['weeks'][number]) => number | null): string =>
    weeks.flatMap((week, index) => {
      const value = pick(week);
      return value === null ? [] : [`${x(index).toFixed(1)},${y(value).toFixed(1)}`];
    }).join(' ');
  const label = (weekStart: string): string => formatDay(weekStart, i18n.language, 'short');
  return (
    <figure className="weekly-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="weekly-chart-title">
        <title id="weekly-chart-title">{t('lead.weeklyChart')}</title>
        {[0, 0.5, 1].map((share) => (
          <g key={share}>
            <line x1={pad.left} x2={width - pad.right} y1={y(share)} y2={y(share)} className="grid" />
            <text x={pad.left - 4} y={y(share) + 4} textAnchor="end">
              {formatPercent(share, i18n.language)}
            </text>
          </g>
        ))}
        <polyline points={line((week) => week.adjacent)} className="series-adjacent" />
        <polyline points={line((week) => week.exact)} className="series-exact" />
        {/* Each week also as a point, so a single week (or a week between gaps) is still drawn. */}
        {weeks.flatMap((week, index) =>
          (['adjacent', 'exact'] as const).flatMap((series) => {
            const value = week[series];
            return value === null ? [] : [<circle key={`${series}-${week.weekStart}`} cx={x(index)} cy={y(value)} r={3.5} className={`point-${series}`} />];
          }),
        )}
        {weeks.map((week, index) => (
          <text key={week.weekStart} x={x(index)} y={height - 8} textAnchor="middle">
            {weeks.length <= 12 || index % Math.ceil(weeks.length / 12) === 0 ? label(week.weekStart) : ''}
          </text>
        ))}
      </svg>
      <figcaption>
        <span className="legend legend-exact">{t('lead.exact')}</span> <span className="legend legend-adjacent">{t('lead.adjacent')}</span>
      </figcaption>
    </figure>
  );
}
