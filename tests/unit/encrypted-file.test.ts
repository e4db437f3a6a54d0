import { randomBytes } from 'node:crypto';
import { openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterEach, describe, expect, it } from 'vitest';
import { EncryptedReader, EncryptedWriter, headerBytes } from '../../electron/core/evidence/encrypted-file';
import { tempDir } from '../support/core-fixture';

const dirs: string[] = [];
const file = (): string => {
  const dir = tempDir('assessor-crypto-');
  dirs.push(dir);
  return join(dir, 'evidence.bin');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const key = randomBytes(32);
const plaintext = Buffer.from(Array.from({ length: 5000 }, (_, index) => `line ${index}: a minor's classroom, never on disk in the clear\n`).join(''));

describe('encrypted evidence files', () => {
  it('round-trips, never holding the plaintext on disk', () => {
    const path = file();
    const writer = EncryptedWriter.create(path, key, 4096);
    for (let offset = 0; offset < plaintext.length; offset += 1000) writer.write(plaintext.subarray(offset, offset + 1000));
    writer.finish();
    const stored = readFileSync(path);
    expect(stored.includes(Buffer.from("a minor's classroom"))).toBe(false);
    const reader = EncryptedReader.open(path, key);
    expect(reader.size).toBe(plaintext.length);
    const chunks = Math.ceil(plaintext.length / 4096);
    expect(Buffer.concat(Array.from({ length: chunks }, (_, index) => reader.chunk(index))).equals(plaintext)).toBe(true);
    reader.close();
  });

  it('streams any byte range, across chunk boundaries', async () => {
    const path = file();
    const writer = EncryptedWriter.create(path, key, 4096);
    writer.write(plaintext);
    writer.finish();
    for (const [start, end] of [
      [0, 0],
      [4090, 4100],
      [10_000, 30_000],
      [plaintext.length - 10, plaintext.length - 1],
    ] as const) {
      const streamed = await text(EncryptedReader.open(path, key).stream(start, end));
      expect(streamed).toBe(plaintext.subarray(start, end + 1).toString());
    }
  });

  it('resumes after the last complete chunk, dropping a torn one', () => {
    const path = file();
    const first = EncryptedWriter.create(path, key, 4096);
    first.write(plaintext.subarray(0, 10_000)); // two full chunks written, 1,808 bytes still in memory
    first.abandon(); // the process dies
    const { writer, plaintextBytes } = EncryptedWriter.resume(path, key);
    expect(plaintextBytes).toBe(8192);
    writer.write(plaintext.subarray(plaintextBytes));
    writer.finish();
    const reader = EncryptedReader.open(path, key);
    expect(reader.size).toBe(plaintext.length);
    expect(Buffer.concat(Array.from({ length: Math.ceil(plaintext.length / 4096) }, (_, index) => reader.chunk(index))).equals(plaintext)).toBe(true);
    reader.close();
  });

  it('writes a torn chunk again under a fresh nonce, never reusing one', () => {
    const path = file();
    const first = EncryptedWriter.create(path, key, 4096);
    first.write(plaintext.subarray(0, 6000)); // chunk 1 is torn: on disk without its tag
    first.abandon();
    const tornNonce = readFileSync(path).subarray(headerBytes + 4096 + 28, headerBytes + 4096 + 28 + 12);
    const { writer } = EncryptedWriter.resume(path, key);
    writer.write(plaintext.subarray(4096, 8192));
    writer.finish();
    const rewrittenNonce = readFileSync(path).subarray(headerBytes + 4096 + 28, headerBytes + 4096 + 28 + 12);
    expect(rewrittenNonce.equals(tornNonce)).toBe(false);
    const reader = EncryptedReader.open(path, key);
    expect(reader.chunk(1).equals(plaintext.subarray(4096, 8192))).toBe(true);
    reader.close();
  });

  it('detects tampering and a wrong key', () => {
    const path = file();
    const writer = EncryptedWriter.create(path, key, 4096);
    writer.write(plaintext);
    writer.finish();
    expect(() => EncryptedReader.open(path, randomBytes(32)).chunk(0)).toThrow();
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.from([0xff]), 0, 1, headerBytes + 100);
    expect(() => EncryptedReader.open(path, key).chunk(0)).toThrow();
    expect(EncryptedReader.open(path, key).chunk(1).length).toBe(4096);
  });
});
