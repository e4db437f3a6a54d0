import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { appendFileSync, copyFileSync, openSync, readFileSync, closeSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EncryptedReader, EncryptedWriter, EvidenceIntegrityError, headerBytes, rewriteAsCurrentFormat } from '../../electron/core/evidence/encrypted-file';
import { tempDir } from '../support/core-fixture';
import { flipByte } from '../support/tamper';

const dirs: string[] = [];
const file = (name = 'evidence.bin'): string => {
  const dir = tempDir('assessor-crypto-');
  dirs.push(dir);
  return join(dir, name);
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const key = randomBytes(32);
const plaintext = Buffer.from(Array.from({ length: 5000 }, (_, index) => `line ${index}: a minor's classroom, never on disk in the clear\n`).join(''));
const chunkBytes = 4096;
const stride = 12 + chunkBytes + 16;
const chunkCount = Math.ceil(plaintext.length / chunkBytes);

function written(path: string, id = 'ev-1', content = plaintext): string {
  const writer = EncryptedWriter.create(path, key, id, content.length, chunkBytes);
  for (let offset = 0; offset < content.length; offset += 1000) writer.write(content.subarray(offset, offset + 1000));
  writer.finish();
  return path;
}

const readAll = (reader: EncryptedReader): Buffer => Buffer.concat(Array.from({ length: reader.chunks }, (_, index) => reader.chunk(index)));

/** A file in the old format 1 ("AWE1": additional data = salt ‖ index, no final flag), as the previous version wrote it. */
function writtenInFormat1(path: string, content: Buffer, size = 256 * 1024): void {
  const salt = randomBytes(16);
  const fileKey = Buffer.from(hkdfSync('sha256', key, salt, 'assessor-evidence-v1', 32));
  const header = Buffer.concat([Buffer.from('AWE1'), Buffer.alloc(4), salt]);
  header.writeUInt32BE(size, 4);
  const parts = [header];
  for (let index = 0; index * size < content.length; index++) {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', fileKey, nonce);
    const aad = Buffer.alloc(24);
    salt.copy(aad);
    aad.writeBigUInt64BE(BigInt(index), 16);
    cipher.setAAD(aad);
    parts.push(nonce, cipher.update(content.subarray(index * size, (index + 1) * size)), cipher.final(), cipher.getAuthTag());
  }
  writeFileSync(path, Buffer.concat(parts));
}

describe('encrypted evidence files', () => {
  it('round-trips, never holding the plaintext on disk', () => {
    const path = written(file());
    expect(readFileSync(path).includes(Buffer.from("a minor's classroom"))).toBe(false);
    const reader = EncryptedReader.open(path, key, 'ev-1', plaintext.length);
    expect(reader.size).toBe(plaintext.length);
    expect(readAll(reader).equals(plaintext)).toBe(true);
    reader.close();
  });

  it('reads any byte range, across chunk boundaries', () => {
    const path = written(file());
    for (const [start, end] of [
      [0, 0],
      [4090, 4100],
      [10_000, 30_000],
      [plaintext.length - 10, plaintext.length - 1],
    ] as const) {
      const read = EncryptedReader.open(path, key, 'ev-1', plaintext.length).range(start, end);
      expect(read.toString()).toBe(plaintext.subarray(start, end + 1).toString());
    }
  });

  it('keeps an empty file and a file of whole chunks readable', () => {
    const empty = written(file('empty.bin'), 'ev-empty', Buffer.alloc(0));
    expect(EncryptedReader.open(empty, key, 'ev-empty', 0).size).toBe(0);
    const whole = plaintext.subarray(0, chunkBytes * 3);
    const exact = written(file('exact.bin'), 'ev-exact', whole);
    expect(readAll(EncryptedReader.open(exact, key, 'ev-exact', whole.length)).equals(whole)).toBe(true);
  });

  it('resumes after the last complete chunk, dropping a torn one', () => {
    const path = file();
    const first = EncryptedWriter.create(path, key, 'ev-1', plaintext.length, chunkBytes);
    first.write(plaintext.subarray(0, 10_000)); // two full chunks written, the third not yet (1,808 bytes of it held)
    first.abandon(); // the process dies
    const { writer, plaintextBytes } = EncryptedWriter.resume(path, key, 'ev-1', plaintext.length);
    expect(plaintextBytes).toBe(8192);
    const partial = EncryptedReader.openPartial(path, key, 'ev-1', plaintext.length);
    expect(Buffer.concat([partial.chunk(0), partial.chunk(1)]).equals(plaintext.subarray(0, 8192))).toBe(true);
    partial.close();
    writer.write(plaintext.subarray(plaintextBytes));
    writer.finish();
    expect(readAll(EncryptedReader.open(path, key, 'ev-1', plaintext.length)).equals(plaintext)).toBe(true);
  });

  it('writes a torn chunk again under a fresh nonce, never reusing one', () => {
    const path = file();
    const first = EncryptedWriter.create(path, key, 'ev-1', plaintext.length, chunkBytes);
    first.write(plaintext.subarray(0, 6000));
    // Only whole chunks reach the disk (one write each): chunk 1 is not there yet…
    expect(readFileSync(path).length).toBe(headerBytes + stride);
    first.abandon();
    // …but the process may die inside that write: chunk 1 torn, on disk without its tag.
    appendFileSync(path, randomBytes(3000));
    const tornNonce = readFileSync(path).subarray(headerBytes + stride, headerBytes + stride + 12);
    const { writer } = EncryptedWriter.resume(path, key, 'ev-1', plaintext.length);
    writer.write(plaintext.subarray(4096));
    writer.finish();
    const rewrittenNonce = readFileSync(path).subarray(headerBytes + stride, headerBytes + stride + 12);
    expect(rewrittenNonce.equals(tornNonce)).toBe(false);
    expect(EncryptedReader.open(path, key, 'ev-1', plaintext.length).chunk(1).equals(plaintext.subarray(4096, 8192))).toBe(true);
  });
});

describe('encrypted evidence refuses every cut, extension, swap and alteration', () => {
  const refused = (path: string, id = 'ev-1', bytes = plaintext.length): void => {
    expect(() => readAll(EncryptedReader.open(path, key, id, bytes))).toThrow(EvidenceIntegrityError);
  };

  it('refuses a file cut at every chunk boundary, even when told the shorter size', () => {
    const original = written(file());
    for (let kept = 0; kept < chunkCount; kept++) {
      const cut = file(`cut-${kept}.bin`);
      copyFileSync(original, cut);
      truncateSync(cut, headerBytes + kept * stride);
      refused(cut); // the recorded size
      refused(cut, 'ev-1', kept * chunkBytes); // a size that would match: its last chunk is not final
    }
  });

  it('refuses a file cut inside a chunk', () => {
    const cut = written(file());
    truncateSync(cut, headerBytes + 2 * stride + 100);
    refused(cut);
  });

  it('refuses appended bytes and an appended copy of a chunk', () => {
    const garbage = written(file('garbage.bin'));
    appendFileSync(garbage, randomBytes(64));
    refused(garbage);
    refused(garbage, 'ev-1', plaintext.length + 64 - 28);
    const extended = written(file('extended.bin'));
    const stored = readFileSync(extended);
    appendFileSync(extended, stored.subarray(headerBytes, headerBytes + stride)); // chunk 0 again, as a new last chunk
    refused(extended, 'ev-1', plaintext.length + chunkBytes);
  });

  it('refuses chunks swapped within a file', () => {
    const path = written(file());
    const stored = readFileSync(path);
    const swapped = Buffer.from(stored);
    stored.copy(swapped, headerBytes, headerBytes + stride, headerBytes + 2 * stride);
    stored.copy(swapped, headerBytes + stride, headerBytes, headerBytes + stride);
    writeFileSync(path, swapped);
    expect(() => EncryptedReader.open(path, key, 'ev-1', plaintext.length).chunk(0)).toThrow(EvidenceIntegrityError);
  });

  it('refuses another item’s file copied over this one, even of the same size', () => {
    const mine = written(file('mine.bin'), 'ev-mine');
    const theirs = written(file('theirs.bin'), 'ev-theirs');
    copyFileSync(theirs, mine);
    refused(mine, 'ev-mine');
  });

  it('refuses a file with any header byte changed', () => {
    const original = written(file());
    for (let offset = 0; offset < headerBytes; offset++) {
      const altered = file(`header-${offset}.bin`);
      copyFileSync(original, altered);
      const fd = openSync(altered, 'r+');
      writeSync(fd, Buffer.from([readFileSync(original)[offset]! ^ 0x01]), 0, 1, offset);
      closeSync(fd);
      refused(altered);
    }
  });

  it('refuses a flipped ciphertext byte and a wrong key', () => {
    const path = written(file());
    expect(() => EncryptedReader.open(path, randomBytes(32), 'ev-1', plaintext.length)).toThrow(EvidenceIntegrityError);
    flipByte(path, headerBytes + 100);
    const reader = EncryptedReader.open(path, key, 'ev-1', plaintext.length);
    expect(() => reader.chunk(0)).toThrow(EvidenceIntegrityError);
    expect(reader.chunk(1).length).toBe(chunkBytes);
  });
});

describe('format 1 files', () => {
  it('are read, and rewritten in the current format with the same bytes', async () => {
    const path = file();
    const content = Buffer.concat([plaintext, plaintext, plaintext]);
    writtenInFormat1(path, content);
    expect(EncryptedReader.open(path, key, 'ev-old', content.length).format).toBe(1);
    await expect(rewriteAsCurrentFormat(path, key, 'ev-old', content.length)).resolves.toBe(true);
    const reader = EncryptedReader.open(path, key, 'ev-old', content.length);
    expect(reader.format).toBe(2);
    expect(readAll(reader).equals(content)).toBe(true);
    expect(readFileSync(path).subarray(0, 4).toString()).toBe('AWE2');
  });

  it('that do not verify are left for fetching again', async () => {
    const path = file();
    writtenInFormat1(path, plaintext);
    truncateSync(path, headerBytes + 100);
    await expect(rewriteAsCurrentFormat(path, key, 'ev-old', plaintext.length)).resolves.toBe(false);
  });
});
