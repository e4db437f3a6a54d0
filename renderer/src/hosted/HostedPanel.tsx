import { useId, useState } from 'react';
import { together, words } from '../words';
import type { Words } from '../words';
import { useTranslation } from 'react-i18next';
import { useClient } from '../client-context';
import { describeError } from '../errors';
import { ConflictList } from './ConflictList';
import { DownloadProgress } from './DownloadProgress';
import { StorageSettings } from './StorageSettings';
import { SyncNotices } from './SyncNotices';
import { useKeepHostedState, useSession, useSyncStatus } from './session-state';
import { UndoWindowSetting } from '../decision/UndoWindowSetting';
import { useAction } from '../use-action';
import { checkServerUrl } from '../../../shared/hosted-api/server-url';

/** Sign in to the hosted API, claim work, and see what sync is doing (online, offline, n waiting). */
export function HostedPanel({ onClaimed }: { onClaimed: (batchId: string, message: Words) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const client = useClient();
  const id = useId();
  const session = useSession();
  const sync = useSyncStatus();
  const { keepSession: setSession, keepStatus: setSync } = useKeepHostedState();
  const [server, setServer] = useState<string | null>(null);
  const [email, setEmail] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [size, setSize] = useState(10);
  const { busy, message, setMessage, run } = useAction();

  if (!session) return <section className="hosted-panel" aria-busy="true" />;

  /** Calls a method that answers with the sync status, and shows it. */
  const updateSync = (method: 'sync.now' | 'downloads.pause' | 'downloads.resume'): void =>
    void run(async () => {
      const result = await client.invoke(method, {});
      if (result.ok) setSync(result.value);
      return result.ok ? '' : describeError(result.error, t);
    });

  const notices = sync && sync.notices.length > 0 && (
    <SyncNotices
      notices={sync.notices}
      onDismiss={(noticeId) =>
        void client.invoke('sync.dismissNotice', { id: noticeId }).then((result) => {
          if (result.ok) setSync(result.value);
        })
      }
    />
  );

  if (!session.signedIn) {
    const serverUrl = server ?? session.serverUrl;
    const shownEmail = email ?? session.lastEmail ?? '';
    // Said while typing, not only after a refused attempt: passwords must never go over plain http.
    const urlCheck = serverUrl.trim() === '' ? null : checkServerUrl(serverUrl);
    const urlProblem = urlCheck && !urlCheck.ok ? t(`hosted.serverUrl.${urlCheck.problem}`) : null;
    return (
      <section className="hosted-panel" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('hosted.signInTitle')}</h2>
        {session.ended && (
          <p role="alert" className="session-ended">
            {t(`hosted.ended.${session.ended}`)} {sync && sync.waiting > 0 ? t('hosted.ended.waiting', { count: sync.waiting }) : t('hosted.ended.nothingWaiting')}
          </p>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (urlProblem) return;
            void run(async () => {
              const result = await client.invoke('session.signIn', { serverUrl, email: shownEmail, password });
              if (!result.ok) return describeError(result.error, t);
              setPassword('');
              setSession(result.value);
              return '';
            });
          }}
        >
          <label>
            {t('hosted.server')}{' '}
            <input
              type="url"
              required
              value={serverUrl}
              aria-invalid={urlProblem !== null}
              aria-describedby={urlProblem ? `${id}-url-problem` : undefined}
              onChange={(event) => setServer(event.target.value)}
            />
          </label>
          {urlProblem && (
            <p id={`${id}-url-problem`} className="field-problem" role="alert">
              {urlProblem}
            </p>
          )}
          <label>
            {t('hosted.email')} <input type="email" required autoComplete="username" value={shownEmail} onChange={(event) => setEmail(event.target.value)} />
          </label>
          <label>
            {t('hosted.password')} <input type="password" required autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
          </label>
          <button type="submit" disabled={busy || urlProblem !== null}>
            {t('hosted.signIn')}
          </button>
        </form>
        {!session.ended && sync && sync.waiting > 0 && <p role="status">{t('hosted.ended.waiting', { count: sync.waiting })}</p>}
        <p className="hint">{t(`hosted.storage.${session.storage}`)}</p>
        <UndoWindowSetting />
        <p role="status">{message}</p>
        {notices}
      </section>
    );
  }

  const downloads = sync?.downloads;
  return (
    <section className="hosted-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('hosted.title')}
      </h2>
      <p>
        {t('hosted.signedInAs', { email: session.email ?? '' })}{' '}
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              const result = await client.invoke('session.signOut', {});
              if (result.ok) setSession(result.value);
              return result.ok ? t('hosted.signedOut') : describeError(result.error, t);
            })
          }
        >
          {t('hosted.signOut')}
        </button>
      </p>
      {sync && <StorageSettings storage={sync.storage} onStatus={setSync} />}
      <UndoWindowSetting />
      {notices}
      {sync && <ConflictList count={sync.conflicts} onStatus={setSync} />}
      {downloads?.blockedByDiskSpace && <p role="alert">{t('hosted.diskShort')}</p>}
      {downloads && <DownloadProgress downloads={downloads} busy={busy} onPause={() => updateSync('downloads.pause')} onResume={() => updateSync('downloads.resume')} />}
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => updateSync('sync.now')}>
          {t('hosted.syncNow')}
        </button>
      </div>
      <form
        className="claim-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            setMessage(t('hosted.claiming', { count: size }));
            const result = await client.invoke('batch.claim', { size });
            if (!result.ok) return describeError(result.error, t);
            const claimed = words('hosted.claimed', { count: result.value.submissions });
            onClaimed(result.value.batchId, result.value.waiting > 0 ? together(claimed, words('hosted.claimWaiting', { count: result.value.waiting })) : claimed);
            return '';
          });
        }}
      >
        <label>
          {t('hosted.claimSize')} <input type="number" min={1} max={200} value={size} onChange={(event) => setSize(Number(event.target.value) || 1)} />
        </label>
        <button type="submit" disabled={busy}>
          {t('hosted.claim')}
        </button>
      </form>
      <p role="status">{message}</p>
    </section>
  );
}
