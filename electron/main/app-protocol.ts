import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { extname } from 'node:path';
import { openEvidenceBody } from '../common/evidence-body';
import { rendererCsp } from '../common/csp';
import type { EvidenceFile } from './core-process';
import { resolveInside } from '../preview/static-files';
import { appHost, appScheme } from './trusted-sender';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
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

/** Streams an evidence file with Range support (seeking in long video reads only what it needs). */
async function evidenceResponse(file: EvidenceFile | null, rangeHeader: string | null): Promise<Response> {
  const answer = await openEvidenceBody(file, rangeHeader ?? undefined);
  if (answer.status === 404) return new Response('No such evidence on this machine.', { status: 404 });
  const body = answer.body ? (Readable.toWeb(answer.body) as ReadableStream<Uint8Array>) : null;
  return new Response(body, { status: answer.status, headers: answer.headers });
}

/**
 * Serves the built renderer from `app://workstation/`, never from `file://`, and evidence from
 * `app://workstation/evidence/<id>` (the same relative URL the preview host answers).
 */
export function serveAppProtocol(rendererDir: string, resolveEvidence: (evidenceId: string, part: 'media' | 'captions') => Promise<EvidenceFile | null>): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost) return new Response('Not found', { status: 404 });
    const evidence = /^\/evidence\/([^/]+)(\/captions)?$/.exec(url.pathname);
    if (evidence) return evidenceResponse(await resolveEvidence(decodeURIComponent(evidence[1] ?? ''), evidence[2] ? 'captions' : 'media'), request.headers.get('range'));
    const file = resolveInside(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': types[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': rendererCsp,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
