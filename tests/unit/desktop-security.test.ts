import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererCsp } from '../../electron/hosts-shared/csp';
import type { EvidenceSource } from '../../electron/hosts-shared/evidence-answer';
import { openWindowChannel } from '../../electron/hosts-shared/ipc-channels';
import { registerWindowOpener } from '../../electron/main/window-opener';
import { allowOrigins, guardContents } from '../../electron/main/contents-guard';
import type { GuardedContents } from '../../electron/main/contents-guard';
import { evidenceResponse } from '../../electron/main/evidence-response';
import type { IpcMainLike } from '../../electron/main/window-opener';
import { isTrustedSenderUrl } from '../../electron/main/trusted-sender';
import { secureWebPreferences } from '../../electron/main/window-options';
import { resolveInside } from '../../electron/preview/static-files';
import { projectPaths } from '../../electron/launcher/project-paths';

describe('IPC sender check', () => {
  it.each([
    ['app://workstation/index.html', true],
    ['app://workstation/', true],
    ['app://workstation.evil/index.html', false],
    ['app://evil@workstation/', false],
    ['app://user:pw@workstation/', false],
    ['file:///work/out/renderer/index.html', false],
    ['http://127.0.0.1:5173/', false],
    ['https://workstation/', false],
    ['about:blank', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, trusted) => {
    expect(isTrustedSenderUrl(url)).toBe(trusted);
  });

  it('rejects null and undefined frames', () => {
    expect(isTrustedSenderUrl(null)).toBe(false);
    expect(isTrustedSenderUrl(undefined)).toBe(false);
  });
});

/** The thinnest stand-in for Electron's ipcMain: records the one handler registered on `channel`. */
function fakeIpcMain(expectedChannel = openWindowChannel): IpcMainLike & { call(url: string | null, ...args: unknown[]): Promise<unknown>; callFromSubframe(url: string, ...args: unknown[]): Promise<unknown> } {
  let handler: Parameters<IpcMainLike['handle']>[1] | null = null;
  return {
    handle(channel, listener) {
      expect(channel).toBe(expectedChannel);
      handler = listener;
    },
    call(url, ...args) {
      if (!handler) throw new Error('no handler registered');
      return handler({ senderFrame: url === null ? null : { url, parent: null } }, ...args);
    },
    callFromSubframe(url, ...args) {
      if (!handler) throw new Error('no handler registered');
      return handler({ senderFrame: { url, parent: { url } } }, ...args);
    },
  };
}

describe('opening the evidence window', () => {
  const pair = '0f8c2a4e-5b1d-4c3a-9e7f-6a2b8d1c0e94';

  it('opens it for the app’s own main frame only, only by its name, with the pair id it was given', async () => {
    const ipc = fakeIpcMain(openWindowChannel);
    const opened: string[][] = [];
    registerWindowOpener(ipc, (view, given) => opened.push([view, given]));
    await expect(ipc.call('app://workstation/index.html', 'evidence', pair)).resolves.toEqual({ ok: true, value: null });
    for (const url of ['https://evil.example/', 'app://workstation.evil/', null]) {
      await expect(ipc.call(url, 'evidence', pair)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    await expect(ipc.callFromSubframe('app://workstation/index.html', 'evidence', pair)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(ipc.call('app://workstation/index.html', 'https://evil.example/', pair)).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(opened).toEqual([['evidence', pair]]);
  });

  it.each([
    ['no pair id', undefined],
    ['an empty one', ''],
    ['one that is not a string', 42],
    ['one in capitals (randomUUID never makes them)', pair.toUpperCase()],
    ['one with more in the address after it', `${pair}&view=workstation`],
    ['one on a line of its own', `x\n${pair}`],
    ['a UUID of another version', '0f8c2a4e-5b1d-1c3a-9e7f-6a2b8d1c0e94'],
    ['one a character short', pair.slice(1)],
  ])('refuses %s from the app’s own main frame, and opens nothing', async (_case, bad) => {
    const ipc = fakeIpcMain(openWindowChannel);
    let opened = false;
    registerWindowOpener(ipc, () => {
      opened = true;
    });
    await expect(ipc.call('app://workstation/index.html', 'evidence', bad)).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(opened).toBe(false);
  });
});

describe('renderer Content-Security-Policy', () => {
  it('is the same in index.html as in the hosts’ header (minus what meta tags cannot carry)', () => {
    const html = readFileSync(join(projectPaths().root, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    const headerWithoutFrameAncestors = rendererCsp
      .split('; ')
      .filter((directive) => !directive.startsWith('frame-ancestors'))
      .join('; ');
    expect(meta).toBe(headerWithoutFrameAncestors);
    expect(rendererCsp).toContain("script-src 'self'");
    expect(rendererCsp).not.toMatch(/unsafe-(inline|eval)/);
  });
});

describe('static file resolution', () => {
  it('never leaves the renderer folder', () => {
    const root = '/srv/renderer';
    expect(resolveInside(root, '/assets/app.js')).toBe('/srv/renderer/assets/app.js');
    expect(resolveInside(root, '/../../etc/passwd')).toBeNull();
    expect(resolveInside(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveInside(root, '/..%2frenderer-evil/x')).toBeNull();
    expect(resolveInside(root, '/a%00.js')).toBeNull();
    expect(resolveInside(root, '/%E0%A4%A')).toBeNull();
  });
});

describe('desktop window preferences', () => {
  it('isolate and sandbox the renderer with no Node integration', () => {
    expect(secureWebPreferences('/app/preload.js')).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });
});

describe('dev server trust', () => {
  it('trusts the electron-vite dev server origin only when given, and exactly', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/', null)).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedSenderUrl('app://workstation/', 'http://localhost:5173')).toBe(true);
  });
});

/** The thinnest stand-in for a WebContents: records the guard's listeners so a test can fire them. */
function fakeContents(): GuardedContents & { fire(event: string, ...args: unknown[]): boolean; openHandler: (() => { action: string }) | null } {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const fake = {
    openHandler: null as (() => { action: string }) | null,
    on(event: string, listener: (...args: unknown[]) => void) {
      listeners.set(event, listener);
      return fake;
    },
    setWindowOpenHandler(handler: () => { action: 'deny' }) {
      fake.openHandler = handler;
    },
    /** True when the guard prevented the default. */
    fire(event: string, ...args: unknown[]) {
      let prevented = false;
      const details = { preventDefault: () => (prevented = true), ...(typeof args[0] === 'object' ? args[0] : {}) };
      listeners.get(event)?.(details, ...args.slice(typeof args[0] === 'object' ? 1 : 0));
      return prevented;
    },
  };
  return fake as unknown as GuardedContents & { fire(event: string, ...args: unknown[]): boolean; openHandler: (() => { action: string }) | null };
}

describe('web contents guard', () => {
  const isAllowed = allowOrigins(['app://workstation']);

  it('compares app:// by scheme and host (its URL origin is "null"), refusing look-alikes', () => {
    expect(isAllowed('app://workstation/index.html')).toBe(true);
    for (const url of ['app://workstation.evil/', 'app://evil@workstation/', 'https://workstation/', 'file:///index.html', 'null', 'not a url']) expect(isAllowed(url), url).toBe(false);
  });

  it('denies navigation away, every subframe navigation, new windows and <webview>', () => {
    const contents = fakeContents();
    guardContents(contents, isAllowed);
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', 'app://workstation/index.html')).toBe(false);
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-frame-navigate', { isMainFrame: false, url: 'app://workstation/index.html' })).toBe(true);
    expect(contents.fire('will-frame-navigate', { isMainFrame: true, url: 'https://evil.example/' })).toBe(true);
    expect(contents.fire('will-frame-navigate', { isMainFrame: true, url: 'app://workstation/index.html' })).toBe(false);
    expect(contents.fire('will-attach-webview')).toBe(true);
    expect(contents.openHandler?.()).toEqual({ action: 'deny' });
  });
});

describe('evidence on app://', () => {
  const page = Buffer.from('<html><script>alert(1)</script></html>');
  /** Core's side as main reaches it: plaintext ranges of one item (core decrypts; main never sees a key or a path). */
  const core = (mimeType: string, summary: 'found' | 'missing' | 'unreadable' = 'found'): EvidenceSource & { reads: number[][] } => {
    const reads: number[][] = [];
    return {
      reads,
      describe: () => (summary === 'found' ? { found: true, bytes: page.length, mimeType } : { found: false, why: summary }),
      read: (_id, _part, start, end) => {
        reads.push([start, end]);
        return page.subarray(start, end + 1);
      },
    };
  };
  const served = (mimeType: string): Promise<Response> => evidenceResponse(core(mimeType), 'ev-1', 'media', null);

  it('is never sniffed, cached or rendered as a page that can run anything', async () => {
    const response = await served('video/mp4');
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('takes its content type from an allowlist, not from the server', async () => {
    for (const [claimed, servedAs] of [
      ['text/html', 'application/octet-stream'],
      ['image/svg+xml', 'application/octet-stream'],
      ['application/javascript', 'application/octet-stream'],
      ['VIDEO/WEBM; codecs=vp9', 'video/webm'],
      ['application/pdf', 'application/pdf'],
      ['text/vtt', 'text/vtt; charset=utf-8'],
    ] as const) {
      expect((await served(claimed)).headers.get('content-type'), claimed).toBe(servedAs);
    }
  });

  it('streams the range asked for, read from core', async () => {
    const source = core('video/mp4');
    const response = await evidenceResponse(source, 'ev-1', 'media', 'bytes=6-13');
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 6-13/${page.length}`);
    expect(await response.text()).toBe('<script>');
    expect(source.reads).toEqual([[6, 13]]);
  });

  it('answers 404 for evidence that is not here, that failed its check, or when core cannot be reached', async () => {
    expect((await evidenceResponse(core('video/mp4', 'missing'), 'ev-1', 'media', null)).status).toBe(404);
    const unreadable = await evidenceResponse(core('video/mp4', 'unreadable'), 'ev-1', 'media', null);
    expect(unreadable.status).toBe(404);
    expect(await unreadable.text()).toMatch(/failed its integrity check/);
    const gone: EvidenceSource = { describe: () => Promise.reject(new Error('core stopped')), read: () => Promise.reject(new Error('core stopped')) };
    expect((await evidenceResponse(gone, 'ev-1', 'media', null)).status).toBe(404);
  });
});
