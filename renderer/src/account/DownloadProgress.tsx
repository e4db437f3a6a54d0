import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/contract/methods';
import { formatBytes, formatDuration } from '../format';

interface Props {
  downloads: SyncStatus['downloads'];
  busy: boolean;
  onPause: () => void;
  onResume: () => void;
}

/** Evidence on its way for offline work: each file in flight and the total, with rate, time left, pause and resume. */
export function DownloadProgress({ downloads, busy, onPause, onResume }: Props): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  if (downloads.files === 0 && !downloads.paused) return null;
  return (
    <section className="download-progress" aria-label={t('hosted.downloads.title')}>
      <p role="status">
        {downloads.files === 0
          ? t('hosted.downloads.nothing')
          : t('hosted.downloads.total', { files: downloads.files, done: formatBytes(downloads.doneBytes, t), total: formatBytes(downloads.totalBytes, t) })}
        {downloads.paused
          ? ` · ${t('hosted.downloads.paused')}`
          : downloads.bytesPerSecond > 0 &&
            ` · ${t('hosted.downloads.rate', { rate: formatBytes(downloads.bytesPerSecond, t) })}${
              downloads.secondsLeft !== null ? ` · ${t('hosted.downloads.timeLeft', { time: formatDuration(downloads.secondsLeft, i18n.language) })}` : ''
            }`}
      </p>
      {downloads.totalBytes > 0 && <progress max={downloads.totalBytes} value={Math.min(downloads.doneBytes, downloads.totalBytes)} aria-label={t('hosted.downloads.title')} />}
      {downloads.active.length > 0 && (
        <ul className="download-files">
          {downloads.active.map((item) => (
            <li key={item.evidenceId}>
              <span>{t('hosted.downloads.file', { submission: item.submissionLabel, title: item.title })}</span>
              <progress max={item.totalBytes} value={item.doneBytes} aria-label={t('hosted.downloads.file', { submission: item.submissionLabel, title: item.title })} />
              <span className="hint">
                {formatBytes(item.doneBytes, t)} / {formatBytes(item.totalBytes, t)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {downloads.files > 0 && (
        <button type="button" disabled={busy} onClick={downloads.paused ? onResume : onPause}>
          {downloads.paused ? t('hosted.downloads.resume') : t('hosted.downloads.pause')}
        </button>
      )}
    </section>
  );
}
