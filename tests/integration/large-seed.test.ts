import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostedApiClient } from '../../electron/core/hosted/api-client';
import { seededPassword } from '../hosted-api/seed';
import type { RunningHostedApi } from '../e2e/harness';
import { cleanup, freshDataDir, startHostedApiProcess } from '../e2e/harness';

// The `large` seed as a new user starts it: the real command, a first start that makes the long videos.
let serverDir: string;
let api: RunningHostedApi;

beforeAll(async () => {
  serverDir = freshDataDir();
  api = await startHostedApiProcess({ dataDir: serverDir, seed: 'large' });
}, 600_000);
afterAll(async () => {
  await api.stop();
  cleanup(serverDir);
});

const ok = <T>(result: { ok: true; value: T } | { ok: false; failure: unknown }): T => {
  if (!result.ok) throw new Error(`hosted API call failed: ${JSON.stringify(result.failure)}`);
  return result.value;
};

describe('reference hosted API, large seed', () => {
  it('holds thousands of submissions, hundreds of evidence files and videos of hundreds of MB', () => {
    const db = new Database(join(serverDir, 'hosted-api.sqlite'), { readonly: true });
    try {
      const { submissions } = db.prepare('SELECT count(*) AS submissions FROM submissions').get() as { submissions: number };
      const { files } = db.prepare('SELECT count(DISTINCT file) AS files FROM evidence WHERE file IS NOT NULL').get() as { files: number };
      const sizes = (db.prepare(`SELECT json_extract(body, '$.bytes') AS bytes FROM evidence WHERE file LIKE '%long-lesson-%' GROUP BY file`).all() as { bytes: number }[]).map((row) => row.bytes);
      expect(submissions).toBeGreaterThanOrEqual(3000);
      expect(files).toBeGreaterThanOrEqual(300);
      expect(sizes).toHaveLength(3);
      for (const bytes of sizes) expect(bytes).toBeGreaterThan(100 * 1024 ** 2);
    } finally {
      db.close();
    }
  });

  it('serves a claim of 50 with manifests, and any byte range of a long video at once', async () => {
    const signedIn = ok(await new HostedApiClient({ baseUrl: api.url, accessToken: () => null }).signIn('assessor@example.org', seededPassword));
    const client = new HostedApiClient({ baseUrl: api.url, accessToken: () => signedIn.accessToken });
    const claimed = ok(await client.claim(50));
    expect(claimed.assignments).toHaveLength(50);
    const manifests = await Promise.all(claimed.assignments.map(async (assignment) => ok(await client.manifest(assignment.submissionId))));
    const long = manifests.flatMap((manifest) => manifest.evidence).filter((item) => item.bytes > 100 * 1024 ** 2);
    expect(long.length).toBeGreaterThan(0);

    const video = long[0]!;
    const end = video.bytes - 1;
    const response = await fetch(new URL(video.url!, api.url), { headers: { authorization: `Bearer ${signedIn.accessToken}`, range: `bytes=${end - 1023}-${end}`, 'if-range': `"${video.sha256}"` } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes ${end - 1023}-${end}/${video.bytes}`);
    expect((await response.arrayBuffer()).byteLength).toBe(1024);
  });
});
