import { serverMachineId } from '../../../shared/hosted-api/schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditTrail } from '../../../shared/hosted-api/audit';
import type { ContractErrorShape } from '../../../shared/contract/result';
import { answerAppeal, auditCsv, targetNames } from '../../../shared/quality/audit';
import { useContractMutation } from '../data/contract-mutation';
import { download } from '../download';
import { describeError } from '../errors';
import { failureOf } from '../data/contract-reads';
import { formatExactDateTime } from '../format';
import { fetchAuditTrail } from './mutations';
import { AppealAnswerPanel } from './AppealAnswerPanel';
import { valueWords } from './audit-words';

/**
 * A submission's audit trail from the hosted API, for a lead answering an appeal: the answer first
 * (who decided, on what evidence, what changed after), then every change oldest first, and the CSV.
 */
export function AuditTrailView(): React.JSX.Element {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const search = useContractMutation(fetchAuditTrail);
  // The answer to the last search; a refused one shows no trail, and says why.
  const trail = search.data ?? null;
  // The server knows no such submission: say so with what was asked, not as a generic missing item.
  const refusal = (failure: ContractErrorShape, asked: string): string => (failure.code === 'not_found' ? t('audit.notFound', { submission: asked }) : describeError(failure, t));
  return (
    <section className="audit-trail" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <form
        className="audit-search"
        onSubmit={(event) => {
          event.preventDefault();
          search.mutate({ submission: query });
        }}
      >
        <label>
          {t('audit.submission')} <input value={query} required maxLength={128} placeholder={t('audit.placeholder')} onChange={(event) => setQuery(event.target.value)} />
        </label>
        <button type="submit" disabled={search.isPending}>
          {t('audit.show')}
        </button>
        <p role="status">{search.isError ? refusal(failureOf(search.error), search.variables.submission) : ''}</p>
      </form>
      {trail && <TrailOf key={trail.submission.id} trail={trail} />}
    </section>
  );
}

function TrailOf({ trail }: { trail: AuditTrail }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const answer = answerAppeal(trail);
  const nameOf = targetNames(trail);
  const after = new Set(answer.changedAfter.map((entry) => entry.id));
  return (
    <>
      <div className="audit-heading">
        <h3>
          <span data-content>{trail.submission.label}</span> · <span data-content>{trail.submission.credentialTitle}</span>
        </h3>
        <button type="button" onClick={() => download(`audit-trail-${trail.submission.id}.csv`, 'text/csv', { text: auditCsv(trail) })}>
          {t('audit.exportCsv')}
        </button>
      </div>
      <AppealAnswerPanel trail={trail} answer={answer} />
      <table className="audit-timeline">
        <caption>{t('audit.timelineCaption', { count: trail.entries.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.when')}</th>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.change')}</th>
            <th scope="col">{t('audit.before')}</th>
            <th scope="col">{t('audit.after')}</th>
          </tr>
        </thead>
        <tbody>
          {trail.entries.map((entry) => (
            <tr key={entry.id} className={after.has(entry.id) ? 'after-decision' : undefined}>
              <td>
                {formatExactDateTime(entry.at, i18n.language)}
                {Math.abs(Date.parse(entry.receivedAt) - Date.parse(entry.at)) > 5 * 60_000 && (
                  <span className="hint"> · {t('audit.receivedAt', { time: formatExactDateTime(entry.receivedAt, i18n.language) })}</span>
                )}
              </td>
              <td>
                {entry.actor.displayName}
                {/* The server's own entries by their machine id: a name is only what a workstation says of itself. */}
                <span className="hint"> · {entry.machine.id === serverMachineId ? t('audit.serverMachine') : entry.machine.name}</span>
              </td>
              <td>
                {t(`audit.kind.${entry.kind}`)}
                {nameOf(entry) && (
                  <>
                    {' · '}
                    <span data-content>{nameOf(entry) === 'overall' ? t('audit.overallFeedback') : nameOf(entry)}</span>
                  </>
                )}
                {after.has(entry.id) && <strong className="after-mark"> · {t('audit.afterDecision')}</strong>}
              </td>
              <td className="audit-value">{valueWords(entry, entry.before, trail.rubric, t)}</td>
              <td className="audit-value">{valueWords(entry, entry.after, trail.rubric, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
