import type { TFunction } from 'i18next';
import type { EvidenceComment } from '../../../shared/domain/comment';
import type { EvidenceKind } from '../../../shared/domain/submission';
import { formatMediaTime } from '../../../shared/format/media-time';

type Anchored = Pick<EvidenceComment, 'startMs' | 'endMs' | 'page' | 'region'>;

/**
 * Where a comment is pinned, short, in the assessor's language: "0:12", "0:12–0:20", "p. 2", "image",
 * "response", with "· area" for a marked area. An image or a written response has no pages, so it is
 * named for what it is; without its kind (an old record) a page is said.
 */
export function anchorLabel(comment: Anchored, t: TFunction, kind?: EvidenceKind): string {
  if (comment.startMs !== null) {
    return comment.endMs !== null && comment.endMs > comment.startMs
      ? `${formatMediaTime(comment.startMs)}–${formatMediaTime(comment.endMs)}`
      : formatMediaTime(comment.startMs);
  }
  const place = kind === 'image' ? t('comments.anchor.image') : kind === 'text' ? t('comments.anchor.response') : t('comments.page', { page: comment.page ?? 1 });
  return comment.region ? `${place} · ${t('regions.area')}` : place;
}

/** The same place within a sentence: "at 0:12", "at p. 2", "on the image", "on the response". */
export function anchorPhrase(comment: Anchored, t: TFunction, kind?: EvidenceKind): string {
  if (comment.startMs === null && (kind === 'image' || kind === 'text')) {
    const place = t(kind === 'image' ? 'comments.anchor.theImage' : 'comments.anchor.theResponse');
    return t('comments.on', { place: comment.region ? `${place} · ${t('regions.area')}` : place });
  }
  return t('comments.at', { place: anchorLabel(comment, t, kind) });
}
