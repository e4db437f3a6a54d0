import * as pdfjs from 'pdfjs-dist';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

const zoomSteps = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

interface Props {
  /** Where the document is read from (see useEvidenceUrls). */
  src: string;
  page: number;
  onPage: (page: number) => void;
}

/** A PDF (student work, lesson plans) with page navigation, zoom and selectable text for quoting. */
export function PdfViewer({ src, page, onPage }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [document, setDocument] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  const [zoom, setZoom] = useState(1.25);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);

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
      void task.destroy();
    };
  }, [src]);

  useEffect(() => {
    if (!document) return;
    let renderTask: RenderTask | null = null;
    let textLayer: pdfjs.TextLayer | null = null;
    let cancelled = false;
    void document.getPage(Math.min(page, document.numPages)).then(async (pdfPage) => {
      if (cancelled || !canvasRef.current || !textRef.current || !pageRef.current) return;
      const viewport = pdfPage.getViewport({ scale: zoom });
      const ratio = window.devicePixelRatio || 1;
      const canvas = canvasRef.current;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${viewport.width}px`;
      canvas.style.height = `${viewport.height}px`;
      pageRef.current.style.setProperty('--scale-factor', String(zoom));
      pageRef.current.style.setProperty('--total-scale-factor', String(zoom));
      pageRef.current.style.width = `${viewport.width}px`;
      pageRef.current.style.height = `${viewport.height}px`;
      renderTask = pdfPage.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      textRef.current.replaceChildren();
      textLayer = new pdfjs.TextLayer({ textContentSource: pdfPage.streamTextContent(), container: textRef.current, viewport });
      await Promise.all([renderTask.promise, textLayer.render()]).catch(() => undefined);
    });
    return () => {
      cancelled = true;
      renderTask?.cancel();
      textLayer?.cancel();
    };
  }, [document, page, zoom]);

  if (failed) return <p role="alert">{t('pdf.failed')}</p>;
  const pages = document?.numPages ?? 1;
  const zoomIndex = zoomSteps.indexOf(zoom);
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
        <button type="button" onClick={() => setZoom(zoomSteps[Math.max(0, zoomIndex - 1)] ?? zoom)} disabled={zoomIndex <= 0} aria-label={t('zoom.out')}>
          −
        </button>
        <span aria-live="polite">{t('zoom.level', { percent: Math.round(zoom * 100) })}</span>
        <button type="button" onClick={() => setZoom(zoomSteps[Math.min(zoomSteps.length - 1, zoomIndex + 1)] ?? zoom)} disabled={zoomIndex >= zoomSteps.length - 1} aria-label={t('zoom.in')}>
          +
        </button>
      </div>
      <div className="pdf-scroller" tabIndex={0} aria-label={t('pdf.pageLabel', { page, count: pages })}>
        <div ref={pageRef} className="pdf-page">
          <canvas ref={canvasRef} aria-hidden="true" />
          <div ref={textRef} className="textLayer" />
        </div>
      </div>
    </div>
  );
}
