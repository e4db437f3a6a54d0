import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceComment } from '../../../shared/domain/comment';
import { EvidencePane } from '../evidence/EvidencePane';
import type { MediaController } from '../evidence/media-controller';
import { useShortcutDispatch, useShortcutHandlers } from '../keyboard/shortcut-registry';
import { useSubmission } from '../submission/use-submission';
import type { EvidenceLink } from './channel';
import { openEvidenceSide } from './channel';
import { evidenceActions } from './messages';
import type { FromEvidenceWindow, ToEvidenceWindow } from './messages';
import { helloEveryMs } from './use-evidence-window';

type Shown = Extract<ToEvidenceWindow, { type: 'show' }>;

/**
 * The evidence alone, in a second window for a second monitor, paired with the scoring window that
 * opened it by the pair id in its address. Without one (an address typed or kept from before) it
 * is linked to no scoring window and says so: it cannot tell which one is its own.
 */
export function EvidenceWindow({ pair }: { pair: string | null }): React.JSX.Element {
  const { t } = useTranslation();
  if (!pair) {
    return (
      <main className="evidence-window">
        <p role="alert" className="hint choose-hint">
          {t('evidenceWindow.unpaired')}
        </p>
      </main>
    );
  }
  return <PairedEvidenceWindow pair={pair} />;
}

/**
 * The scoring window decides what this one shows (submission, evidence, page, moment) and keeps the
 * rubric, the feed and the keyboard; this window plays the evidence, tells the scoring window where
 * playback is, and passes on what the assessor does here (keys, a new comment, a marked area), each
 * naming the submission shown here. Comments come from core, so both show them.
 */
function PairedEvidenceWindow({ pair }: { pair: string }): React.JSX.Element {
  const { t } = useTranslation();
  const [link] = useState<EvidenceLink>(() => openEvidenceSide(pair));
  const [shown, setShown] = useState<Shown | null>(null);
  const [comments, setComments] = useState<Extract<ToEvidenceWindow, { type: 'comments' }> | null>(null);
  const [pages, setPages] = useState<Record<string, number>>({});
  const media = useRef<MediaController | null>(null);
  /** A seek to evidence this window has not loaded yet: its player starts there. */
  const pendingSeek = useRef<{ evidenceId: string; ms: number } | null>(null);
  const playing = useRef(false);
  const dispatch = useShortcutDispatch();
  const latest = useRef({ dispatch });
  useLayoutEffect(() => {
    latest.current = { dispatch };
  });

  useEffect(() => {
    document.title = t('evidenceWindow.title');
    link.post({ type: 'hello' });
    const hello = setInterval(() => link.post({ type: 'hello' }), helloEveryMs);
    const bye = (): void => link.post({ type: 'bye' });
    window.addEventListener('pagehide', bye);
    const stop = link.subscribe((message) => {
      if (message.type === 'show') {
        setShown(message);
        if (message.evidenceId) setPages((current) => ({ ...current, [message.evidenceId!]: message.page }));
      } else if (message.type === 'comments') setComments(message);
      else if (message.type === 'action') latest.current.dispatch.onAction(message.action);
      else if (message.type === 'seek') {
        if (media.current?.evidenceId === message.evidenceId) media.current.seekMs(message.ms);
        else pendingSeek.current = { evidenceId: message.evidenceId, ms: message.ms };
      }
      else if (message.type === 'pause') media.current?.pause();
      else if (message.type === 'close') window.close();
    });
    return () => {
      clearInterval(hello);
      window.removeEventListener('pagehide', bye);
      stop();
    };
  }, [link, t]);

  // Keys nothing here answers (scoring, comments, decisions) are the scoring window's, for the
  // submission shown here; with none shown they have nothing to act on.
  const submissionId = shown?.submissionId ?? null;
  useShortcutHandlers({
    onAction: (action) => {
      if (evidenceActions.has(action) || !submissionId) return false;
      link.post({ type: 'action', submissionId, action });
      return true;
    },
    onScoreLevel: (level) => {
      if (!submissionId) return false;
      link.post({ type: 'score', submissionId, level });
      return true;
    },
  });

  return (
    <main className="evidence-window">
      <header className="evidence-window-header">
        <h1>{t('evidenceWindow.heading')}</h1>
        <button type="button" className="header-button" onClick={() => window.close()}>
          {t('evidenceWindow.backToOne')}
        </button>
      </header>
      {shown && submissionId ? (
        <ShownSubmission
          key={submissionId}
          submissionId={submissionId}
          shown={shown}
          comments={comments?.submissionId === shown.submissionId ? comments.comments : null}
          pages={pages}
          onPage={(evidenceId, page) => {
            setPages((current) => ({ ...current, [evidenceId]: page }));
            link.post({ type: 'page', submissionId, evidenceId, page });
          }}
          onController={(controller) => {
            media.current = controller;
          }}
          onPlayingChange={(now) => {
            playing.current = now;
            if (media.current) link.post({ type: 'position', submissionId, evidenceId: media.current.evidenceId, ms: media.current.currentMs(), playing: now });
          }}
          post={link.post}
          isPlaying={() => playing.current}
          startAt={(evidenceId) => {
            const pending = pendingSeek.current;
            if (pending?.evidenceId === evidenceId) {
              pendingSeek.current = null;
              return pending.ms;
            }
            return evidenceId === shown.evidenceId ? shown.atMs : 0;
          }}
        />
      ) : (
        <p className="hint choose-hint">{t('evidenceWindow.waiting')}</p>
      )}
    </main>
  );
}

interface ShownProps {
  submissionId: string;
  shown: Shown;
  /** As the scoring window shows them; until it says, as core has them. */
  comments: EvidenceComment[] | null;
  pages: Record<string, number>;
  onPage: (evidenceId: string, page: number) => void;
  onController: (controller: MediaController | null) => void;
  onPlayingChange: (playing: boolean) => void;
  post: (message: FromEvidenceWindow) => void;
  isPlaying: () => boolean;
  startAt: (evidenceId: string) => number;
}

function ShownSubmission({ submissionId, shown, comments, pages, onPage, onController, onPlayingChange, post, isPlaying, startAt }: ShownProps): React.JSX.Element {
  const { t } = useTranslation();
  const [loaded] = useSubmission(submissionId);
  if (loaded.state !== 'ready') return <p aria-busy="true">{t('app.loading')}</p>;
  const detail = loaded.value;
  const readOnly = detail.decision !== null || detail.mode === 'review';
  return (
    <div className="evidence-window-body">
      <EvidencePane
        evidence={detail.evidence}
        comments={comments ?? detail.comments}
        selectedId={shown.evidenceId ?? detail.evidence[0]?.id ?? ''}
        pages={pages}
        startAt={startAt}
        markInMs={null}
        readOnly={readOnly}
        onSelect={(evidenceId) => post({ type: 'select', submissionId, evidenceId })}
        onPage={onPage}
        onController={onController}
        onPosition={(evidenceId, ms) => post({ type: 'position', submissionId, evidenceId, ms, playing: isPlaying() })}
        onPlayingChange={onPlayingChange}
        onAddComment={() => post({ type: 'addComment', submissionId })}
        onRegionComment={(region) => post({ type: 'regionComment', submissionId, region })}
        currentCommentId={null}
        onPickComment={(comment) => post({ type: 'pick', submissionId, commentId: comment.id })}
      />
    </div>
  );
}
