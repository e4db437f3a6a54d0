import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { words } from '../words';
import type { Words } from '../words';
import { download } from '../download';
import { AllowRetake } from './AllowRetake';
import { LockoutTable } from './LockoutTable';
import type { LeadDashboard } from '../../../shared/quality/dashboard';
import { useContractMutation } from '../data/contract-mutation';
import { describeError, describeFailure } from '../errors';
import { formatCoefficient, formatDateTime, formatPercent } from '../format';
import { FetchQualityButton } from '../quality/FetchQualityButton';
import { useNavigation } from '../navigation/use-navigation';
import { exportReport } from './mutations';
import { useLeadDashboard } from './queries';
import { RulesForm } from './RulesForm';
import { SetBuilder } from './SetBuilder';
import { FewPairs, PairsCell } from './FewPairs';
import { fewPairs } from '../../../shared/quality/dashboard';
import { SeverityTable } from './SeverityTable';
import { WeeklyChart } from './WeeklyChart';

type Figure = LeadDashboard['perCriterion'][number]['exact'];

/**
 * The lead's calibration dashboard: every figure computed by core from the last synced ratings,
 * with how fresh they are. Per assessor and per criterion: n, exact and adjacent agreement,
 * weighted kappa against the master; alpha across all raters; confusion matrices; weeks; flags.
 */
/** The micro-credential last chosen on the dashboard in this page (null: the first). */
let chosenCredential: string | null = null;

