import './videojs-setup';
import videojs from 'video.js/dist/alt/video.core.js';
import 'video.js/dist/video-js.css';
import videojsSpanish from 'video.js/dist/lang/es.json';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceComment } from '../../../shared/domain/comment';
import type { EvidenceSummary } from '../../../shared/domain/submission';
import { CommentTimeline } from '../comments/CommentTimeline';
import type { MediaController } from './media-controller';
import { frameSeconds, mediaShortcuts, playbackRates } from './media-controller';
import { useShortcutHandlers } from '../keyboard/shortcut-registry';

videojs.addLanguage('es', videojsSpanish);
// Sentences video.js uses that its Spanish pack lacks.
videojs.addLanguage('es', { 'This is a modal window.': 'Esta es una ventana modal.' });

type Player = ReturnType<typeof videojs>;

interface Props {
  evidence: EvidenceSummary;
  /** Where the bytes (and captions) are read from (see useEvidenceUrls). */
  src: string;
  captionsSrc: string | null;
  /** The source stopped answering (a signed URL lapsed during a long pause): ask for a new one. */
  onSourceLapsed: () => void;
  comments: EvidenceComment[];
  /** Where to start: the last position in this session, or the one kept from before a restart. */
  startAt: () => number;
  onController: (controller: MediaController | null) => void;
  /** Called while playing and after seeks, so the position can be kept. */
  onPosition: (ms: number) => void;
  onPlayingChange: (playing: boolean) => void;
}

/** Video or audio evidence in video.js, with a marker on the progress bar for every comment. */
export function VideoViewer({ evidence, src, captionsSrc, onSourceLapsed, comments, startAt, onController, onPosition, onPlayingChange }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const hostRef = useRef<HTMLDivElement>(null);
  const [player, setPlayer] = useState<Player | null>(null);
  const [positionMs, setPositionMs] = useState(0);
  const [durationMs, setDurationMs] = useState(evidence.durationMs ?? 0);
  const lastRenewal = useRef(0);
  const controllerRef = useRef<MediaController | null>(null);
  useShortcutHandlers({
    onAction: (action) => {
      const act = mediaShortcuts[action];
      if (!act || !controllerRef.current) return false;
      act(controllerRef.current);
      return true;
    },
  });
  // Latest callbacks without re-creating the player.
  const callbacks = useRef({ onController, onPosition, onPlayingChange, startAt, onSourceLapsed });
  useLayoutEffect(() => {
    callbacks.current = { onController, onPosition, onPlayingChange, startAt, onSourceLapsed };
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const element = document.createElement(evidence.kind === 'audio' ? 'audio' : 'video');
    element.className = 'video-js vjs-default-skin';
    element.setAttribute('aria-label', evidence.title);
    host.appendChild(element);
    const created = videojs(element, {
      controls: true,
      preload: 'auto',
      fluid: false,
      playbackRates: [...playbackRates],
      language: i18n.language,
      userActions: { hotkeys: false, doubleClick: false },
      controlBar: { skipButtons: { forward: 10, backward: 10 }, pictureInPictureToggle: false },
      sources: [{ src, type: evidence.mimeType }],
    });
    if (captionsSrc) {
      created.addRemoteTextTrack({ kind: 'captions', src: captionsSrc, srclang: 'en', label: t('video.captions'), default: true }, false);
    }
    // A network error after playing once means the URL lapsed (a long pause): a new one reloads the
    // player where it was (startAt), at most once a minute so a real failure does not loop.
    let playedOnce = false;
    created.one('canplay', () => (playedOnce = true));
    created.on('error', () => {
      const code = created.error()?.code;
      if (playedOnce && (code === 2 || code === 4) && Date.now() - lastRenewal.current > 60_000) {
        lastRenewal.current = Date.now();
        callbacks.current.onSourceLapsed();
      }
    });
    const controller: MediaController = {
      evidenceId: evidence.id,
      currentMs: () => Math.round((created.currentTime() ?? 0) * 1000),
      durationMs: () => Math.round((created.duration() ?? 0) * 1000),
      seekMs: (ms) => {
        created.currentTime(ms / 1000);
      },
      playPause: () => {
        if (created.paused()) void created.play()?.catch(() => undefined);
        else created.pause();
      },
      pause: () => created.pause(),
      skipSeconds: (seconds) => {
        // Until video.js has read the duration it reports 0: do not clamp to that.
        const duration = created.duration() ?? 0;
        const end = Number.isFinite(duration) && duration > 0 ? duration : Number.POSITIVE_INFINITY;
        created.currentTime(Math.max(0, Math.min(end, (created.currentTime() ?? 0) + seconds)));
      },
      stepFrame: (direction) => {
        created.pause();
        created.currentTime(Math.max(0, (created.currentTime() ?? 0) + direction * frameSeconds));
      },
      changeRate: (direction) => {
        const index = playbackRates.indexOf(created.playbackRate() as (typeof playbackRates)[number]);
        const next = playbackRates[Math.max(0, Math.min(playbackRates.length - 1, (index < 0 ? 2 : index) + direction))]!;
        created.playbackRate(next);
      },
      toggleMute: () => {
        created.muted(!created.muted());
      },
      toggleFullscreen: () => {
        if (created.isFullscreen()) void created.exitFullscreen();
        else void created.requestFullscreen();
      },
    };
    controllerRef.current = controller;
    let lastReported = -1;
    const report = (): void => {
      const ms = controller.currentMs();
      if (Math.abs(ms - lastReported) >= 250) {
        lastReported = ms;
        setPositionMs(ms);
        callbacks.current.onPosition(ms);
      }
    };
    created.on('loadedmetadata', () => {
      setDurationMs(Math.round((created.duration() ?? 0) * 1000));
      const resumeMs = callbacks.current.startAt();
      if (resumeMs > 0) created.currentTime(resumeMs / 1000);
      host.dataset.ready = 'true'; // the player can seek (end-to-end tests wait for this)
    });
    created.on('timeupdate', report);
    created.on('seeked', report);
    created.on('play', () => callbacks.current.onPlayingChange(true));
    created.on('pause', () => callbacks.current.onPlayingChange(false));
    created.ready(() => {
      // Beside the seek slider, not inside it: buttons may not nest in a slider.
    });
    setPlayer(created);
    callbacks.current.onController(controller);
    return () => {
      callbacks.current.onController(null);
      controllerRef.current = null;
      callbacks.current.onPlayingChange(false);
      setPlayer(null);
      created.dispose();
    };
    // The player is rebuilt only for another evidence item; language changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [evidence.id, src]);

  useEffect(() => {
    player?.language(i18n.language);
  }, [player, i18n.language]);

  const timed = comments.filter((comment) => comment.evidenceId === evidence.id && comment.startMs !== null);
  return (
    <div className="video-viewer">
      <div ref={hostRef} className="video-host" data-evidence-id={evidence.id} />
      <CommentTimeline comments={timed} durationMs={durationMs} positionMs={positionMs} onSeek={(ms) => player?.currentTime(ms / 1000)} />
    </div>
  );
}
