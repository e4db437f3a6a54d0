import { useTranslation } from 'react-i18next';
import type { EvidenceComment } from '../../../shared/domain/comment';
import { formatMediaTime } from '../../../shared/format/media-time';

interface Props {
  comments: EvidenceComment[];
  durationMs: number;
  positionMs: number;
  onSeek: (ms: number) => void;
}

/**
 * Every comment on this recording as a mark on a strip as wide as the player, coloured by its tag
 * (a range spans its length), with the playhead; a mark seeks to its comment.
 */
export function CommentTimeline({ comments, durationMs, positionMs, onSeek }: Props): React.JSX.Element | null {
  const { t } = useTranslation();
  if (durationMs <= 0) return null;
  const at = (ms: number): number => Math.min(100, Math.max(0, (ms / durationMs) * 100));
  return (
    <div className="comment-timeline" role="group" aria-label={t('comments.timeline')}>
      <span className="timeline-playhead" style={{ left: `${at(positionMs)}%` }} aria-hidden="true" />
      {comments.map((comment) => {
        const start = comment.startMs ?? 0;
        const width = comment.endMs !== null ? Math.max(0.6, at(comment.endMs) - at(start)) : 0;
        return (
          <button
            key={comment.id}
            type="button"
            className={`timeline-mark tag-${comment.tag}${width > 0 ? ' is-range' : ''}`}
            style={{ left: `${at(start)}%`, width: width > 0 ? `${width}%` : undefined }}
            aria-label={t('comments.markerLabel', { time: formatMediaTime(start) })}
            title={comment.body}
            onClick={() => onSeek(start)}
          />
        );
      })}
    </div>
  );
}
