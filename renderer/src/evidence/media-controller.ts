import type { ShortcutAction } from '../../../shared/keyboard/keymap';

/** What the workspace (shortcuts, comments) can ask of the playing video or audio. */
export interface MediaController {
  evidenceId: string;
  currentMs(): number;
  durationMs(): number;
  seekMs(ms: number): void;
  playPause(): void;
  pause(): void;
  skipSeconds(seconds: number): void;
  stepFrame(direction: 1 | -1): void;
  changeRate(direction: 1 | -1): void;
  toggleMute(): void;
  toggleFullscreen(): void;
}

export const playbackRates = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

/** Demo and most classroom recordings are 25–30 fps; one step moves by about one frame. */
export const frameSeconds = 1 / 30;

/** The shortcuts the playing recording answers itself. */
export const mediaShortcuts: Partial<Record<ShortcutAction, (target: MediaController) => void>> = {
  playPause: (target) => target.playPause(),
  back10: (target) => target.skipSeconds(-10),
  forward10: (target) => target.skipSeconds(10),
  back5: (target) => target.skipSeconds(-5),
  forward5: (target) => target.skipSeconds(5),
  previousFrame: (target) => target.stepFrame(-1),
  nextFrame: (target) => target.stepFrame(1),
  slower: (target) => target.changeRate(-1),
  faster: (target) => target.changeRate(1),
  toggleMute: (target) => target.toggleMute(),
  toggleFullscreen: (target) => target.toggleFullscreen(),
};
