import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPreviewTransport } from '../../renderer/src/transport/preview-transport';

/**
 * Stands in for the browser's WebSocket: records every socket the page opens. The test opens,
 * refuses or drops them as a host would; an open socket answers the page's calls as core does.
 */
class FakeSocket extends EventTarget {
  static opened: FakeSocket[] = [];
  readonly calls: string[] = [];
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    super();
    FakeSocket.opened.push(this);
  }
  send(data: string): void {
    const call = JSON.parse(data) as { rpc: string; id: number; input: { method: string } };
    this.calls.push(call.input.method);
    queueMicrotask(() => this.receive({ rpc: 'reply', id: call.id, ok: true, value: { ok: true, value: {} } }));
  }
  receive(message: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(message) }));
  }
  open(): void {
    this.dispatchEvent(new Event('open'));
  }
  close(): void {
    this.dispatchEvent(new Event('close'));
  }
}

/** The preview host's answer to the page asking, over HTTP, whether it still takes the token: `status` is what it answers next. */
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

const latest = (): FakeSocket => FakeSocket.opened.at(-1)!;

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
  it('sends calls and hears events on the socket that offered the token', async () => {
    fakeHost();
    const transport = createPreviewTransport('t'.repeat(32), vi.fn(), 'http://127.0.0.1:9');
    expect(FakeSocket.opened.map((socket) => [socket.url, socket.protocols])).toEqual([['ws://127.0.0.1:9/events', ['assessor.events.v1', `assessor.token.${'t'.repeat(32)}`]]]);
    const heard: unknown[] = [];
    transport.subscribe('queue.changed', (payload) => heard.push(payload));
    const answered = transport.invoke('app.info', {}); // made before the socket opened: it waits for it
    latest().open();
    await expect(answered).resolves.toEqual({ ok: true, value: {} });
    expect(latest().calls).toEqual(['app.info']);
    latest().receive({ rpc: 'event', event: 'queue.changed', payload: { n: 1 } });
    latest().receive({ rpc: 'event', event: 'sync.changed', payload: { n: 2 } });
    expect(heard).toEqual([{ n: 1 }]);
  });

  it('tells the page once that its access ended when the host refuses its token, and stops reconnecting its socket', async () => {
    const host = fakeHost();
    const accessEnded = vi.fn();
    const transport = createPreviewTransport('t'.repeat(32), accessEnded, 'http://127.0.0.1:9');
    const heard: unknown[] = [];
    transport.subscribe('queue.changed', (payload) => heard.push(payload));
    latest().open();
    await expect(transport.invoke('app.info', {})).resolves.toMatchObject({ ok: true });

    latest().close(); // while the host is there, a dropped socket comes back, listening as before
    await vi.advanceTimersByTimeAsync(250);
    expect(FakeSocket.opened).toHaveLength(2);
    latest().open();
    latest().receive({ rpc: 'event', event: 'queue.changed', payload: { again: true } });
    expect(heard).toEqual([{ again: true }]);

    latest().close(); // the host was started again: this page's token means nothing to it
    host.status = 401;
    await vi.advanceTimersByTimeAsync(250);
    expect(FakeSocket.opened).toHaveLength(3);
    latest().close(); // refused before it opened
    await vi.waitFor(() => expect(accessEnded).toHaveBeenCalledTimes(1));
    await expect(transport.invoke('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await transport.invoke('workspace.summary', {});
    expect(accessEnded).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.opened).toHaveLength(3);
  });

  it('keeps the page’s access through a host that is unreachable or fails: it may answer again', async () => {
    const host = fakeHost();
    const accessEnded = vi.fn();
    const transport = createPreviewTransport('t'.repeat(32), accessEnded, 'http://127.0.0.1:9');
    host.status = 'unreachable';
    const failed = transport.invoke('app.info', {});
    latest().close(); // refused before it opened: calls fail at once, the UI says core is unavailable
    await expect(failed).rejects.toThrow(/not reachable/);
    await vi.advanceTimersByTimeAsync(250);
    host.status = 500;
    latest().close();
    await vi.advanceTimersByTimeAsync(500);
    host.status = 200;
    latest().open();
    await expect(transport.invoke('app.info', {})).resolves.toMatchObject({ ok: true });
    expect(FakeSocket.opened).toHaveLength(3);
    expect(accessEnded).not.toHaveBeenCalled();
  });

  it('says once when the host has been gone a while (closed, or started again elsewhere), and that it is back once it answers', async () => {
    const host = fakeHost();
    const lost = vi.fn();
    createPreviewTransport('t'.repeat(32), vi.fn(), 'http://127.0.0.1:9', lost);
    latest().open();
    host.status = 'unreachable';
    latest().close(); // the host went away
    for (let second = 0; second < 15; second++) {
      await vi.advanceTimersByTimeAsync(1000);
      latest().close(); // every reconnection refused
    }
    expect(lost).not.toHaveBeenCalled(); // a restart takes a few seconds: not said yet
    for (let second = 0; second < 10; second++) {
      await vi.advanceTimersByTimeAsync(5000);
      latest().close();
    }
    expect(lost.mock.calls).toEqual([[true]]);
    host.status = 200;
    await vi.advanceTimersByTimeAsync(5000);
    latest().open();
    expect(lost.mock.calls).toEqual([[true], [false]]);
  });

  it('fails a call still waiting when its socket drops, instead of leaving it waiting', async () => {
    fakeHost();
    const transport = createPreviewTransport('t'.repeat(32), vi.fn(), 'http://127.0.0.1:9');
    latest().open();
    latest().send = () => undefined; // this one is never answered
    const waiting = transport.invoke('app.info', {});
    await Promise.resolve();
    latest().close();
    await expect(waiting).rejects.toMatchObject({ code: 'rpc_closed' });
  });
});
