import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPreviewTransport } from '../../renderer/src/transport/preview-transport';

/** Stands in for the browser's WebSocket: records every socket the page opens; the test closes them as a host would. */
class FakeSocket extends EventTarget {
  static opened: FakeSocket[] = [];
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    super();
    FakeSocket.opened.push(this);
  }
  close(): void {
    this.dispatchEvent(new Event('close'));
  }
}

/** The preview host's answers to /rpc: `status` is what it answers next. */
function fakeHost(): { status: number | 'unreachable' } {
  const host: { status: number | 'unreachable' } = { status: 200 };
  vi.stubGlobal(
    'fetch',
    vi.fn(() => {
      if (host.status === 'unreachable') return Promise.reject(new TypeError('Failed to fetch'));
      const body = host.status === 200 ? { ok: true, value: {} } : { ok: false, error: { code: host.status === 401 ? 'forbidden' : 'internal', message: 'refused' } };
      return Promise.resolve(new Response(JSON.stringify(body), { status: host.status }));
    }),
  );
  return host;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('WebSocket', FakeSocket);
  FakeSocket.opened = [];
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the preview page’s transport', () => {
  it('tells the page once that its access ended when the host refuses its token, and stops reconnecting its event socket', async () => {
    const host = fakeHost();
    const accessEnded = vi.fn();
    const transport = createPreviewTransport('t'.repeat(32), accessEnded, 'http://127.0.0.1:9');
    transport.subscribe('queue.changed', () => undefined);
    expect(FakeSocket.opened.map((socket) => socket.protocols)).toEqual([['assessor.events.v1', `assessor.token.${'t'.repeat(32)}`]]);
    await expect(transport.invoke('app.info', {})).resolves.toMatchObject({ ok: true });

    FakeSocket.opened[0]!.close(); // while the host is there, a dropped socket comes back
    await vi.advanceTimersByTimeAsync(250);
    expect(FakeSocket.opened).toHaveLength(2);

    FakeSocket.opened[1]!.close(); // the host was started again: this page's token means nothing to it
    host.status = 401;
    await expect(transport.invoke('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await transport.invoke('workspace.summary', {});
    expect(accessEnded).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.opened).toHaveLength(2);
  });

  it('keeps the page’s access through a host that is unreachable or fails: it may answer again', async () => {
    const host = fakeHost();
    const accessEnded = vi.fn();
    const transport = createPreviewTransport('t'.repeat(32), accessEnded, 'http://127.0.0.1:9');
    host.status = 'unreachable';
    await expect(transport.invoke('app.info', {})).rejects.toThrow(/Failed to fetch/);
    host.status = 500;
    await expect(transport.invoke('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    host.status = 200;
    await expect(transport.invoke('app.info', {})).resolves.toMatchObject({ ok: true });
    expect(accessEnded).not.toHaveBeenCalled();
  });
});
