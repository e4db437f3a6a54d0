import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceSummary } from '../../../shared/domain/submission';
import { useShortcutHandlers } from '../keyboard/shortcut-registry';

const minZoom = 0.25;
const maxZoom = 6;

interface Props {
  evidence: EvidenceSummary;
  src: string;
  /** Drawn over the image, in its coordinates (zoomed and panned with it): the comments' regions. */
  overlay: React.ReactNode;
}

/** An image with zoom (buttons, wheel, + and −) and pan (drag, or arrow keys while focused). */
export function ImageViewer({ evidence, src, overlay }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [zoom, setZoom] = useState(1);
  const [offset, setOffset] = useState({ x: 0, y: 0 });
  const drag = useRef<{ x: number; y: number } | null>(null);
  const zoomBy = (factor: number): void => setZoom((current) => Math.min(maxZoom, Math.max(minZoom, current * factor)));
  useShortcutHandlers({
    onAction: (action) => {
      if (action === 'zoomIn') zoomBy(1.25);
      else if (action === 'zoomOut') zoomBy(0.8);
      else return false;
      return true;
    },
  });
  const reset = (): void => {
    setZoom(1);
    setOffset({ x: 0, y: 0 });
  };

  const onKeyDown = (event: React.KeyboardEvent): void => {
    const pans: Record<string, [number, number]> = { ArrowLeft: [40, 0], ArrowRight: [-40, 0], ArrowUp: [0, 40], ArrowDown: [0, -40] };
    const pan = pans[event.key];
    if (pan) {
      event.preventDefault();
      setOffset((current) => ({ x: current.x + pan[0], y: current.y + pan[1] }));
    } else if (event.key === '+' || event.key === '=') {
      event.preventDefault();
      zoomBy(1.25);
    } else if (event.key === '-') {
      event.preventDefault();
      zoomBy(0.8);
    }
  };

  return (
    <div className="image-viewer">
      <div className="viewer-toolbar" role="toolbar" aria-label={t('image.toolbar')}>
        <button type="button" onClick={() => zoomBy(0.8)} aria-label={t('zoom.out')}>
          −
        </button>
        <span aria-live="polite">{t('zoom.level', { percent: Math.round(zoom * 100) })}</span>
        <button type="button" onClick={() => zoomBy(1.25)} aria-label={t('zoom.in')}>
          +
        </button>
        <button type="button" onClick={reset}>
          {t('zoom.reset')}
        </button>
      </div>
      <div
        className="image-stage"
        data-local-keys="ArrowLeft ArrowRight ArrowUp ArrowDown + = -"
        tabIndex={0}
        role="group"
        aria-label={t('image.stage', { title: evidence.title })}
        onKeyDown={onKeyDown}
        onWheel={(event) => zoomBy(event.deltaY < 0 ? 1.1 : 0.9)}
        onPointerDown={(event) => {
          drag.current = { x: event.clientX - offset.x, y: event.clientY - offset.y };
          event.currentTarget.setPointerCapture(event.pointerId);
        }}
        onPointerMove={(event) => {
          if (drag.current) setOffset({ x: event.clientX - drag.current.x, y: event.clientY - drag.current.y });
        }}
        onPointerUp={() => {
          drag.current = null;
        }}
      >
        <div className="image-canvas" style={{ transform: `translate(${offset.x}px, ${offset.y}px) scale(${zoom})` }}>
          <img src={src} alt={evidence.title} draggable={false} />
          {overlay}
        </div>
      </div>
    </div>
  );
}