export function LeadDashboardView(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { scoreBatch } = useNavigation();
  // The micro-credential chosen stays chosen when the lead comes back from another view.
  const [credentialId, setCredentialIdHere] = useState<string | null>(chosenCredential);
  const setCredentialId = (id: string | null): void => {
    chosenCredential = id;
    setCredentialIdHere(id);
  };
  const [criterionId, setCriterionId] = useState<string | null>(null);
  const view = useLeadDashboard(credentialId);
  const exporting = useContractMutation(exportReport);
  // Kept as words, so a language switch rewords what is on screen.
  const [message, setMessage] = useState<Words | null>(null);
  const busy = exporting.isPending;
  const ready = view.state === 'ready' && view.value.dashboard !== null;
  useEffect(() => {
    // For the bench: when the figures are on screen.
    if (ready) requestAnimationFrame(() => performance.mark('dashboard-painted'));
  }, [ready]);
  const cellsByKey = useMemo(
    () => new Map(view.state === 'ready' ? (view.value.dashboard?.cells ?? []).map((cell) => [`${cell.assessorId}\u0000${cell.criterionId}`, cell]) : []),
    [view],
  );

  if (view.state === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (view.state === 'error') return <p role="alert">{describeError(view.error, t)}</p>;
  const { dashboard, fetchedAt, credentials, assessors } = view.value;
  const selectedCredential = dashboard?.credentialId ?? credentialId ?? credentials[0]?.id ?? null;
  const percent = (figure: Figure): string => (figure.value === null ? '–' : formatPercent(figure.value, i18n.language));
  const kappa = (figure: Figure): string => (figure.value === null ? '–' : formatCoefficient(figure.value, i18n.language));
  // The statistics' own reasons are English (for logs); the lead reads why in their language.
  const why = (figure: Figure): string | undefined => (figure.value === null ? t('lead.notComputable', { n: figure.n }) : undefined);
  const nameOf = (id: string): string => assessors.find((assessor) => assessor.id === id)?.displayName ?? id;
  /** The set this credential's assessors qualify on: a flagged assessor may be let to take it again. */
  const qualificationSet = view.value.sets.find((set) => set.id === view.value.rules?.qualification?.setId) ?? null;
  const standingOf = (accountId: string) => view.value.qualifications.find((standing) => standing.accountId === accountId);

  const exportAs = (format: 'csv' | 'pdf'): void => {
    if (!dashboard) return;
    // The report in the lead's language, its dates in their time zone.
    const locale = i18n.language === 'es' ? 'es' : 'en';
    exporting.mutate(
      { credentialId: dashboard.credentialId, format, locale, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone },
      {
        onSuccess: (file) => {
          download(file.fileName, file.mimeType, { base64: file.base64 });
          setMessage(() => words('lead.exported', { file: file.fileName }));
        },
        onError: (error) => setMessage(() => (tt: TFunction) => describeFailure(error, tt)),
      },
    );
  };

  const criterion = dashboard?.perCriterion.find((row) => row.criterionId === (criterionId ?? dashboard.criteria[0]?.id)) ?? null;
  const criterionShown = dashboard?.criteria.find((item) => item.id === criterion?.criterionId);
  const criterionLevels = criterionShown?.levels ?? [];
  /** "3 · Proficient": the rubric's own name for the level (the matrix's caption says which side is whose). */
  const levelName = (level: number): string => {
    const label = criterionShown?.labels[criterionLevels.indexOf(level)];
    return label ? t('rubric.level', { level, label }) : String(level);
  };
  const maxCount = Math.max(1, ...(criterion?.confusion.flat() ?? [0]));

  return (
    <section className="lead-dashboard" aria-labelledby="lead-dashboard-title">
      <header className="lead-header">
        <h2 id="lead-dashboard-title">{t('lead.dashboardTitle')}</h2>
        <label>
          {t('lead.credential')}{' '}
          <select value={selectedCredential ?? ''} onChange={(event) => setCredentialId(event.target.value)}>
            {credentials.map((credential) => (
              <option key={credential.id} value={credential.id}>
                {credential.title}
              </option>
            ))}
          </select>
        </label>
        <p className="freshness" role="status">
          {fetchedAt ? t('lead.freshness', { time: formatDateTime(fetchedAt, i18n.language) }) : t('lead.neverSynced')}
        </p>
        <div className="button-row">
          <FetchQualityButton label={t('lead.refresh')} busy={busy} onMessage={(text) => setMessage(() => (text ? () => text : null))} />
          <button type="button" disabled={busy || !dashboard} onClick={() => exportAs('csv')}>
            {t('lead.exportCsv')}
          </button>
          <button type="button" disabled={busy || !dashboard} onClick={() => exportAs('pdf')}>
            {t('lead.exportPdf')}
          </button>
        </div>
        <p role="status">{message?.(t)}</p>
      </header>
      {selectedCredential && <LockoutTable view={view.value} />}
      {selectedCredential && (
        <div className="lead-tools">
          <SetBuilder credentialId={selectedCredential} onMasterBatch={scoreBatch} />
          <RulesForm key={`${selectedCredential}-${view.value.sets.length}`} credentialId={selectedCredential} view={view.value} />
        </div>
      )}
      {!dashboard ? (
        <p className="hint" aria-busy={view.value.updating}>
          {t(view.value.updating ? 'lead.computing' : 'lead.noData')}
        </p>
      ) : (
        <>
          {dashboard.rule && (
            <p className="hint">{t('lead.rule', { share: formatPercent(dashboard.rule.minExactAgreement, i18n.language), levels: dashboard.rule.maxLevelsOff })}</p>
          )}
          <table className="figures" aria-label={t('lead.assessorsTitle')}>
            <caption>{t('lead.assessorsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('lead.assessor')}</th>
                <th scope="col">n</th>
                <th scope="col">{t('lead.exact')}</th>
                <th scope="col">{t('lead.adjacent')}</th>
                <th scope="col">{t('lead.weightedKappa')}</th>
                <th scope="col">{t('lead.flags')}</th>
                <th scope="col">{t('lead.evidenceCited')}</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.assessors.map((row) => (
                <tr key={row.id} className={row.flags.length > 0 ? 'flagged' : undefined}>
                  <th scope="row">{row.displayName}</th>
                  <PairsCell n={row.n} />
                  <td title={why(row.exact)}>{percent(row.exact)}</td>
                  <td title={why(row.adjacent)}>{percent(row.adjacent)}</td>
                  <td title={why(row.weightedKappa)}>{kappa(row.weightedKappa)}</td>
                  <td>
                    {row.flags.map((flag) => t(`lead.flag.${flag}`, { levels: dashboard.rule?.maxLevelsOff ?? 0 })).join(' · ')}
                    {standingOf(row.id) && <span className="hint"> · {t(`lead.standing.${standingOf(row.id)!.status}`, { attempt: standingOf(row.id)!.attempt })}</span>}
                    {/* Only an assessor who failed their current attempt: a retake would un-qualify anyone else. */}
                    {standingOf(row.id)?.status === 'not_qualified' && qualificationSet && (
                      <>
                        {' '}
                        <AllowRetake setId={qualificationSet.id} setTitle={qualificationSet.title} accountId={row.id} name={row.displayName} />
                      </>
                    )}
                  </td>
                  <td>{row.evidence.master === 0 ? '–' : t('lead.evidenceShare', { share: formatPercent(row.evidence.cited / row.evidence.master, i18n.language), cited: row.evidence.cited, count: row.evidence.master })}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <table className="figures" aria-label={t('lead.criteriaTitle')}>
            <caption>{t('lead.criteriaTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('lead.criterion')}</th>
                <th scope="col">n</th>
                <th scope="col">{t('lead.exact')}</th>
                <th scope="col">{t('lead.adjacent')}</th>
                <th scope="col">{t('lead.weightedKappa')}</th>
                <th scope="col">{t('lead.alpha')}</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.perCriterion.map((row) => (
                <tr key={row.criterionId}>
                  <th scope="row">{dashboard.criteria.find((item) => item.id === row.criterionId)?.title}</th>
                  <PairsCell n={row.n} />
                  <td title={why(row.exact)}>{percent(row.exact)}</td>
                  <td title={why(row.adjacent)}>{percent(row.adjacent)}</td>
                  <td title={why(row.weightedKappa)}>{kappa(row.weightedKappa)}</td>
                  <td title={why(row.alpha)}>{kappa(row.alpha)}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <table className="figures cells" aria-label={t('lead.cellsTitle')}>
            <caption>{t('lead.cellsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('lead.assessor')}</th>
                {dashboard.criteria.map((item) => (
                  <th scope="col" key={item.id}>
                    {item.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {dashboard.assessors.map((assessor) => (
                <tr key={assessor.id}>
                  <th scope="row">{nameOf(assessor.id)}</th>
                  {dashboard.criteria.map((item) => {
                    const cell = cellsByKey.get(`${assessor.id}\u0000${item.id}`);
                    return (
                      <td key={item.id}>
                        {cell ? `${percent(cell.exact)} · κ ${kappa(cell.weightedKappa)} (n ${cell.n})` : '–'}
                        {cell && cell.n < fewPairs && <FewPairs n={cell.n} />}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>

          {criterion && (
            <section className="confusion" aria-labelledby="confusion-title">
              <h3 id="confusion-title">{t('lead.confusionTitle')}</h3>
              <label>
                {t('lead.criterion')}{' '}
                <select value={criterion.criterionId} onChange={(event) => setCriterionId(event.target.value)}>
                  {dashboard.criteria.map((item) => (
                    <option key={item.id} value={item.id}>
                      {item.title}
                    </option>
                  ))}
                </select>
              </label>
              <table className="heatmap">
                <caption>{t('lead.confusionCaption')}</caption>
                <thead>
                  <tr>
                    <td />
                    {criterionLevels.map((level) => (
                      <th scope="col" key={level}>
                        {levelName(level)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {criterion.confusion.map((counts, row) => (
                    <tr key={criterionLevels[row]}>
                      <th scope="row">{levelName(criterionLevels[row]!)}</th>
                      {counts.map((count, column) => (
                        <td
                          key={criterionLevels[column]}
                          className={row === column ? 'diagonal' : undefined}
                          style={{ backgroundColor: `hsl(${row === column ? 145 : 25} 70% ${Math.round(97 - (count / maxCount) * 45)}%)` }}
                        >
                          {count}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}

          <section className="weeks" aria-labelledby="weeks-title">
            <h3 id="weeks-title">{t('lead.weeksTitle')}</h3>
            {dashboard.weeks.length === 0 ? <p className="hint">{t('lead.noWeeks')}</p> : <WeeklyChart weeks={dashboard.weeks} />}
            {dashboard.severity && <SeverityTable severity={dashboard.severity} nameOf={nameOf} />}
          </section>
        </>
      )}
    </section>
  );
}
