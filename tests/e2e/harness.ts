import { keysFolderFor } from '../../electron/core/platform/paths';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { projectPaths } from '../../electron/launcher/project-paths';
import { holdAddress } from '../support/held-address';
import { rpc } from '../support/http';
import { testHostBundle } from '../support/test-hosts';
import type { TestHost } from '../support/test-hosts';

export const projectRoot = projectPaths().root;
/** What the end-to-end tests need from the system: Chromium, and poppler (it renders the PDF report and reads its layout). */
export const chromiumInstallCommand = 'apt-get update && apt-get install -y chromium chromium-headless-shell poppler-utils';

/** Whether poppler's pdftoppm and pdftotext are on this machine. */
export function hasPoppler(): boolean {
  return ['/usr/bin/pdftoppm', '/usr/bin/pdftotext'].every((tool) => existsSync(tool));
}

export interface RunningPreview {
  url: string;
  origin: string;
  port: number;
  secret: string;
  dataDir: string;
  process: ChildProcess;
  /** Graceful stop (SIGTERM) and removal of the data dir unless `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<void>;
  /** SIGKILL: the process gets no chance to flush or clean up. */
  kill(): Promise<void>;
}

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'assessor-e2e-'));
}

/**
 * Runs one of the hosts tests start (its bundle, see test-hosts.ts) as its own process, and resolves
 * with the first output line that matches `ready`.
 */
function spawnHost(host: TestHost, args: string[], ready: RegExp, env: NodeJS.ProcessEnv = {}, startupMs = 60_000): { child: ChildProcess; match: Promise<string> } {
  const child = spawn(process.execPath, [testHostBundle(projectRoot, host), ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '', ...env } });
  const match = new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the ${host} host did not start:\n${output}`)), startupMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const found = ready.exec(output);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the ${host} host exited (${code}):\n${output}`));
    });
  });
  return { child, match };
}

/**
 * Starts the real preview host (`electron/preview/cli.ts`, bundled) as its own process, with core's
 * worker threads as the desktop build has them (out/main), on any free port
 * unless `port` names one (the same port again: the workstation started again, as a page sees it).
 * `undoWindowSeconds`: the assessor's setting (the workstation's default of 10 s when unset).
 */
export async function startPreview(options: { dataDir?: string; port?: number; generatedBatch?: number; serverUrl?: string; undoWindowSeconds?: number } = {}): Promise<RunningPreview> {
  const dataDir = options.dataDir ?? freshDataDir();
  const args = ['--port', String(options.port ?? 0), '--data-dir', dataDir, '--workers-dir', join(projectRoot, 'out', 'main')];
  if (options.generatedBatch) args.push('--generated-batch', String(options.generatedBatch));
  const { child, match } = spawnHost('preview', args, /Workstation preview: (http:\/\/127\.0\.0\.1:\d+\/\S*)/, { ASSESSOR_SERVER_URL: options.serverUrl ?? '' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await match;
  const parsed = new URL(url);
  const stopWith = async (signal: NodeJS.Signals, keepData: boolean): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    if (!keepData) cleanup(dataDir); // its keys folder beside it too
  };
  const secret = parsed.searchParams.get('secret') ?? '';
  if (options.undoWindowSeconds !== undefined) {
    const answer = await rpc(Number(parsed.port), secret, 'preferences.set', { patch: { undoWindowSeconds: options.undoWindowSeconds } });
    if (answer.status !== 200) throw new Error(`could not set the undo window: ${answer.body}`);
  }
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    secret,
    dataDir,
    process: child,
    stop: (stopOptions) => stopWith('SIGTERM', stopOptions?.keepData ?? false),
    kill: () => stopWith('SIGKILL', true),
  };
}

/**
 * Debian's Chromium, or Playwright's own where installed; never downloads one. Its headless shell first
 * (Debian's `chromium-headless-shell`, the build Playwright itself runs headless): the same engine
 * without the browser's own interface, it took a sixth less CPU over the end-to-end layer here
 * (337 against 394 CPU-seconds), with every test passing in both.
 */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser', safePlaywrightChromium()];
  return candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate)) ?? null;
}

function safePlaywrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`No Chromium found for end-to-end tests. Install it with: ${chromiumInstallCommand}`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

export interface RunningHostedApi {
  /** Where workstations reach it; when restartable, an address held for its whole life (see holdAddress). */
  url: string;
  /** The server goes away (its process stops); a restartable one's address answers nothing until `start`. */
  stop(): Promise<void>;
  /** Starts a restartable server again on its data (a new process, on any free port) behind the same address. */
  start(): Promise<void>;
  /** Stops the server, if running, and gives its address back. */
  close(): Promise<void>;
}

/**
 * The reference hosted API as its own process (`npm run hosted-api`), seeded with the demo data; `latencyMs`
 * delays every answer. `restartable`: for a test that stops it and starts it again, where workstations must
 * find it at the address they were given; its traffic then passes through this process.
 */
export async function startHostedApiProcess(options: { dataDir: string; seed?: 'demo' | 'large'; latencyMs?: number; restartable?: boolean }): Promise<RunningHostedApi> {
  const seed = options.seed ?? 'demo';
  const address = options.restartable ? await holdAddress() : null;
  let stopRunning: (() => Promise<void>) | null = null;
  const start = async (): Promise<string> => {
    if (stopRunning) throw new Error('the hosted API is already running');
    const { child, match } = spawnHost(
      'hosted-api',
      ['--port', '0', '--data', options.dataDir, '--seed', seed, '--latency-ms', String(options.latencyMs ?? 0)],
      /Hosted API listening on (http:\/\/127\.0\.0\.1:\d+)/,
      {},
      seed === 'large' ? 600_000 : 60_000, // the first start with `large` makes its long videos
    );
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const stopChild = async (): Promise<void> => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    };
    const url = await match.catch(async (error: unknown) => {
      await stopChild();
      throw error;
    });
    stopRunning = stopChild;
    address?.forwardTo(Number(new URL(url).port));
    return url;
  };
  const stop = async (): Promise<void> => {
    address?.forwardTo(null);
    await stopRunning?.();
    stopRunning = null;
  };
  const firstUrl = await start();
  return {
    url: address?.url ?? firstUrl,
    stop,
    start: async () => {
      if (!address) throw new Error('only a hosted API started with `restartable: true` starts again at the same address');
      await start();
    },
    close: async () => {
      await stop();
      await address?.close();
    },
  };
}

/** A data folder and the keys folder beside it (see keysFolderFor). */
export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  rmSync(keysFolderFor(dir), { recursive: true, force: true });
}
