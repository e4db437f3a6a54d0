import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { evidenceSecurityHeaders } from '../hosts-shared/evidence-answer';
import type { EvidenceSource } from '../hosts-shared/evidence-answer';
import { evidenceResponse } from './evidence-response';
import { rendererCsp } from '../hosts-shared/csp';
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

/**
 * Serves the built renderer from `app://workstation/`, never from `file://`, and evidence from
 * `app://workstation/evidence/<id>` (the same relative URL the preview host answers), as plaintext
 * ranges core decrypts.
 */
export function serveAppProtocol(rendererDir: string, evidence: EvidenceSource): void {
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
      return evidenceResponse(evidence, evidenceId, match[2] ? 'captions' : 'media', request.headers.get('range'));
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
