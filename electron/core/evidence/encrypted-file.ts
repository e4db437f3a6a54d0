import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { CipherGCM } from 'node:crypto';
import { closeSync, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { Readable } from 'node:stream';

/**
 * Evidence at rest: AES-256-GCM in fixed-size chunks, so a player can seek anywhere in a 1 GB video
 * by decrypting only the chunks it reads, and an interrupted download resumes after the last
 * complete chunk.
 *
 * File layout: header (magic "AWE1", chunk size u32, salt 16 bytes), then chunks, each
 * nonce (12) ‖ ciphertext (≤ chunk size) ‖ tag (16). Each file has its own key, derived from the
 * workstation's master key and the file's salt (HKDF-SHA256). Each chunk has a random nonce, so a
 * chunk rewritten after a resume never reuses one; its additional data carries the chunk's index,
 * so chunks cannot be reordered or moved between files undetected.
 */
const magic = Buffer.from('AWE1');
const saltBytes = 16;
const nonceBytes = 12;
const tagBytes = 16;
export const headerBytes = magic.length + 4 + saltBytes;
/** Small enough that a download killed mid-chunk loses little; large enough that per-chunk work is noise. */
export const defaultChunkBytes = 64 * 1024;

function fileKey(masterKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, salt, 'assessor-evidence-v1', 32));
}

function chunkAad(salt: Buffer, index: number): Buffer {
  const aad = Buffer.alloc(saltBytes + 8);
  salt.copy(aad);
  aad.writeBigUInt64BE(BigInt(index), saltBytes);
  return aad;
}

const chunkStride = (chunkBytes: number): number => nonceBytes + chunkBytes + tagBytes;

/**
 * Appends plaintext to an encrypted evidence file. Bytes are encrypted and written as they arrive
 * (never held back, never copied into a whole chunk); a chunk is complete once its tag is written.
 */
export class EncryptedWriter {
  private cipher: CipherGCM | null = null;
  /** Plaintext bytes in the open chunk. */
  private filled = 0;
  private position: number;
  private constructor(
    private readonly fd: number,
    private readonly key: Buffer,
    private readonly salt: Buffer,
    private readonly chunkBytes: number,
    private nextIndex: number,
  ) {
    this.position = headerBytes + nextIndex * chunkStride(chunkBytes);
  }

  /** A new file (truncating any old one). */
  static create(path: string, masterKey: Buffer, chunkBytes = defaultChunkBytes): EncryptedWriter {
    const salt = randomBytes(saltBytes);
    const fd = openSync(path, 'w', 0o600);
    const header = Buffer.alloc(headerBytes);
    magic.copy(header);
    header.writeUInt32BE(chunkBytes, magic.length);
    salt.copy(header, magic.length + 4);
    writeSync(fd, header);
    return new EncryptedWriter(fd, fileKey(masterKey, salt), salt, chunkBytes, 0);
  }

  /**
   * Reopens a partial file to append after its last complete chunk (a torn final chunk is cut off).
   * Returns the writer and how many plaintext bytes the file already holds.
   */
  static resume(path: string, masterKey: Buffer): { writer: EncryptedWriter; plaintextBytes: number } {
    const fd = openSync(path, 'r+');
    const { salt, chunkBytes } = readHeader(fd);
    const fullChunks = Math.floor((fstatSync(fd).size - headerBytes) / chunkStride(chunkBytes));
    ftruncateSync(fd, headerBytes + fullChunks * chunkStride(chunkBytes));
    return { writer: new EncryptedWriter(fd, fileKey(masterKey, salt), salt, chunkBytes, fullChunks), plaintextBytes: fullChunks * chunkBytes };
  }

  write(data: Buffer): void {
    for (let offset = 0; offset < data.length; ) {
      const cipher = this.cipher ?? this.openChunk();
      const take = Math.min(this.chunkBytes - this.filled, data.length - offset);
      this.append(cipher.update(data.subarray(offset, offset + take)));
      this.filled += take;
      offset += take;
      if (this.filled === this.chunkBytes) this.closeChunk();
    }
  }

