import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../shared/contract/methods';
import type { ShortcutAction } from '../../shared/keyboard/keymap';
import { useClient } from './client-context';
import { describeError } from './errors';
import { changeLocale, supportedLocales } from './i18n';
import type { Locale } from './i18n';
import { HostedPanel } from './hosted/HostedPanel';
import { useHosted } from './hosted/use-hosted';
import { AdjudicationQueueView } from './lead/AdjudicationQueueView';
import { LeadDashboardView } from './lead/LeadDashboardView';
import { MasterBatchBar } from './lead/SetBuilder';
import { QualityPanel } from './quality/QualityPanel';
import { ShortcutSheet } from './keyboard/ShortcutSheet';
import { useShortcuts } from './keyboard/use-shortcuts';
import { BatchQueue } from './queue/BatchQueue';
import { useSaveStatus } from './save/save-tracker';
import { formatTime, languageName } from './format';
import { SubmissionWorkspace } from './workspace/SubmissionWorkspace';
import type { WorkspaceActions } from './workspace/SubmissionWorkspace';
import { usePreferences } from './workspace/use-preferences';
import { useQueue, useWorkspaceSummary } from './workspace/use-workspace';

/** The batch last worked in is reopened on the next start. */
const batchStorageKey = 'assessor.batch';

type Undo = { submissionId: string; label: string; outcome: string };
/** What the main area shows: scoring, or (for a lead) the calibration dashboard or the adjudication queue. */
type View = 'scoring' | 'dashboard' | 'adjudication';

