import * as Toast from '@radix-ui/react-toast';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from './errors';
import { changeLocale, supportedLocales } from './i18n';
import type { Locale } from './i18n';
import { DecisionToast } from './decision/DecisionToast';
import { useUndoDecision } from './decision/use-undo';
import { AccountDrawer } from './hosted/AccountDrawer';
import { useSession } from './hosted/session-state';
import { SyncIndicator, SyncNowButton } from './hosted/SyncIndicator';
import { AdjudicationQueueView } from './lead/AdjudicationQueueView';
import { AuditTrailView } from './lead/AuditTrailView';
import { BackreadingView } from './lead/BackreadingView';
import { ReferralsView } from './lead/ReferralsView';
import { LeadDashboardView } from './lead/LeadDashboardView';
import { ShortcutSheet } from './keyboard/ShortcutSheet';
import { useShortcutHandlers } from './keyboard/shortcut-registry';
import { LeaseWarning } from './queue/LeaseWarning';
import { Picker } from './ui/Picker';
import { QueueRail } from './queue/QueueRail';
import { useSaveStatus } from './save/save-tracker';
import { formatTime, languageName } from './format';
import { SubmissionWorkspace } from './workspace/SubmissionWorkspace';
import type { Decided } from './workspace/SubmissionWorkspace';
import { usePreferences } from './workspace/use-preferences';
import { useQueue, useWorkspaceSummary } from './workspace/use-workspace';
import type { QueueItem } from '../../shared/domain/submission';
import type { Words } from './words';

/** The batch last worked in is reopened on the next start. */
const batchStorageKey = 'assessor.batch';

/** The toast: a decision (tied to its state), a message that goes by itself, or an error that stays until dismissed. */
type Toast = { kind: 'decided'; submissionId: string; label: string; note: string | null } | { kind: 'info' | 'error'; words: Words };
/** A message is read, then gets out of the way. */
const infoToastMs = 6000;
/** What the main area shows: scoring, or (for a lead) the calibration dashboard or the adjudication queue. */
type View = 'scoring' | 'dashboard' | 'adjudication' | 'backreading' | 'referrals' | 'audit';

