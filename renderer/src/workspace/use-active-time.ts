import { useEffect, useRef } from 'react';
import { useContractMutation } from '../data/contract-mutation';
import { addActiveTime } from './mutations';

/** Without input for this long, the assessor is idle (unless evidence is playing). */
const idleAfterMs = 60_000;
const reportEveryMs = 10_000;

/**
 * Time on task: counts only while the page is visible and the assessor is active (recent input,
 * or evidence playing), and reports it to core in slices so a crash loses at most one slice; the
 * submission shows the total core answers with.
 */
export function useActiveTime(submissionId: string, playing: boolean, enabled: boolean): void {
  const { mutate: add } = useContractMutation(addActiveTime);
  const playingRef = useRef(playing);
  useEffect(() => {
    playingRef.current = playing;
  });

  useEffect(() => {
    if (!enabled) return;
    let lastInput = performance.now();
    let lastTick = performance.now();
    let unreported = 0;
    // Kept here, not read from the document: by the time "hidden" is heard the document already
    // says so, and the time up to that moment was still time on task.
    let visible = document.visibilityState === 'visible';
    const active = (): boolean => visible && (playingRef.current || performance.now() - lastInput < idleAfterMs);
    const tick = (): void => {
      const now = performance.now();
      if (active()) unreported += now - lastTick;
      lastTick = now;
    };
    const report = (): void => {
      tick();
      const ms = Math.round(unreported);
      if (ms < 1) return;
      unreported = 0;
      add({ submissionId, ms: Math.min(ms, 10 * 60 * 1000) });
    };
    const onInput = (): void => {
      tick();
      lastInput = performance.now();
    };
    const onVisibility = (): void => {
      tick();
      visible = document.visibilityState === 'visible';
      if (!visible) report();
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, onInput, { passive: true, capture: true });
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', report);
    const timer = setInterval(report, reportEveryMs);
    return () => {
      report();
      clearInterval(timer);
      for (const name of events) window.removeEventListener(name, onInput, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', report);
    };
  }, [add, submissionId, enabled]);
}
