import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentRegion, CommentTag } from '../../../shared/domain/comment';

export interface MarkedRegion {
  commentId: string;
  region: CommentRegion;
  tag: CommentTag;
  /** Read out for the region's button ("Comment on p. 1: …"). */
  label: string;
}

interface Props {
  regions: readonly MarkedRegion[];
  /** True while the assessor marks a new region: dragging draws instead of panning or selecting text. */
  drawing: boolean;
  /** The comment being edited or picked: its region stands out. */
  currentId: string | null;
  onDrawn: (region: CommentRegion) => void;
  onPick: (commentId: string) => void;
  onCancel: () => void;
}

/** Regions smaller than this (a click, a slip) are not a region. */
const smallestSide = 0.01;
const clamp = (value: number): number => Math.min(1, Math.max(0, value));
const round = (value: number): number => Math.round(value * 10_000) / 10_000;

/** The rectangle between two points, in fractions of the layer. */
function between(from: { x: number; y: number }, to: { x: number; y: number }): CommentRegion {
  const x = Math.min(from.x, to.x);
  const y = Math.min(from.y, to.y);
  return { x: round(x), y: round(y), width: round(Math.abs(to.x - from.x)), height: round(Math.abs(to.y - from.y)) };
}

/** The part of the layer its scrolling or clipping viewer shows now: what "Enter" marks from the keyboard. */
function regionInView(layer: HTMLElement): CommentRegion | null {
  const box = layer.getBoundingClientRect();
  const view = (layer.closest('.image-stage, .pdf-scroller') ?? layer).getBoundingClientRect();
  const left = clamp((Math.max(box.left, view.left) - box.left) / box.width);
  const top = clamp((Math.max(box.top, view.top) - box.top) / box.height);
  const right = clamp((Math.min(box.right, view.right) - box.left) / box.width);
  const bottom = clamp((Math.min(box.bottom, view.bottom) - box.top) / box.height);
  if (right - left < smallestSide || bottom - top < smallestSide) return null;
  return between({ x: left, y: top }, { x: right, y: bottom });
}

const placed = (region: CommentRegion): React.CSSProperties => ({
  left: `${region.x * 100}%`,
  top: `${region.y * 100}%`,
  width: `${region.width * 100}%`,
  height: `${region.height * 100}%`,
});

/**
 * Over an image or a PDF page: the regions comments marked (each a button that finds its comment) and,
 * while drawing, a rectangle dragged out with the pointer (or, from the keyboard, Enter for what is in view).
 * Kept in the image's own coordinates, so zoom and pan move the regions with it.
 */
export function RegionLayer({ regions, drawing, currentId, onDrawn, onPick, onCancel }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const layer = useRef<HTMLDivElement>(null);
  const start = useRef<{ x: number; y: number } | null>(null);
  const [draft, setDraft] = useState<CommentRegion | null>(null);

  useEffect(() => {
    if (drawing) layer.current?.focus({ preventScroll: true });
  }, [drawing]);

  const pointAt = (event: React.PointerEvent): { x: number; y: number } => {
    const box = layer.current!.getBoundingClientRect();
    return { x: clamp((event.clientX - box.left) / box.width), y: clamp((event.clientY - box.top) / box.height) };
  };

  return (
    <div
      ref={layer}
      className={`region-layer${drawing ? ' drawing' : ''}`}
      role={drawing ? 'application' : undefined}
      aria-label={drawing ? t('regions.drawing') : undefined}
      tabIndex={drawing ? 0 : -1}
      onPointerDown={(event) => {
        if (!drawing || event.button !== 0) return;
        // The viewer beneath pans on drag; here the drag draws.
        event.stopPropagation();
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        start.current = pointAt(event);
        setDraft(null);
      }}
      onPointerMove={(event) => {
        if (start.current) setDraft(between(start.current, pointAt(event)));
      }}
      onPointerUp={(event) => {
        if (!start.current) return;
        const region = between(start.current, pointAt(event));
        start.current = null;
        setDraft(null);
        if (region.width >= smallestSide && region.height >= smallestSide) onDrawn(region);
      }}
      onKeyDown={(event) => {
        if (!drawing) return;
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        } else if (event.key === 'Enter') {
          event.preventDefault();
          event.stopPropagation();
          const region = layer.current && regionInView(layer.current);
          if (region) onDrawn(region);
        }
      }}
    >
      {regions.map((marked) => (
        <button
          key={marked.commentId}
          type="button"
          className={`region tag-${marked.tag}${marked.commentId === currentId ? ' current' : ''}`}
          style={placed(marked.region)}
          aria-label={marked.label}
          title={marked.label}
          tabIndex={drawing ? -1 : 0}
          onPointerDown={(event) => event.stopPropagation()}
          onClick={() => onPick(marked.commentId)}
        />
      ))}
      {drawing && draft && <div className="region draft" style={placed(draft)} aria-hidden="true" />}
    </div>
  );
}