export function App(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const summary = useWorkspaceSummary();
  const preferences = usePreferences();
  const saveStatus = useSaveStatus();
  const session = useSession();
  const undoDecision = useUndoDecision();
  const [batchId, setBatchId] = useState<string | null>(() => window.localStorage.getItem(batchStorageKey));
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [accountOpen, setAccountOpen] = useState(false);
  const [railCollapsed, setRailCollapsed] = useState(false);
  const [toast, setToast] = useState<Toast | null>(null);
  const [view, setView] = useState<View>('scoring');
  const isLead = session?.signedIn === true && session.roles.includes('lead');
  const shownView: View = isLead ? view : 'scoring';
  const queueRef = useRef<HTMLDivElement>(null);
  const batches = summary.state === 'ready' ? summary.value.batches : [];
  // The chosen batch, else the newest claimed one, else the demo.
  const batch = batches.find((candidate) => candidate.id === batchId) ?? batches.findLast((candidate) => !candidate.isDemo) ?? batches[0] ?? null;
  const queue = useQueue(batch?.id ?? null);
  // Kept by core across restarts: the submission open when the app last stopped comes back.
  const openSubmissionId = preferences.openSubmissionId;
  const open = (submissionId: string | null): void => preferences.update({ openSubmissionId: submissionId });
  // A submission left open in a batch that is gone (another account's, a settled review) is not shown: the queue is.
  const openInShownBatch = queue.state !== 'ready' || queue.value.some((item) => item.submissionId === openSubmissionId);
  const chooseBatch = (id: string): void => {
    window.localStorage.setItem(batchStorageKey, id);
    setBatchId(id);
    if (id !== batch?.id) open(null); // the submission open from the other batch is not part of this one
  };

  useEffect(() => {
    document.title = t('app.title');
  }, [t, i18n.language]);

  const dismissToast = useCallback(() => setToast(null), []);

  /** The next submission without a decision after the open one (wrapping). */
  const openNextUndecided = (): boolean => {
    if (queue.state !== 'ready') return false;
    const undecided = (item: QueueItem): boolean => item.outcome === null;
    const index = queue.value.findIndex((item) => item.submissionId === openSubmissionId);
    const next = [...queue.value.slice(index + 1), ...queue.value.slice(0, index + 1)].find(undecided);
    if (next) open(next.submissionId);
    return true;
  };

  const step = (direction: 1 | -1): boolean => {
    if (queue.state !== 'ready' || queue.value.length === 0) return false;
    const index = queue.value.findIndex((item) => item.submissionId === openSubmissionId);
    const next = queue.value[Math.max(0, Math.min(queue.value.length - 1, index + direction))];
    if (next) open(next.submissionId);
    return true;
  };
  useShortcutHandlers({
    onAction: (action) => {
      if (action === 'focusQueue') {
        // A folded queue opens first, and takes the focus once it is there.
        if (railCollapsed) {
          setRailCollapsed(false);
          requestAnimationFrame(() => queueRef.current?.focus());
        } else queueRef.current?.focus();
      } else if (action === 'toggleQueue') setRailCollapsed((collapsed) => !collapsed);
      else if (action === 'nextUndecided') return openNextUndecided();
      else if (action === 'showShortcuts') setShortcutsOpen(true);
      else if (action === 'nextSubmission') return step(1);
      else if (action === 'previousSubmission') return step(-1);
      else return false;
      return true;
    },
  });

  /** Core recorded the decision and made the next undecided submission the open one: the screen follows. */
  const onDecided = ({ submissionId, label, nextSubmissionId }: Decided): void => {
    setToast({ kind: 'decided', submissionId, label, note: nextSubmissionId ? null : t('decision.batchDone') });
    if (nextSubmissionId) preferences.show({ openSubmissionId: nextSubmissionId });
  };
  const undoFromToast = async (submissionId: string): Promise<void> => {
    const problem = await undoDecision(submissionId);
    setToast(problem ? { kind: 'error', words: problem } : null);
  };

  return (
    <Toast.Provider label={t('toasts.label')} swipeDirection="left">
    <div className="app">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        {summary.state === 'ready' && summary.value.isDemo && (
          <span className="demo-badge" title={t('app.demoExplanation')}>
            {t('app.demoBadge')}
          </span>
        )}
        <SyncIndicator onOpen={() => setAccountOpen(true)} />
        <LeaseWarning
          batches={batches}
          onShow={() => {
            // The first batch with a lease in trouble, its rows needing attention.
            const troubled = batches.find((candidate) => candidate.leases.expired + candidate.leases.reassigned + candidate.leases.dueSoon > 0);
            if (troubled) chooseBatch(troubled.id);
            setRailCollapsed(false);
          }}
        />
        <SyncNowButton />
        <p className={`save-status save-${saveStatus.state}`} role="status">
          {saveStatus.state === 'saving' && t('save.saving')}
          {saveStatus.state === 'saved' && (saveStatus.at ? t('save.savedAt', { time: formatTime(saveStatus.at, i18n.language) }) : t('save.allSaved'))}
          {saveStatus.state === 'failed' && t('save.failed', { message: describeError(saveStatus.error, t) })}
        </p>
        <button type="button" className="header-button" onClick={() => setAccountOpen(true)}>
          {t('account.open')}
        </button>
        <button type="button" className="header-button" onClick={() => setShortcutsOpen(true)}>
          {t('shortcuts.open')}
        </button>
        <Picker
          className="language"
          label={t('app.language')}
          value={i18n.language}
          options={supportedLocales.map((locale) => ({ value: locale, label: languageName(locale) }))}
          onChange={(locale) => void changeLocale(locale as Locale)}
        />
      </header>
      {isLead && (
        // A lead's views in a bar of their own: the header keeps its room for sync, account and language.
        <nav className="view-switch" aria-label={t('lead.views')}>
          {(['scoring', 'dashboard', 'adjudication', 'backreading', 'referrals', 'audit'] as const).map((candidate) => (
            <button key={candidate} type="button" aria-pressed={shownView === candidate} onClick={() => setView(candidate)}>
              {t(`lead.view.${candidate}`)}
            </button>
          ))}
        </nav>
      )}
      {summary.state === 'error' && <p role="alert">{describeError(summary.error, t)}</p>}
      <div className={`app-body${shownView === 'scoring' ? '' : ' lead-view'}`}>
        {shownView === 'scoring' && (
          <QueueRail
            ref={queueRef}
            batches={batches}
            batch={batch}
            queue={queue}
            openSubmissionId={openSubmissionId}
            collapsed={railCollapsed}
            onCollapsedChange={setRailCollapsed}
            onChooseBatch={chooseBatch}
            onOpen={open}
            onPublished={(message) => setToast({ kind: 'info', words: message })}
          />
        )}
        <main className="submission-pane">
          {toast?.kind === 'decided' && <DecisionToast submissionId={toast.submissionId} label={toast.label} note={toast.note} onUndo={() => void undoFromToast(toast.submissionId)} onDismiss={dismissToast} />}
          {(toast?.kind === 'info' || toast?.kind === 'error') && (
            // A message goes by itself (the timer pauses while the pointer or focus is on it); an error stays until dismissed.
            <Toast.Root
              className={`toast toast-${toast.kind}`}
              type={toast.kind === 'error' ? 'foreground' : 'background'}
              duration={toast.kind === 'error' ? Number.POSITIVE_INFINITY : infoToastMs}
              onOpenChange={(isOpen) => {
                if (!isOpen) setToast(null);
              }}
            >
              <Toast.Description>{toast.words(t)}</Toast.Description>
              <Toast.Close aria-label={t('common.dismiss')}>×</Toast.Close>
            </Toast.Root>
          )}
          <Toast.Viewport className="toasts" />
          {shownView === 'dashboard' ? (
            <LeadDashboardView
              onMasterBatch={(id) => {
                chooseBatch(id);
                setView('scoring');
              }}
            />
          ) : shownView === 'backreading' ? (
            <BackreadingView
              onOpenBeside={(id, submissionId) => {
                chooseBatch(id);
                open(submissionId);
                setView('scoring');
              }}
            />
          ) : shownView === 'referrals' ? (
            <ReferralsView
              onOpenBeside={(id, submissionId) => {
                chooseBatch(id);
                open(submissionId);
                setView('scoring');
              }}
            />
          ) : shownView === 'audit' ? (
            <AuditTrailView />
          ) : shownView === 'adjudication' ? (
            <AdjudicationQueueView
              onOpenBeside={(id, submissionId) => {
                chooseBatch(id);
                open(submissionId);
                setView('scoring');
              }}
            />
          ) : openSubmissionId && preferences.ready && openInShownBatch ? (
            <SubmissionWorkspace
              key={openSubmissionId}
              submissionId={openSubmissionId}
              splitRatio={preferences.splitRatio}
              onSplitRatio={(ratio, done) => (done ? preferences.update({ splitRatio: ratio }) : preferences.show({ splitRatio: ratio }))}
              onDecided={onDecided}
            />
          ) : (
            <p className="hint choose-hint">{summary.state === 'ready' && batches.length === 0 ? t('app.noBatches') : t('submission.choose')}</p>
          )}
        </main>
      </div>
      <AccountDrawer
        open={accountOpen}
        onOpenChange={setAccountOpen}
        onBatch={(batchId, message) => {
          chooseBatch(batchId);
          setToast({ kind: 'info', words: message });
        }}
      />
      <ShortcutSheet open={shortcutsOpen} keymap={preferences.keymap} onOpenChange={setShortcutsOpen} onKeymap={(keymap) => preferences.update({ keymap })} />
    </div>
    </Toast.Provider>
  );
}
