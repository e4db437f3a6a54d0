import type { CommentRegion, EvidenceComment } from '../../../shared/domain/comment';
import type { EvidenceSummary } from '../../../shared/domain/submission';
import { withoutHiddenControls } from '../../../shared/domain/text';
import { isTimed } from '../evidence/EvidencePane';
import type { MediaController } from '../evidence/media-controller';

export interface NewCommentAt {
  range?: { startMs: number; endMs: number };
  quote?: string;
  region?: CommentRegion;
  /** The criterion it is about, when the assessor said (the checklist's "Cite"). */
  aboutCriterionId?: string;
}

export interface CommentContext {
  /** Null while nothing can be commented on (read only, or no evidence). */
  selected: EvidenceSummary | null;
  page: number;
  /** The recording playing, here or in the evidence window. */
  mediaNow: () => MediaController | null;
  criterionOf: (askedFor?: string) => string | null;
  /** The comment is shown and saved; its editor opens. */
  onStarted: (comment: EvidenceComment) => void;
}

/** A passage quoted from the candidate keeps what shows of it (see withoutHiddenControls). */
const quoted = (text: string): string | null => withoutHiddenControls(text).replace(/\s+/g, ' ').trim().slice(0, 2000) || null;

/**
 * Opens a new comment at the current moment (pausing), at a marked range, or on the current page
 * with a drawn region or else any selected passage; false when there is nothing to comment on.
 */
export function startComment({ selected, page, mediaNow, criterionOf, onStarted }: CommentContext, { range, quote, region, aboutCriterionId }: NewCommentAt = {}): boolean {
  if (!selected) return false;
  const about = criterionOf(aboutCriterionId);
  const base = { id: crypto.randomUUID(), evidenceId: selected.id, body: '', tag: 'note' as const, visibility: 'candidate' as const, criterionIds: about ? [about] : [] };
  if (isTimed(selected)) {
    const controller = mediaNow();
    if (!controller) return false;
    controller.pause();
    const now = controller.currentMs();
    onStarted({ ...base, startMs: range?.startMs ?? now, endMs: range?.endMs ?? null, page: null, quote: quote ? (withoutHiddenControls(quote).slice(0, 2000) || null) : null, region: null });
  } else {
    const selection = region ? null : quoted(window.getSelection()?.toString() ?? '');
    onStarted({ ...base, startMs: null, endMs: null, page: selected.kind === 'document' ? page : 1, quote: selection, region: region ?? null });
  }
  return true;
}
