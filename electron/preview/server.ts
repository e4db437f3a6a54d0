import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { fail } from '../../shared/contract/result';
import type { Core } from '../core/service';
import { openEvidenceBody } from '../common/evidence-body';
import { rendererCsp } from '../common/csp';
import { checkAccess, secretCookie, secretParameter } from './access';
import { serveRenderer } from './static-files';

export interface PreviewHostOptions {
  core: Core;
  rendererDir: string;
  /** 0 picks any free port. */
  port: number;
  secret?: string;
}

export interface PreviewHost {
  port: number;
  secret: string;
  /** The link to open: carries the per-run secret. */
  url: string;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;

const securityHeaders: Record<string, string> = {
  'content-security-policy': rendererCsp,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...securityHeaders, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}

async function readJsonBody(request: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; status: number; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Past the limit the rest is read and dropped, so the client still gets our answer.
    if (size <= maxBodyBytes) chunks.push(chunk);
    else if (size > maxBodyBytes * 16) request.destroy();
  }
  if (size > maxBodyBytes) return { ok: false, status: 413, message: 'Request body is too large.' };
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'Request body is not valid JSON.' };
  }
}

/**
 * The preview host: the same renderer and the same core as the desktop, over loopback HTTP
 * (`POST /rpc/<method>`) and a WebSocket (`/events`). Binds 127.0.0.1 only.
 */
export async function startPreviewHost(options: PreviewHostOptions): Promise<PreviewHost> {
  const secret = options.secret ?? randomBytes(24).toString('base64url');
  let port = options.port;
  const sockets = new Set<WebSocket>();
  const webSockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const unsubscribe = options.core.subscribe((event, payload) => {
    const message = JSON.stringify({ event, payload });
    for (const socket of sockets) socket.send(message);
  });

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, fail('internal', 'The preview host failed to answer.'));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const verdict = checkAccess(request, port, secret);
    if (!verdict.allowed) {
      response.writeHead(verdict.status, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' });
      response.end(
        verdict.status === 401
          ? 'This workstation preview needs the link (with its secret) printed when it started.\n'
          : 'Forbidden.\n',
      );
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (verdict.viaQuery) {
      // Trade the secret in the link for a cookie, and drop it from the address bar and history.
      url.searchParams.delete(secretParameter);
      response.writeHead(303, {
        ...securityHeaders,
        location: `${url.pathname}${url.search}`,
        'set-cookie': `${secretCookie(port)}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
      });
      response.end();
      return;
    }
    if (url.pathname.startsWith('/rpc/')) {
      if (request.method !== 'POST') return sendJson(response, 405, fail('invalid_input', 'Use POST.'));
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(response, 415, fail('invalid_input', 'Send application/json.'));
      }
      const body = await readJsonBody(request);
      if (!body.ok) return sendJson(response, body.status, fail('invalid_input', body.message));
      const method = decodeURIComponent(url.pathname.slice('/rpc/'.length));
      return sendJson(response, 200, await options.core.invokeAsync(method, body.value));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, fail('invalid_input', 'Method not allowed.'));
    const evidence = /^\/evidence\/([^/]+)(\/captions)?$/.exec(url.pathname);
    if (evidence) return serveEvidence(decodeURIComponent(evidence[1] ?? ''), evidence[2] ? 'captions' : 'media', request, response);
    serveRenderer(options.rendererDir, url.pathname, response, securityHeaders);
  }

  async function serveEvidence(evidenceId: string, part: 'media' | 'captions', request: IncomingMessage, response: ServerResponse): Promise<void> {
    const answer = await openEvidenceBody(options.core.resolveEvidenceFile(evidenceId, part), request.headers.range, request.method === 'HEAD');
    if (answer.status === 404) {
      response.writeHead(404, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      response.end('No such evidence on this machine.\n');
      return;
    }
    response.writeHead(answer.status, { ...securityHeaders, ...answer.headers });
    if (!answer.body) return void response.end();
    answer.body.on('error', () => response.destroy()).pipe(response);
    response.on('close', () => answer.body?.destroy());
  }

  server.on('upgrade', (request, socket, head) => {
    const verdict = checkAccess(request, port, secret);
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (!verdict.allowed || path !== '/events') {
      socket.end(`HTTP/1.1 ${verdict.allowed ? 404 : verdict.status} Refused\r\nConnection: close\r\n\r\n`);
      return;
    }
    webSockets.handleUpgrade(request, socket, head, (client) => {
      sockets.add(client);
      client.on('close', () => sockets.delete(client));
      // The renderer sends nothing over this socket; anything it does send is ignored.
      client.on('message', () => undefined);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    secret,
    url: `http://127.0.0.1:${port}/?${secretParameter}=${secret}`,
    close: async () => {
      unsubscribe();
      for (const socket of sockets) socket.terminate();
      webSockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
