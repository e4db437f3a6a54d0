import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { evidenceSecurityHeaders } from '../common/evidence-body';
import { evidenceResponse } from './evidence-response';
import { rendererCsp } from '../common/csp';
import type { EvidenceFile, EvidencePart } from '../common/evidence-file';
import { resolveInside } from '../preview/static-files';
import { appHost, appScheme } from './trusted-sender';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Must run before `app` is ready: `app://` behaves like https (standard, secure, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // stream: media elements may read evidence in ranges as they seek.
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: true } },
  ]);
}

export interface EvidenceResolver {
  resolve(evidenceId: string, part: EvidencePart): Promise<EvidenceFile | null>;
  /** The file failed its integrity check: core removes it and fetches it again. */
  reportUnreadable(evidenceId: string): void;
}

/**
 * Serves the built renderer from `app://workstation/`, never from `file://`, and evidence from
 * `app://workstation/evidence/<id>` (the same relative URL the preview host answers).
 */
export function serveAppProtocol(rendererDir: string, evidence: EvidenceResolver): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost) return new Response('Not found', { status: 404 });
    const match = /^\/evidence\/([^/]+)(\/captions)?$/.exec(url.pathname);
    if (match) {
      let evidenceId: string;
      try {
        evidenceId = decodeURIComponent(match[1] ?? '');
      } catch {
        return new Response('Bad evidence address.', { status: 400, headers: evidenceSecurityHeaders });
      }
      const file = await evidence.resolve(evidenceId, match[2] ? 'captions' : 'media');
      return evidenceResponse(file, request.headers.get('range'), () => evidence.reportUnreadable(evidenceId));
    }
    const file = resolveInside(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': types[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': rendererCsp,
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
