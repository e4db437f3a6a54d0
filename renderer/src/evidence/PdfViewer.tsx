import * as pdfjs from 'pdfjs-dist';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcutHandlers } from '../keyboard/shortcut-registry';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

const zoomSteps = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
/** The scroller's padding on each side (see .pdf-scroller). */
const scrollerPadding = 16;

interface Props {
  /** Where the document is read from (see useEvidenceUrls). */
  src: string;
  page: number;
  onPage: (page: number) => void;
  /** Passages quoted by comments on this page: highlighted in the text. */
  quotes: string[];
  /** Drawn over the page, in its coordinates: the regions comments marked on it. */
  overlay: React.ReactNode;
}

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** Marks the text-layer spans that hold any of `quotes` (matched across spans, ignoring spacing and case). */
function highlightQuotes(container: HTMLElement, quotes: readonly string[]): void {
  const spans = [...container.querySelectorAll<HTMLElement>('span:not(.markedContent)')];
  let text = '';
  const owners: HTMLElement[] = [];
  for (const span of spans) {
    const piece = normalise(span.textContent ?? '');
    if (!piece) continue;
    text += `${piece} `;
    while (owners.length < text.length) owners.push(span);
  }
  for (const quote of quotes.map(normalise).filter(Boolean)) {
    for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + quote.length)) {
      for (let index = at; index < at + quote.length; index++) owners[index]?.classList.add('quoted');
    }
  }
}

/**
 * A PDF (student work, lesson plans) opened at the width of its pane, with page navigation, zoom,
 * selectable text for quoting, and the passages comments quote highlighted.
 */
export function PdfViewer({ src, page, onPage, quotes, overlay }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [document, setDocument] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  /** 'fit': the page as wide as the pane (the default); otherwise a scale. */
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  /** The scale the page is drawn at; null until the first page is drawn. */
  const [scale, setScale] = useState<number | null>(null);
  const [paneWidth, setPaneWidth] = useState(0);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const quoteKey = quotes.join('\u0000');

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const observer = new ResizeObserver(() => setPaneWidth(scroller.clientWidth));
    observer.observe(scroller);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    let cancelled = false;
    // No eval (our CSP forbids it); fonts are drawn from their outlines instead.
    const task = pdfjs.getDocument({ url: src, isEvalSupported: false });
    task.promise.then(
      (loaded) => {
        if (!cancelled) setDocument(loaded);
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
      void task.destroy().catch(() => undefined);
    };
  }, [src]);

  useEffect(() => {
    // Fit-width needs the pane's width: wait for the first measurement rather than draw a thumbnail.
    if (!document || (zoom === 'fit' && paneWidth === 0)) return;
    let renderTask: RenderTask | null = null;
    let textLayer: pdfjs.TextLayer | null = null;
    let cancelled = false;
    // The document may be destroyed while its page is asked for (another item chosen): that is no failure.
    void document.getPage(Math.min(page, document.numPages)).then(async (pdfPage) => {
      if (cancelled || !canvasRef.current || !textRef.current || !pageRef.current) return;
      const fitted = zoom === 'fit' ? Math.max(0.25, (paneWidth - 2 * scrollerPadding) / pdfPage.getViewport({ scale: 1 }).width) : zoom;
      setScale(fitted);
      const viewport = pdfPage.getViewport({ scale: fitted });
      const ratio = window.devicePixelRatio || 1;
      const canvas = canvasRef.current;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${viewport.width}px`;
      canvas.style.height = `${viewport.height}px`;
      pageRef.current.style.setProperty('--scale-factor', String(fitted));
      pageRef.current.style.setProperty('--total-scale-factor', String(fitted));
      pageRef.current.style.width = `${viewport.width}px`;
      pageRef.current.style.height = `${viewport.height}px`;
      renderTask = pdfPage.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      textRef.current.replaceChildren();
      textLayer = new pdfjs.TextLayer({ textContentSource: pdfPage.streamTextContent(), container: textRef.current, viewport });
      await Promise.all([renderTask.promise, textLayer.render()]).catch(() => undefined);
      if (!cancelled && textRef.current) highlightQuotes(textRef.current, quoteKey ? quoteKey.split('\u0000') : []);
    }, () => {
      if (!cancelled) setFailed(true);
    });
    return () => {
      cancelled = true;
      renderTask?.cancel();
      textLayer?.cancel();
    };
  }, [document, page, zoom, paneWidth, quoteKey]);

  const pages = document?.numPages ?? 1;
  /** The next step up or down from the scale shown now (fit-width included). */
  const zoomStep = (direction: 1 | -1): void => {
    if (scale === null) return;
    const next = direction > 0 ? zoomSteps.find((step) => step > scale + 0.01) : [...zoomSteps].reverse().find((step) => step < scale - 0.01);
    if (next) setZoom(next);
  };
  useShortcutHandlers({
    onAction: (action) => {
      if (action === 'zoomIn') zoomStep(1);
      else if (action === 'zoomOut') zoomStep(-1);
      else if (action === 'previousPage') onPage(Math.max(1, page - 1));
      else if (action === 'nextPage') onPage(Math.min(pages, page + 1));
      else return false;
      return true;
    },
  });

  if (failed) return <p role="alert">{t('pdf.failed')}</p>;
  return (
    <div className="pdf-viewer">
      <div className="viewer-toolbar" role="toolbar" aria-label={t('pdf.toolbar')}>
        <button type="button" onClick={() => onPage(Math.max(1, page - 1))} disabled={page <= 1}>
          {t('pdf.previousPage')}
        </button>
        <label>
          {t('pdf.page')}{' '}
          <input
            type="number"
            min={1}
            max={pages}
            value={page}
            onChange={(event) => {
              const value = Number(event.target.value);
              if (Number.isInteger(value) && value >= 1 && value <= pages) onPage(value);
            }}
          />
        </label>
        <span>{t('pdf.ofPages', { count: pages })}</span>
        <button type="button" onClick={() => onPage(Math.min(pages, page + 1))} disabled={page >= pages}>
          {t('pdf.nextPage')}
        </button>
        <button type="button" onClick={() => zoomStep(-1)} disabled={scale === null || scale <= zoomSteps[0]! + 0.01} aria-label={t('zoom.out')}>
          −
        </button>
        <span aria-live="polite">{scale === null ? '' : t('zoom.level', { percent: Math.round(scale * 100) })}</span>
        <button type="button" onClick={() => zoomStep(1)} disabled={scale === null || scale >= zoomSteps.at(-1)! - 0.01} aria-label={t('zoom.in')}>
          +
        </button>
        <button type="button" aria-pressed={zoom === 'fit'} onClick={() => setZoom('fit')}>
          {t('zoom.fitWidth')}
        </button>
      </div>
      <div ref={scrollerRef} className="pdf-scroller" tabIndex={0} aria-label={t('pdf.pageLabel', { page, count: pages })}>
        <div ref={pageRef} className="pdf-page">
          <canvas ref={canvasRef} aria-hidden="true" />
          <div ref={textRef} className="textLayer" />
          {overlay}
        </div>
      </div>
    </div>
  );
}