  /** Completes the final (short) chunk and closes the file. */
  finish(): void {
    if (this.cipher) this.closeChunk();
    closeSync(this.fd);
  }

  /** Closes without completing the open chunk (it is cut off and fetched again on resume). */
  abandon(): void {
    closeSync(this.fd);
  }

  private openChunk(): CipherGCM {
    const nonce = randomBytes(nonceBytes);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(chunkAad(this.salt, this.nextIndex));
    this.append(nonce);
    this.cipher = cipher;
    this.filled = 0;
    return cipher;
  }

  private closeChunk(): void {
    const cipher = this.cipher!;
    const rest = cipher.final(); // empty for GCM, written in case it ever is not
    if (rest.length > 0) this.append(rest);
    this.append(cipher.getAuthTag());
    this.cipher = null;
    this.nextIndex += 1;
  }

  private append(bytes: Buffer): void {
    writeSync(this.fd, bytes, 0, bytes.length, this.position);
    this.position += bytes.length;
  }
}

function readHeader(fd: number): { salt: Buffer; chunkBytes: number } {
  const header = Buffer.alloc(headerBytes);
  if (readSync(fd, header, 0, headerBytes, 0) !== headerBytes || !header.subarray(0, magic.length).equals(magic)) {
    throw new Error('Not an encrypted evidence file.');
  }
  return { chunkBytes: header.readUInt32BE(magic.length), salt: Buffer.from(header.subarray(magic.length + 4)) };
}

/** Random-access decryption of an encrypted evidence file. */
export class EncryptedReader {
  readonly size: number;
  private constructor(
    private readonly fd: number,
    private readonly key: Buffer,
    private readonly salt: Buffer,
    private readonly chunkBytes: number,
  ) {
    const stored = fstatSync(fd).size - headerBytes;
    const stride = chunkStride(chunkBytes);
    const full = Math.floor(stored / stride);
    const lastStored = stored - full * stride;
    this.size = full * chunkBytes + Math.max(0, lastStored - nonceBytes - tagBytes);
  }

  static open(path: string, masterKey: Buffer): EncryptedReader {
    const fd = openSync(path, 'r');
    try {
      const { salt, chunkBytes } = readHeader(fd);
      return new EncryptedReader(fd, fileKey(masterKey, salt), salt, chunkBytes);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** One chunk's plaintext; throws if it was altered (the GCM tag does not verify). */
  chunk(index: number): Buffer {
    const stride = chunkStride(this.chunkBytes);
    const buffer = Buffer.allocUnsafe(stride); // only the bytes read are used
    const read = readSync(this.fd, buffer, 0, stride, headerBytes + index * stride);
    if (read < nonceBytes + tagBytes) throw new Error(`Chunk ${index} is missing.`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, buffer.subarray(0, nonceBytes));
    decipher.setAAD(chunkAad(this.salt, index));
    decipher.setAuthTag(buffer.subarray(read - tagBytes, read));
    const plaintext = decipher.update(buffer.subarray(nonceBytes, read - tagBytes));
    decipher.final(); // throws unless the tag verifies; GCM has nothing left to give here
    return plaintext;
  }

  /** Plaintext bytes start..end (inclusive) as a stream, decrypting chunk by chunk; closes the file when done. */
  stream(start: number, end: number): Readable {
    let position = start;
    const chunkAt = (index: number): Buffer => this.chunk(index);
    const chunkBytes = this.chunkBytes;
    const close = (): void => this.close();
    return new Readable({
      read() {
        if (position > end) {
          this.push(null);
          return;
        }
        try {
          const index = Math.floor(position / chunkBytes);
          const plain = chunkAt(index);
          const from = position - index * chunkBytes;
          const to = Math.min(plain.length, end - index * chunkBytes + 1);
          position = index * chunkBytes + to;
          this.push(plain.subarray(from, to));
        } catch (error) {
          this.destroy(error instanceof Error ? error : new Error(String(error)));
        }
      },
      destroy(error, callback) {
        close();
        callback(error);
      },
    });
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}
