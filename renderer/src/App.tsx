import * as Toast from '@radix-ui/react-toast';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnouncements } from './app/announce';
import { AppHeader } from './app/AppHeader';
import { AppToast } from './app/AppToast';
import type { ToastContent } from './app/AppToast';
import { LeadViewSwitch } from './app/LeadViewSwitch';
import { MainView } from './app/MainView';
import { useQueueShortcuts } from './app/use-queue-shortcuts';
import type { Decided } from './decision/use-decision';
import { useUndoDecision } from './decision/use-undo';
import { useUndoShortcut } from './decision/use-undo-shortcut';
import { describeError } from './errors';
import { AccountDrawer } from './account/AccountDrawer';
import { useAccountSwitch } from './account/use-account-switch';
import { ShortcutSheet } from './keyboard/ShortcutSheet';
import { useNavigation } from './navigation/use-navigation';
import { QueueRail } from './queue/QueueRail';
import { useAnsweredReferrals } from './referrals/queries';
import { usePreferences } from './workspace/use-preferences';
import { useWorkspaceSummary } from './workspace/use-workspace';
import type { Words } from './words';
import { together, words } from './words';

/** The workstation's window: header, a lead's view switch, the queue beside the main view, the toast, and the drawers. */
export function App(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const summary = useWorkspaceSummary();
  const preferences = usePreferences();
  const navigation = useNavigation();
  const undoDecision = useUndoDecision();
  const answeredReferrals = useAnsweredReferrals();
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [accountOpen, setAccountOpen] = useState(false);
  const [railCollapsed, setRailCollapsed] = useState(false);
  const [toast, setToast] = useState<ToastContent | null>(null);
  /** The last decision made in this window: what the Undo key takes back (its toast may be gone). */
  const [lastDecided, setLastDecided] = useState<string | null>(null);
  const queueRef = useRef<HTMLDivElement>(null);
  const { batches, batch, view, chooseBatch } = navigation;

  useEffect(() => {
    document.title = t('app.title');
  }, [t, i18n.language]);

  const dismissToast = useCallback(() => setToast(null), []);
  const inform = (message: Words): void => setToast({ kind: 'info', words: message });
  const focusQueue = useCallback(() => queueRef.current?.focus(), []);
  useQueueShortcuts({ navigation, inform, railCollapsed, setRailCollapsed, focusQueue, showShortcuts: () => setShortcutsOpen(true) });
  /** Core made the next undecided submission the open one (see decision/mutations); the toast says what was decided. */
  const onDecided = ({ submissionId, label, nextSubmissionId }: Decided): void => {
    setLastDecided(submissionId);
    setToast({ kind: 'decided', submissionId, label, note: nextSubmissionId ? null : t('decision.batchDone') });
  };
  const undoFromToast = (submissionId: string): void =>
    void undoDecision(submissionId).then((problem) => {
      if (!problem) setLastDecided((last) => (last === submissionId ? null : last));
      setToast(problem ? { kind: 'error', words: problem } : null);
    });
  useUndoShortcut(lastDecided, undoFromToast, inform);
  useAnnouncements(inform);
  useAccountSwitch(
    useCallback(() => {
      setToast(null);
      setLastDecided(null);
    }, []),
  );

  return (
    <Toast.Provider label={t('toasts.label')} swipeDirection="left">
      <div className="app">
        <AppHeader
          isDemo={summary.state === 'ready' && summary.value.isDemo}
          onOpenAccount={() => setAccountOpen(true)}
          onOpenShortcuts={() => setShortcutsOpen(true)}
          onShowQueue={() => setRailCollapsed(false)}
        />
        <LeadViewSwitch />
        {summary.state === 'error' && <p role="alert">{describeError(summary.error, t)}</p>}
        <div className={`app-body${view === 'scoring' ? '' : ' lead-view'}`}>
          {view === 'scoring' && (
            <QueueRail
              ref={queueRef}
              batches={batches}
              batch={batch}
              queue={navigation.queue}
              openSubmissionId={navigation.openSubmissionId}
              collapsed={railCollapsed}
              onCollapsedChange={setRailCollapsed}
              onChooseBatch={chooseBatch}
              onOpen={navigation.open}
              onPublished={inform}
              answeredReferrals={answeredReferrals}
              onClaimMore={() => setAccountOpen(true)}
            />
          )}
          <main className="submission-pane">
            <AppToast toast={toast} onUndo={undoFromToast} onDismiss={dismissToast} />
            <Toast.Viewport className="toasts" />
            <MainView onDecided={onDecided} noBatches={summary.state === 'ready' && batches.length === 0} focusQueue={focusQueue} />
          </main>
        </div>
        <AccountDrawer
          open={accountOpen}
          onOpenChange={setAccountOpen}
          onBatch={(batchId, message, how) => {
            // A calibration set was asked for to score now; a claim waits while a submission is being scored.
            if (how === 'calibration') navigation.scoreBatch(batchId);
            else if (!navigation.claimArrived(batchId)) return inform(together(message, words('hosted.claimedBeside')));
            inform(message);
          }}
        />
        {/* Built only while open: its table of every action's words cost each render of the app ~26 ms. */}
        {shortcutsOpen ? <ShortcutSheet open keymap={preferences.keymap} onOpenChange={setShortcutsOpen} onKeymap={(keymap) => preferences.update({ keymap })} /> : null}
      </div>
    </Toast.Provider>
  );
}
