import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  ratio: number;
  onRatio: (ratio: number, done: boolean) => void;
  left: React.ReactNode;
  right: React.ReactNode;
}

const clamp = (value: number): number => Math.min(0.8, Math.max(0.2, value));

/** Evidence | rubric, with a separator that can be dragged or moved with the arrow keys. */
export function SplitPane({ ratio, onRatio, left, right }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  return (
    // Each side keeps a usable width however far the separator goes: the player its controls, the rubric its cells.
    <div ref={container} className="split" style={{ gridTemplateColumns: `minmax(24rem, ${ratio}fr) auto minmax(20rem, ${1 - ratio}fr)` }}>
      <div className="split-side split-left">{left}</div>
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={t('workspace.resize')}
        aria-valuemin={20}
        aria-valuemax={80}
        aria-valuenow={Math.round(ratio * 100)}
        tabIndex={0}
        className="split-handle"
        data-local-keys="ArrowLeft ArrowRight"
        onPointerDown={(event) => {
          dragging.current = true;
          event.currentTarget.setPointerCapture(event.pointerId);
        }}
        onPointerMove={(event) => {
          const box = container.current?.getBoundingClientRect();
          if (dragging.current && box) onRatio(clamp((event.clientX - box.left) / box.width), false);
        }}
        onPointerUp={() => {
          dragging.current = false;
          onRatio(ratio, true);
        }}
        onKeyDown={(event) => {
          const step = event.key === 'ArrowLeft' ? -0.05 : event.key === 'ArrowRight' ? 0.05 : 0;
          if (step === 0) return;
          event.preventDefault();
          onRatio(clamp(ratio + step), true);
        }}
      />
      <div className="split-side split-right">{right}</div>
    </div>
  );
}
