import { useTranslation } from 'react-i18next';
import { useContractMutation } from '../data/contract-mutation';
import { formatShortTime } from '../format';
import { syncNow } from './mutations';
import { useSession, useSyncStatus } from './queries';

/**
 * The sync state where the eye finds it, in the header: online, offline or syncing, how many
 * decisions wait (when any do), when everything was last in step, and downloads under way. It opens the account
 * panel; signed out, it says how to sign in.
 */
export function SyncIndicator({ onOpen }: { onOpen: () => void }): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const sync = useSyncStatus();
  if (!session || !sync) return null;
  const downloads = sync.downloads.files > 0 && !sync.downloads.paused;
  return (
    <button type="button" className={`sync-indicator sync-${sync.state}`} onClick={onOpen} aria-haspopup="dialog">
      <span className="sync-dot" aria-hidden="true" />
      <span role="status" className="sync-text">
        {t(`hosted.sync.${sync.state}`)}
        {/* Nothing waiting goes unsaid, so the header keeps its room (and its words whole) at 1280 px. */}
        {sync.waiting > 0 && ` · ${t('hosted.waiting', { count: sync.waiting })}`}
        {sync.conflicts > 0 && ` · ${t('hosted.conflicts', { count: sync.conflicts })}`}
        {sync.lastSyncedAt && ` · ${t('hosted.lastSynced', { time: formatShortTime(sync.lastSyncedAt, i18n.language) })}`}
        {downloads && ` · ${t('hosted.downloadingFiles', { count: sync.downloads.files })}`}
      </span>
      {!session.signedIn && <span className="sync-action">{t('hosted.signIn')}</span>}
    </button>
  );
}

/** Sync now, beside the state it changes (signed in only). */
export function SyncNowButton(): React.JSX.Element | null {
  const { t } = useTranslation();
  const session = useSession();
  const sync = useContractMutation(syncNow);
  if (!session?.signedIn) return null;
  return (
    <button type="button" className="header-button" onClick={() => sync.mutate({})}>
      {t('hosted.syncNow')}
    </button>
  );
}
