import type { MediaController } from '../evidence/media-controller';
import type { ToEvidenceWindow } from './messages';

/**
 * The recording playing in the evidence window, as the scoring window's comments and transcript
 * see it: the time is the last one reported (at most a quarter of a second old while playing,
 * exact once paused); commands go over the link.
 */
export function remoteMediaController(evidenceId: string, durationMs: number, positionMs: () => number, post: (message: ToEvidenceWindow) => void): MediaController {
  const act = (action: Extract<ToEvidenceWindow, { type: 'action' }>['action']) => () => post({ type: 'action', action });
  return {
    evidenceId,
    currentMs: positionMs,
    durationMs: () => durationMs,
    seekMs: (ms) => post({ type: 'seek', evidenceId, ms: Math.max(0, Math.round(ms)) }),
    playPause: act('playPause'),
    pause: () => post({ type: 'pause' }),
    skipSeconds: (seconds) => post({ type: 'action', action: seconds < 0 ? (seconds <= -10 ? 'back10' : 'back5') : seconds >= 10 ? 'forward10' : 'forward5' }),
    stepFrame: (direction) => post({ type: 'action', action: direction < 0 ? 'previousFrame' : 'nextFrame' }),
    changeRate: (direction) => post({ type: 'action', action: direction < 0 ? 'slower' : 'faster' }),
    toggleMute: act('toggleMute'),
    toggleFullscreen: act('toggleFullscreen'),
  };
}