export function App(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const summary = useWorkspaceSummary();
  const preferences = usePreferences();
  const saveStatus = useSaveStatus();
  const [batchId, setBatchId] = useState<string | null>(() => window.localStorage.getItem(batchStorageKey));
  const [chosenSubmissionId, setChosenSubmissionId] = useState<string | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [undo, setUndo] = useState<Undo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [view, setView] = useState<View>('scoring');
  const { session } = useHosted();
  const isLead = session?.signedIn === true && session.roles.includes('lead');
  const shownView: View = isLead ? view : 'scoring';
  const workspaceActions = useRef<WorkspaceActions | null>(null);
  const queueRef = useRef<HTMLDivElement>(null);
  const batches = summary.state === 'ready' ? summary.value.batches : [];
  // The chosen batch, else the newest claimed one, else the demo.
  const batch = batches.find((candidate) => candidate.id === batchId) ?? batches.findLast((candidate) => !candidate.isDemo) ?? batches[0] ?? null;
  const chooseBatch = (id: string): void => {
    window.localStorage.setItem(batchStorageKey, id);
    setBatchId(id);
    if (id !== batch?.id) {
      // The submission open from the other batch is not part of this one.
      setChosenSubmissionId(null);
      preferences.update({ openSubmissionId: null });
    }
  };
  const queue = useQueue(batch?.id ?? null);
  // After a restart, the submission that was open comes back.
  const openSubmissionId = chosenSubmissionId ?? preferences.openSubmissionId;

  useEffect(() => {
    document.title = t('app.title');
  }, [t, i18n.language]);

  const { update: updatePreferences } = preferences;
  const open = useCallback(
    (submissionId: string) => {
      setChosenSubmissionId(submissionId);
      updatePreferences({ openSubmissionId: submissionId });
    },
    [updatePreferences],
  );

  const step = (direction: 1 | -1): boolean => {
    if (queue.state !== 'ready' || queue.value.length === 0) return false;
    const index = queue.value.findIndex((item) => item.submissionId === openSubmissionId);
    const next = queue.value[Math.max(0, Math.min(queue.value.length - 1, index + direction))];
    if (next) open(next.submissionId);
    return true;
  };

  const appActions: Partial<Record<ShortcutAction, () => boolean>> = {
    focusQueue: () => {
      queueRef.current?.focus();
      return true;
    },
    showShortcuts: () => {
      setShortcutsOpen(true);
      return true;
    },
    nextSubmission: () => step(1),
    previousSubmission: () => step(-1),
  };
  useShortcuts(
    preferences.keymap,
    {
      onAction: (action) => appActions[action]?.() ?? workspaceActions.current?.onAction(action) ?? false,
      onScoreLevel: (level) => workspaceActions.current?.onScoreLevel(level) ?? false,
    },
    preferences.ready,
  );
  const registerActions = useCallback((actions: WorkspaceActions | null) => {
    workspaceActions.current = actions;
  }, []);

  const onDecided = (submissionId: string, result: MethodOutput<'decision.submit'>): void => {
    const item = queue.state === 'ready' ? queue.value.find((candidate) => candidate.submissionId === submissionId) : undefined;
    setUndo(result.decision.undoable ? { submissionId, label: item?.label ?? submissionId, outcome: result.decision.outcome } : null);
    if (result.nextSubmissionId) open(result.nextSubmissionId);
    else setNotice(t('decision.batchDone'));
  };

  const undoDecision = async (submissionId: string): Promise<void> => {
    const result = await client.invoke('decision.undo', { submissionId });
    setUndo(null);
    if (!result.ok) {
      setNotice(describeError(result.error, t));
      return;
    }
    setNotice(null);
    // Reopen it fresh so the workspace shows it editable again.
    setChosenSubmissionId(null);
    open(submissionId);
  };

  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        {summary.state === 'ready' && summary.value.isDemo && (
          <span className="demo-badge" title={t('app.demoExplanation')}>
            {t('app.demoBadge')}
          </span>
        )}
        <p className={`save-status save-${saveStatus.state}`} role="status">
          {saveStatus.state === 'saving' && t('save.saving')}
          {saveStatus.state === 'saved' && (saveStatus.at ? t('save.savedAt', { time: formatTime(saveStatus.at, i18n.language) }) : t('save.allSaved'))}
          {saveStatus.state === 'failed' && t('save.failed', { message: describeError(saveStatus.error, t) })}
        </p>
        {isLead && (
          <nav className="view-switch" aria-label={t('lead.views')}>
            {(['scoring', 'dashboard', 'adjudication'] as const).map((candidate) => (
              <button key={candidate} type="button" aria-pressed={shownView === candidate} onClick={() => setView(candidate)}>
                {t(`lead.view.${candidate}`)}
              </button>
            ))}
          </nav>
        )}
        <button type="button" className="header-button" onClick={() => setShortcutsOpen(true)}>
          {t('shortcuts.open')}
        </button>
        <label className="language">
          {t('app.language')}{' '}
          <select value={i18n.language} onChange={(event) => void changeLocale(event.target.value as Locale)}>
            {supportedLocales.map((locale) => (
              <option key={locale} value={locale}>
                {languageName(locale)}
              </option>
            ))}
          </select>
        </label>
      </header>
      {summary.state === 'error' && <p role="alert">{describeError(summary.error, t)}</p>}
      <div className="app-body">
        <nav className="queue-pane" aria-label={t('queue.title')}>
          <HostedPanel onClaimed={chooseBatch} />
          {session?.signedIn && <QualityPanel onCalibrationStarted={chooseBatch} />}
          {batches.length > 1 && (
            <label className="batch-picker">
              {t('queue.batch')}{' '}
              <select
                value={batch?.id ?? ''}
                onChange={(event) => chooseBatch(event.target.value)}
              >
                {batches.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          {batch?.kind === 'master' && <MasterBatchBar batchId={batch.id} label={batch.label} onPublished={setNotice} />}
          {batch && <BatchQueue ref={queueRef} batch={batch} queue={queue} openSubmissionId={openSubmissionId} onOpen={open} />}
          {summary.state === 'ready' && batches.length === 0 && <p>{t('app.noBatches')}</p>}
        </nav>
        <main className="submission-pane">
          {(undo || notice) && (
            <div className="toast" role="status">
              {undo && (
                <>
                  {t('decision.queued', { label: undo.label, outcome: t(`decision.outcomes.${undo.outcome}`) })}{' '}
                  <button type="button" onClick={() => void undoDecision(undo.submissionId)}>
                    {t('decision.undo')}
                  </button>
                </>
              )}
              {notice}
              <button type="button" aria-label={t('common.dismiss')} onClick={() => (setUndo(null), setNotice(null))}>
                ×
              </button>
            </div>
          )}
          {shownView === 'dashboard' ? (
            <LeadDashboardView
              onMasterBatch={(id) => {
                chooseBatch(id);
                setView('scoring');
              }}
            />
          ) : shownView === 'adjudication' ? (
            <AdjudicationQueueView
              onOpenBeside={(id, submissionId) => {
                chooseBatch(id);
                open(submissionId);
                setView('scoring');
              }}
            />
          ) : openSubmissionId && preferences.ready ? (
            <SubmissionWorkspace
              key={openSubmissionId}
              submissionId={openSubmissionId}
              splitRatio={preferences.splitRatio}
              onSplitRatio={(ratio, done) => (done ? preferences.update({ splitRatio: ratio }) : preferences.preview({ splitRatio: ratio }))}
              onDecided={onDecided}
              onUndo={(submissionId) => void undoDecision(submissionId)}
              registerActions={registerActions}
            />
          ) : (
            <p className="hint">{t('submission.choose')}</p>
          )}
        </main>
      </div>
      <ShortcutSheet open={shortcutsOpen} keymap={preferences.keymap} onOpenChange={setShortcutsOpen} onKeymap={(keymap) => preferences.update({ keymap })} />
    </div>
  );
}
