import { randomBytes } from 'node:crypto';
import { rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EncryptedWriter, headerBytes } from '../../electron/core/evidence/encrypted-file';
import { evidenceReads, maxEvidenceRead } from '../../electron/core/evidence/plaintext-reads';
import type { LocatedEvidence } from '../../electron/core/evidence/plaintext-reads';
import { tempDir } from '../support/core-fixture';
import { flipByte } from '../support/tamper';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const key = randomBytes(32);
const chunkBytes = 4096;
const plaintext = randomBytes(3 * maxEvidenceRead + 12_345);

/** One sealed item and one plain one, and what core was told was unreadable. */
function items() {
  const dir = tempDir('assessor-reads-');
  dirs.push(dir);
  const sealedPath = join(dir, 'ev-1.enc');
  const writer = EncryptedWriter.create(sealedPath, key, 'ev-1', plaintext.length, chunkBytes);
  writer.write(plaintext);
  writer.finish();
  const plainPath = join(dir, 'demo.vtt');
  writeFileSync(plainPath, 'WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n');
  const files: Record<string, LocatedEvidence> = {
    'ev-1': { path: sealedPath, mimeType: 'video/mp4', sealed: { key, evidenceId: 'ev-1', bytes: plaintext.length } },
    demo: { path: plainPath, mimeType: 'text/vtt' },
  };
  const unreadable: string[] = [];
  const reads = evidenceReads((evidenceId) => files[evidenceId] ?? null, (evidenceId) => unreadable.push(evidenceId));
  return { reads, unreadable, sealedPath };
}

describe('core’s evidence reads', () => {
  it('tell a host an item’s size and type, and nothing of where it is or its key', () => {
    const { reads } = items();
    expect(reads.describe('ev-1', 'media')).toEqual({ found: true, bytes: plaintext.length, mimeType: 'video/mp4' });
    expect(reads.describe('demo', 'captions')).toEqual({ found: true, bytes: 38, mimeType: 'text/vtt' });
    expect(reads.describe('nope', 'media')).toEqual({ found: false, why: 'missing' });
  });

  it('return the plaintext of any range, across chunk boundaries, and refuse reads past the bound', () => {
    const { reads } = items();
    for (const [start, end] of [[0, 0], [4090, 4100], [maxEvidenceRead - 10, 2 * maxEvidenceRead - 11], [plaintext.length - 5, plaintext.length - 1]] as const) {
      expect(Buffer.from(reads.read('ev-1', 'media', start, end)).equals(plaintext.subarray(start, end + 1)), `${start}-${end}`).toBe(true);
    }
    expect(Buffer.from(reads.read('demo', 'captions', 0, 5)).toString()).toBe('WEBVTT');
    expect(() => reads.read('ev-1', 'media', 0, maxEvidenceRead)).toThrow(RangeError);
    expect(() => reads.read('ev-1', 'media', 10, 9)).toThrow(RangeError);
    expect(() => reads.read('ev-1', 'media', plaintext.length - 1, plaintext.length)).toThrow(RangeError);
    expect(() => reads.read('demo', 'captions', 0, 100)).toThrow(RangeError);
  });

  it('refuse an item altered or cut on disk, and tell core so it fetches it again', () => {
    const { reads, unreadable, sealedPath } = items();
    flipByte(sealedPath, headerBytes + 2 * (12 + chunkBytes + 16) + 40); // inside the third chunk
    expect(Buffer.from(reads.read('ev-1', 'media', 0, chunkBytes - 1)).equals(plaintext.subarray(0, chunkBytes))).toBe(true);
    expect(() => reads.read('ev-1', 'media', 2 * chunkBytes, 2 * chunkBytes + 10)).toThrow(/does not verify/);
    expect(unreadable).toEqual(['ev-1']);
    truncateSync(sealedPath, headerBytes + 3 * (12 + chunkBytes + 16));
    expect(reads.describe('ev-1', 'media')).toEqual({ found: false, why: 'unreadable' });
    expect(unreadable).toEqual(['ev-1', 'ev-1']);
  });
});
