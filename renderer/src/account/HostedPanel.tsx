import { useId, useState } from 'react';
import { together, words } from '../words';
import type { Words } from '../words';
import { useTranslation } from 'react-i18next';
import { useContractMutation } from '../data/contract-mutation';
import { describeFailure } from '../errors';
import { ConflictList } from './ConflictList';
import { DownloadProgress } from './DownloadProgress';
import { StorageSettings } from './StorageSettings';
import { SyncNotices } from './SyncNotices';
import { claimBatch, dismissNotice, pauseDownloads, resumeDownloads, signIn, signOut, syncNow } from './mutations';
import { useSession, useSyncStatus } from './queries';
import { UndoWindowSetting } from '../decision/UndoWindowSetting';
import { checkServerUrl } from '../../../shared/hosted-api/server-url';

/** Sign in to the hosted API, claim work, and see what sync is doing (online, offline, n waiting). */
export function HostedPanel({ onClaimed }: { onClaimed: (batchId: string, message: Words) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const session = useSession();
  const sync = useSyncStatus();
  const signingIn = useContractMutation(signIn);
  const signingOut = useContractMutation(signOut);
  const syncing = useContractMutation(syncNow);
  const pausing = useContractMutation(pauseDownloads);
  const resuming = useContractMutation(resumeDownloads);
  const dismissing = useContractMutation(dismissNotice);
  const claiming = useContractMutation(claimBatch);
  const [server, setServer] = useState<string | null>(null);
  const [email, setEmail] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  // As typed: an emptied field stays empty while the next number is typed (it is read on Claim).
  const [sizeText, setSizeText] = useState('10');
  const [message, setMessage] = useState('');
  const busy = [signingIn, signingOut, syncing, pausing, resuming, claiming].some((mutation) => mutation.isPending);

  if (!session) return <section className="hosted-panel" aria-busy="true" />;

  /** Runs a call of this panel: its message replaces the last one when it ends ('' when there is nothing to say). */
  const said = (success: string) => ({ onSuccess: () => setMessage(success), onError: (error: unknown) => setMessage(describeFailure(error, t)) });

  const notices = sync && sync.notices.length > 0 && <SyncNotices notices={sync.notices} onDismiss={(noticeId) => dismissing.mutate({ id: noticeId })} />;

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
            signingIn.mutate(
              { serverUrl, email: shownEmail, password },
              {
                onSuccess: () => {
                  setPassword('');
                  setMessage('');
                },
                onError: (error) => setMessage(describeFailure(error, t)),
              },
            );
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
          onClick={() => signingOut.mutate({}, said(t('hosted.signedOut')))}
        >
          {t('hosted.signOut')}
        </button>
      </p>
      {sync && <StorageSettings storage={sync.storage} />}
      <UndoWindowSetting />
      {notices}
      {sync && <ConflictList count={sync.conflicts} />}
      {downloads?.blockedByDiskSpace && <p role="alert">{t('hosted.diskShort')}</p>}
      {downloads && <DownloadProgress downloads={downloads} busy={busy} onPause={() => pausing.mutate({}, said(''))} onResume={() => resuming.mutate({}, said(''))} />}
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => syncing.mutate({}, said(''))}>
          {t('hosted.syncNow')}
        </button>
      </div>
      <form
        className="claim-form"
        onSubmit={(event) => {
          event.preventDefault();
          const size = Number(sizeText);
          if (!Number.isInteger(size) || size < 1 || size > 200) return setMessage(t('hosted.claimSizeRange'));
          setMessage(t('hosted.claiming', { count: size }));
          claiming.mutate(
            { size },
            {
              onSuccess: ({ batchId, submissions, waiting }) => {
                setMessage('');
                const claimed = words('hosted.claimed', { count: submissions });
                onClaimed(batchId, waiting > 0 ? together(claimed, words('hosted.claimWaiting', { count: waiting })) : claimed);
              },
              onError: (error) => setMessage(describeFailure(error, t)),
            },
          );
        }}
      >
        <label>
          {t('hosted.claimSize')} <input type="number" min={1} max={200} required value={sizeText} onChange={(event) => setSizeText(event.target.value)} />
        </label>
        <button type="submit" disabled={busy}>
          {t('hosted.claim')}
        </button>
      </form>
      <p role="status">{message}</p>
    </section>
  );
}
