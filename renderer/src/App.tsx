import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from './errors';
import { changeLocale, supportedLocales } from './i18n';
import type { Locale } from './i18n';
import { BatchQueue } from './queue/BatchQueue';
import { SubmissionPane } from './submission/SubmissionPane';
import { useQueue, useWorkspaceSummary } from './workspace/use-workspace';

/** The batch last worked in is reopened on the next start. */
const batchStorageKey = 'assessor.batch';

export function App(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const summary = useWorkspaceSummary();
  const [batchId, setBatchId] = useState<string | null>(() => window.localStorage.getItem(batchStorageKey));
  const [openSubmissionId, setOpenSubmissionId] = useState<string | null>(null);
  const batches = summary.state === 'ready' ? summary.value.batches : [];
  const batch = batches.find((candidate) => candidate.id === batchId) ?? batches[0] ?? null;
  const queue = useQueue(batch?.id ?? null);

  useEffect(() => {
    document.title = t('app.title');
  }, [t, i18n.language]);

  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        {summary.state === 'ready' && summary.value.isDemo && (
          <span className="demo-badge" title={t('app.demoExplanation')}>
            {t('app.demoBadge')}
          </span>
        )}
        <label className="language">
          {t('app.language')}{' '}
          <select value={i18n.language} onChange={(event) => void changeLocale(event.target.value as Locale)}>
            {supportedLocales.map((locale) => (
              <option key={locale} value={locale}>
                {new Intl.DisplayNames([locale], { type: 'language' }).of(locale)}
              </option>
            ))}
          </select>
        </label>
      </header>
      {summary.state === 'error' && <p role="alert">{describeError(summary.error, t)}</p>}
      <div className="app-body">
        <nav className="queue-pane" aria-label={t('queue.title')}>
          {batches.length > 1 && (
            <label className="batch-picker">
              {t('queue.batch')}{' '}
              <select
                value={batch?.id ?? ''}
                onChange={(event) => {
                  window.localStorage.setItem(batchStorageKey, event.target.value);
                  setBatchId(event.target.value);
                }}
              >
                {batches.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          {batch && <BatchQueue batch={batch} queue={queue} openSubmissionId={openSubmissionId} onOpen={setOpenSubmissionId} />}
          {summary.state === 'ready' && batches.length === 0 && <p>{t('app.noBatches')}</p>}
        </nav>
        <main className="submission-pane">
          {openSubmissionId ? <SubmissionPane submissionId={openSubmissionId} /> : <p className="hint">{t('submission.choose')}</p>}
        </main>
      </div>
    </div>
  );
}
