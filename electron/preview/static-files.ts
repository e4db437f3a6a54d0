import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Resolves a URL path inside `root`, or null if it would escape it. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = normalize(join(root, decoded));
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep) ? candidate : null;
}

/** Serves the built renderer; unknown paths fall back to index.html (client-side routes). */
export function serveRenderer(rendererDir: string, urlPath: string, response: ServerResponse, headers: Record<string, string>): void {
  let file = resolveInside(rendererDir, urlPath === '/' ? '/index.html' : urlPath);
  let stats = file ? safeStat(file) : null;
  if (!stats?.isFile()) {
    file = join(rendererDir, 'index.html');
    stats = safeStat(file);
  }
  if (!file || !stats?.isFile()) {
    response.writeHead(503, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
    response.end('The workstation UI has not been built. Run: npm run build');
    return;
  }
  const type = contentTypes[extname(file)] ?? 'application/octet-stream';
  response.writeHead(200, {
    ...headers,
    'content-type': type,
    'content-length': String(stats.size),
    // Hashed assets may be cached; the entry page must always be fresh.
    'cache-control': type.startsWith('text/html') ? 'no-store' : 'private, max-age=31536000, immutable',
  });
  createReadStream(file).pipe(response);
}

function safeStat(file: string): ReturnType<typeof statSync> | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
