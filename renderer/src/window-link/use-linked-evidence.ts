import { useEffect, useLayoutEffect, useRef } from 'react';
import type { CommentRegion, EvidenceComment } from '../../../shared/domain/comment';
import type { EvidenceSummary } from '../../../shared/domain/submission';
import type { MediaController } from '../evidence/media-controller';
import { useShortcutDispatch, useShortcutHandlers } from '../keyboard/shortcut-registry';
import { actsOnOpenSubmission, evidenceActions } from './messages';
import { remoteMediaController } from './remote-media';
import { useEvidenceWindow } from './use-evidence-window';

interface Options {
  submissionId: string;
  /** The submission's comments as shown here: the other window shows the same. */
  comments: readonly EvidenceComment[] | null;
  /** The evidence shown (in this window or the other). */
  selected: EvidenceSummary | null;
  page: number;
  /** Where each recording was last seen playing: what the other window starts from. */
  positionOf: (evidenceId: string) => number;
  onPosition: (evidenceId: string, ms: number, playing: boolean) => void;
  onSelect: (evidenceId: string) => void;
  onPage: (evidenceId: string, page: number) => void;
  onAddComment: () => void;
  onRegionComment: (region: CommentRegion) => void;
  onPick: (commentId: string) => void;
}

export interface LinkedEvidence {
  /** True while the evidence is in the other window. */
  linked: boolean;
  /** The recording in the other window, while linked and a recording is shown. */
  remote: MediaController | null;
  /** Plays that recording in the other window from `ms` (switching to it first if need be). */
  seek: (evidenceId: string, ms: number) => void;
  openWindow: () => void;
  bringBack: () => void;
}

/**
 * The scoring window's side of a second evidence window, for one open submission: tells the other
 * window what to show, sends it the evidence keys pressed here, and takes in what happens there.
 */
export function useLinkedEvidence(options: Options): LinkedEvidence {
  const evidenceWindow = useEvidenceWindow();
  const link = evidenceWindow?.link ?? null;
  const linked = evidenceWindow?.open ?? false;
  const dispatch = useShortcutDispatch();
  const latest = useRef({ options, dispatch });
  useLayoutEffect(() => {
    latest.current = { options, dispatch };
  });

  const { submissionId, selected, page, comments } = options;
  const show = (): void => {
    const { selected: shown, page: shownPage, positionOf, comments: shownComments } = latest.current.options;
    link?.post({ type: 'show', submissionId, evidenceId: shown?.id ?? null, page: shownPage, atMs: shown ? positionOf(shown.id) : 0 });
    if (shownComments) link?.post({ type: 'comments', submissionId, comments: [...shownComments] });
  };
  useEffect(() => {
    if (linked && comments) link?.post({ type: 'comments', submissionId, comments: [...comments] });
  }, [link, linked, submissionId, comments]);
  useEffect(() => {
    if (linked) show();
    // `show` reads the latest options; it is sent again when what is shown changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linked, submissionId, selected?.id, page]);
  useEffect(() => {
    if (!link) return;
    const stop = link.subscribe((message) => {
      if (!actsOnOpenSubmission(message, submissionId)) return;
      const { options: current, dispatch: run } = latest.current;
      switch (message.type) {
        case 'hello':
          return show(); // a window opened (or reloaded) since: it learns what to show
        case 'position':
          return current.onPosition(message.evidenceId, message.ms, message.playing);
        case 'select':
          return current.onSelect(message.evidenceId);
        case 'page':
          return current.onPage(message.evidenceId, message.page);
        case 'addComment':
          return current.onAddComment();
        case 'regionComment':
          return current.onRegionComment(message.region);
        case 'pick':
          return current.onPick(message.commentId);
        case 'action':
          run.onAction(message.action);
          return;
        case 'score':
          run.onScoreLevel(message.level);
          return;
        case 'bye':
          return;
      }
    });
    return () => {
      stop();
      link.post({ type: 'show', submissionId: null, evidenceId: null, page: 1, atMs: 0 });
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [link, submissionId]);

  // The evidence keys pressed here go to the window that shows the evidence.
  useShortcutHandlers({
    onAction: (action) => {
      if (!linked || !evidenceActions.has(action)) return false;
      link?.post({ type: 'action', action });
      return true;
    },
  });

  const timed = selected && (selected.kind === 'video' || selected.kind === 'audio') ? selected : null;
  return {
    linked,
    remote: linked && link && timed ? remoteMediaController(timed.id, timed.durationMs ?? 0, () => options.positionOf(timed.id), link.post) : null,
    seek: (evidenceId, ms) => link?.post({ type: 'seek', evidenceId, ms }),
    openWindow: () => evidenceWindow?.openWindow(),
    bringBack: () => evidenceWindow?.bringBack(),
  };
}
