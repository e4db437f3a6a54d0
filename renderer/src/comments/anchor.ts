import type { TFunction } from 'i18next';
import type { EvidenceComment } from '../../../shared/domain/comment';
import { formatMediaTime } from '../../../shared/format/media-time';

/** "0:12", "0:12–0:20", "p. 2" or "p. 1 · area": where a comment is pinned, in the assessor's language. */
export function anchorLabel(comment: Pick<EvidenceComment, 'startMs' | 'endMs' | 'page' | 'region'>, t: TFunction): string {
  if (comment.startMs !== null) {
    return comment.endMs !== null && comment.endMs > comment.startMs
      ? `${formatMediaTime(comment.startMs)}–${formatMediaTime(comment.endMs)}`
      : formatMediaTime(comment.startMs);
  }
  const page = t('comments.page', { page: comment.page ?? 1 });
  return comment.region ? `${page} · ${t('regions.area')}` : page;
}
