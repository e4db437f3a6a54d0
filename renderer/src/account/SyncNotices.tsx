import { useTranslation } from 'react-i18next';
import type { SyncNotice } from '../../../shared/contract/methods';
import { formatDateTime } from '../format';

const knownRefusals = ['too_large', 'rejected_as_invalid', 'refused_too_many_open', 'refused_thread_full', 'submission_not_found', 'refused_already_resolved', 'refused_already_reviewed', 'refused_own_work'] as const;
/** The server's reason, as one of the refusals the catalogue words (others: "it refused"). */
const refusedWhy = (reason: string): (typeof knownRefusals)[number] | 'other' => knownRefusals.find((known) => known === reason) ?? 'other';

/** What sync had to set aside or remove, in plain words, until the assessor has read it. */
export function SyncNotices({ notices, onDismiss }: { notices: SyncNotice[]; onDismiss: (id: number) => void }): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  if (notices.length === 0) return null;
  const describe = (notice: SyncNotice): string => {
    switch (notice.kind) {
      case 'evidence_quarantined':
        return t('hosted.notices.evidenceQuarantined', { title: notice.title, submission: notice.submissionLabel, reason: t(`hosted.notices.reason.${notice.reason}`), count: notice.attempts });
      case 'submission_quarantined':
        return t('hosted.notices.submissionQuarantined', { id: notice.submissionId }); // its problem is English, for logs
      case 'evidence_unreadable':
        return t('hosted.notices.evidenceUnreadable', { title: notice.title, submission: notice.submissionLabel });
      case 'refused_by_server':
        return t(notice.submissionLabel ? 'hosted.notices.refused' : 'hosted.notices.refusedNoLabel', {
          what: t(`hosted.notices.refusedWhat.${notice.what}`, { count: notice.count }),
          submission: notice.submissionLabel,
          reason: t(`hosted.notices.refusedWhy.${refusedWhy(notice.reason)}`),
        });
      case 'remote_wipe':
        return [
          t('hosted.notices.remoteWipe', { count: notice.synced }),
          t('hosted.notices.remoteWipeRemoved', {
            submissions: notice.submissions,
            unsent: notice.unsentDecisions,
            drafts: notice.drafts,
            comments: notice.comments,
            files: notice.evidenceFiles,
            responses: notice.writtenResponses,
          }),
          notice.unsentOther > 0 ? t('hosted.notices.remoteWipeOther', { count: notice.unsentOther }) : '',
          notice.unsentLabels.length > 0 ? t('hosted.notices.remoteWipeLabels', { labels: notice.unsentLabels.join(', ') }) : '',
        ]
          .filter(Boolean)
          .join(' ');
    }
  };
  return (
    <section className="sync-notices" aria-label={t('hosted.notices.title')}>
      <ul>
        {notices.map((notice) => (
          <li key={notice.id} role="alert" className={`notice notice-${notice.kind}`}>
            <p>
              <time dateTime={notice.at}>{formatDateTime(notice.at, i18n.language)}</time> · {describe(notice)}
            </p>
            <button type="button" onClick={() => onDismiss(notice.id)}>
              {t('hosted.notices.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
