import { createServer, STATUS_CODES } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { fail } from '../../shared/contract/result';
import { serveContract } from '../core/contract/contract-port';
import { consoleLogger } from '../core/platform/log';
import type { Core } from '../core/app/service';
import { answerEvidence, evidenceSecurityHeaders } from '../hosts-shared/evidence-answer';
import { rendererCsp } from '../hosts-shared/csp';
import type { EvidencePart } from '../hosts-shared/evidence-file';
import { checkOrigin, eventsProtocol, PreviewCredentials, sameOriginPath, secretParameter } from './access';
import { socketPort } from './socket-port';
import { serveRenderer } from './static-files';

export interface PreviewHostOptions {
  core: Core;
  rendererDir: string;
  /** 0 picks any free port. */
  port: number;
  secret?: string;
  /** Time for the page tokens' idle expiry and the signed URLs' lifetimes: tests move it instead of waiting. */
  clock?: () => number;
}

export interface PreviewHost {
  port: number;
  secret: string;
  /** The link to open: carries the per-run secret. */
  url: string;
  close(): Promise<void>;
}

/** The largest call a page or program may send, over HTTP or on its socket; a frame larger than this closes that socket. */
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

function sendText(response: ServerResponse, status: number, text: string, headers = securityHeaders): void {
  response.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}

/** `application/json`, with at most `charset=utf-8`: exactly what the page sends, nothing a form could. */
function isJsonContentType(header: string | undefined): boolean {
  const [type, ...parameters] = (header ?? '').split(';').map((part) => part.trim().toLowerCase());
  return type === 'application/json' && parameters.every((parameter) => parameter === 'charset=utf-8');
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

/** A refused WebSocket upgrade, answered in plain HTTP on the raw socket (no WebSocket exists yet). */
function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const body = `${reason}\n`;
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Refused'}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** The path with its escapes decoded, or null when they cannot be (`/rpc/%ZZ`): such a request is refused with 400. */
function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/**
 * The preview host: the same renderer and the same core as the desktop, over loopback HTTP
 * (`POST /rpc/<method>`) and a WebSocket (`/events`). Binds 127.0.0.1 only. The renderer's files
 * are served to any page of this origin (they hold no data); everything else needs a credential
 * (see PreviewCredentials), and nothing carries one in a cookie.
 */
export async function startPreviewHost(options: PreviewHostOptions): Promise<PreviewHost> {
  const credentials = new PreviewCredentials(options.secret, options.clock);
  options.core.useEvidenceUrls((evidenceId, part) => credentials.signEvidenceUrl(evidenceId, part));
  let port = options.port;
  const sockets = new Set<WebSocket>();
  const webSockets = new WebSocketServer({
    noServer: true,
    maxPayload: maxBodyBytes,
    handleProtocols: (offered) => (offered.has(eventsProtocol) ? eventsProtocol : false),
  });
  webSockets.on('error', () => undefined);
  const started = Promise.resolve(options.core);

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, fail('internal', 'The preview host failed to answer.'));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const origin = checkOrigin(request, port);
    if (!origin.allowed) return sendText(response, 403, 'Forbidden.\n');
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const path = decodedPath(url.pathname);
    if (path === null) return sendText(response, 400, 'That address cannot be read.\n');

    if (url.searchParams.has(secretParameter)) return exchangeSecret(url, response);
    if (path.startsWith('/rpc/')) return rpc(request, response, path.slice('/rpc/'.length));
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, fail('invalid_input', 'Method not allowed.'));
    const evidence = /^\/evidence\/([^/]+)(\/captions)?$/.exec(path);
    if (evidence) return serveEvidence(evidence[1]!, evidence[2] ? 'captions' : 'media', url, request, response);
    serveRenderer(options.rendererDir, url.pathname, response, securityHeaders);
  }

  /**
   * The printed link: its secret is traded for a page token, handed to the page in the fragment of
   * a redirect to a path on this host (a fragment never reaches a server, a log or a Referer), and
   * the secret leaves the address bar and the history.
   */
  function exchangeSecret(url: URL, response: ServerResponse): void {
    if (!credentials.isSecret(url.searchParams.get(secretParameter) ?? undefined)) {
      return sendText(response, 401, 'This workstation preview needs the link (with its secret) printed when it started.\n');
    }
    const token = credentials.issueToken();
    if (!token) return sendText(response, 503, 'Too many workstation pages are open at once: close one, then open the link again.\n');
    response.writeHead(303, { ...securityHeaders, location: `${sameOriginPath(url)}#session=${token}`, 'cache-control': 'no-store' });
    response.end();
  }

  async function rpc(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    if (!credentials.authorisesRequest(request)) return sendJson(response, 401, fail('forbidden', 'Open the link printed when the workstation preview started.'));
    if (request.method !== 'POST') return sendJson(response, 405, fail('invalid_input', 'Use POST.'));
    if (!isJsonContentType(request.headers['content-type'])) return sendJson(response, 415, fail('invalid_input', 'Send application/json.'));
    const body = await readJsonBody(request);
    if (!body.ok) return sendJson(response, body.status, fail('invalid_input', body.message));
    return sendJson(response, 200, await options.core.invokeAsync(method, body.value));
  }

  async function serveEvidence(evidenceId: string, part: EvidencePart, url: URL, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!credentials.acceptsEvidenceUrl(evidenceId, part, url.searchParams) && !credentials.authorisesRequest(request)) {
      return sendText(response, 401, 'This evidence address has expired or was not issued here.\n', { ...securityHeaders, ...evidenceSecurityHeaders });
    }
    const answer = await answerEvidence(options.core.evidence, evidenceId, part, request.headers.range, request.method === 'HEAD');
    if (answer.status === 404 || answer.status === 'unreadable') {
      const message = answer.status === 404 ? 'No such evidence on this machine.\n' : 'This evidence file failed its integrity check; it is being fetched again.\n';
      return sendText(response, 404, message, { ...securityHeaders, ...evidenceSecurityHeaders });
    }
    response.writeHead(answer.status, { ...securityHeaders, ...answer.headers });
    if (!answer.body) return void response.end();
    const body = Readable.from(answer.body);
    body.on('error', () => response.destroy()).pipe(response);
    response.on('close', () => body.destroy());
  }

  server.on('upgrade', (request, socket, head) => {
    // A socket reset mid-handshake must not become an uncaught error.
    socket.on('error', () => socket.destroy());
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (!checkOrigin(request, port).allowed) return refuseUpgrade(socket, 403, 'Forbidden.');
    if (path !== '/events') return refuseUpgrade(socket, 404, 'Not found.');
    const admission = credentials.admitSocket(request);
    if (!admission.admitted) return refuseUpgrade(socket, admission.status, admission.reason);
    // The slot belongs to the connection, not to the WebSocket: it is given back however the
    // connection ends, a handshake that fails after this point included.
    socket.once('close', admission.release);
    webSockets.handleUpgrade(request, socket, head, (client) => {
      sockets.add(client);
      client.on('close', () => sockets.delete(client));
      // A bad frame (too large, not UTF-8, malformed) ends this socket only, never the host or core.
      client.on('error', () => client.terminate());
      // The page's calls and core's events, over the same RPC as the desktop's port.
      serveContract(socketPort(client), started, consoleLogger);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    secret: credentials.secret,
    url: `http://127.0.0.1:${port}/?${secretParameter}=${credentials.secret}`,
    close: async () => {
      for (const socket of sockets) socket.terminate();
      webSockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
