import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../support/silent-logger';
import { HostedSession } from '../../electron/core/hosted/session';
import type { SecretVault } from '../../electron/core/hosted/secret-vault';
import { projectPaths } from '../../electron/launcher/project-paths';
import { seed, seededPassword } from '../hosted-api/seed';
import { defaultOpenApiFile, startHostedApi } from '../hosted-api/server';
import type { HostedApi } from '../hosted-api/server';
import { cleanup } from '../e2e/harness';
import { tempDir } from '../support/core-fixture';
import { until } from '../support/until';
import { systemClock } from '../../electron/core/platform/clock';

const root = projectPaths().root;
let serverDir: string;
let api: HostedApi;
/** Moves the server's clock, so access tokens lapse without waiting. */
let clockAheadMs = 0;

beforeAll(async () => {
  serverDir = tempDir('assessor-hosted-');
  api = await startHostedApi({ dataDir: serverDir, port: 0, openApiFile: defaultOpenApiFile(root), now: () => new Date(Date.now() + clockAheadMs) });
  await seed(api.store, 'demo', join(root, 'resources', 'demo'), serverDir);
});
afterAll(async () => {
  await api.close();
  cleanup(serverDir);
});

/** A vault in memory whose saves can be held, to see what the session does before its secrets are durable. */
function holdingVault(): SecretVault & { saved: string | null; hold(): () => void } {
  let gate: Promise<void> | null = null;
  const vault = {
    kind: 'memory' as const,
    saved: null as string | null,
    load: () => Promise.resolve(vault.saved),
    async save(secret: string) {
      if (gate) await gate;
      vault.saved = secret;
    },
    clear: () => Promise.resolve(void (vault.saved = null)),
    hold() {
      let release = (): void => undefined;
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
  };
  return vault;
}

/** A session over its own vault, its vault read. */
async function newSession(options: { vault?: SecretVault; onRemoteWipe?: () => void } = {}): Promise<HostedSession> {
  const session = new HostedSession({
    clock: systemClock,
    vault: options.vault ?? holdingVault(),
    defaultServerUrl: '',
    logger: silentLogger,
    onNewEvidenceKey: () => undefined,
    onRemoteWipe: options.onRemoteWipe ?? (() => undefined),
    onChanged: () => undefined,
    renewalRetryDelaysMs: [50, 50],
  });
  await session.ready;
  return session;
}

async function signedInSession(vault = holdingVault()): Promise<{ session: HostedSession; vault: ReturnType<typeof holdingVault> }> {
  const session = await newSession({ vault });
  await session.signIn(api.url, 'assessor@example.org', seededPassword, () => undefined);
  return { session, vault };
}

const rotations = (): number => (api.store.db.prepare(`SELECT count(*) AS n FROM tokens WHERE kind = 'refresh' AND rotated_at IS NOT NULL`).get() as { n: number }).n;

describe('the hosted session', () => {
  it('renews a lapsed token once for every call that needed it', async () => {
    const { session } = await signedInSession();
    clockAheadMs += 16 * 60_000; // the 15-minute access token lapses
    const before = rotations();
    const answers = await Promise.all(Array.from({ length: 6 }, () => session.call((client) => client.me())));
    expect(answers.every((account) => account.email === 'assessor@example.org')).toBe(true);
    expect(rotations() - before).toBe(1);
  });

  it('keeps the new pair in the vault before anything uses it', async () => {
    const { session, vault } = await signedInSession();
    const oldToken = session.accessToken;
    clockAheadMs += 16 * 60_000;
    const rotated = rotations();
    const release = vault.hold();
    const call = session.call((client) => client.me());
    await until(() => Promise.resolve(rotations() > rotated), 'the server to rotate the token');
    expect(session.accessToken).toBe(oldToken); // the new pair is not used while it is not durable
    expect(vault.saved).toContain(oldToken!); // and the vault still holds the old one
    release();
    await expect(call).resolves.toMatchObject({ email: 'assessor@example.org' });
    expect(session.accessToken).not.toBe(oldToken);
    expect(vault.saved).toContain(session.accessToken!);
  });

  it('ends the session on a refused renewal and keeps nothing of it, but wipes only when told to', async () => {
    let wiped = 0;
    const vault = holdingVault();
    const session = await newSession({ vault, onRemoteWipe: () => (wiped += 1) });
    await session.signIn(api.url, 'assessor2@example.org', seededPassword, () => undefined);
    api.store.auth.revokeAccount(api.store.accountByEmail('assessor2@example.org')!.id);
    await expect(session.call((client) => client.me())).rejects.toThrow(/sign in again/);
    expect(session.info()).toMatchObject({ signedIn: false, ended: 'revoked', lastEmail: 'assessor2@example.org' });
    expect(wiped).toBe(0);

    await session.signIn(api.url, 'assessor2@example.org', seededPassword, () => undefined);
    const keyBefore = session.evidenceKey.toString('hex');
    api.store.auth.orderRemoteWipe(api.store.accountByEmail('assessor2@example.org')!.id, new Date());
    await expect(session.call((client) => client.me())).rejects.toThrow();
    expect(wiped).toBe(1);
    expect(session.info()).toMatchObject({ signedIn: false, ended: null });
    expect(session.evidenceKey.toString('hex')).not.toBe(keyBefore); // what was encrypted before can never be read again
    expect(vault.saved).not.toContain('refreshToken":"');
  });

  it('never follows a redirect with the refresh token when signing out', async () => {
    // A collector elsewhere, and a front for the server that sends sign-out there.
    const collected: string[] = [];
    const collector = createServer((incoming, outgoing) => {
      incoming.on('data', (chunk: Buffer) => collected.push(chunk.toString()));
      incoming.on('end', () => outgoing.end());
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const front = createServer((incoming, outgoing) => {
      if (incoming.url === '/v1/auth/sign-out') {
        outgoing.writeHead(307, { location: `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/auth/sign-out` });
        return void outgoing.end();
      }
      incoming.pipe(request({ host: '127.0.0.1', port: api.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      }));
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    try {
      const session = await newSession();
      await session.signIn(`http://127.0.0.1:${(front.address() as AddressInfo).port}`, 'assessor@example.org', seededPassword, () => undefined);
      await session.signOut();
      expect(session.signedIn).toBe(false);
      expect(collected).toEqual([]);
    } finally {
      for (const server of [front, collector]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    }
  });

  it('refuses a plain http server that is not this computer, before sending anything', async () => {
    const { session } = await signedInSession();
    for (const url of ['http://assess.example.org', 'http://10.0.0.5:8080', 'ftp://assess.example.org', 'https://user:pw@assess.example.org']) {
      await expect(session.signIn(url, 'assessor@example.org', seededPassword, () => undefined), url).rejects.toThrow(/https:\/\/|user name|not a server/);
    }
    expect(session.signedIn).toBe(true); // the session already held is untouched
  });

  it('says how long to wait when the server slows sign-in after repeated failures', async () => {
    const session = await newSession();
    for (let attempt = 0; attempt < 5; attempt++) await expect(session.signIn(api.url, 'lead@example.org', `guess ${attempt}`, () => undefined)).rejects.toThrow(/Email or password is wrong/);
    await expect(session.signIn(api.url, 'lead@example.org', seededPassword, () => undefined)).rejects.toThrow(/Too many failed sign-ins\. Try again in \d+ seconds/);
    await expect(session.signIn(api.url, 'lead@example.org', seededPassword, () => undefined)).rejects.toMatchObject({ code: 'throttled' });
  });
});
