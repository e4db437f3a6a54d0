import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, writeSync, writevSync } from 'node:fs';
import { Readable } from 'node:stream';

/**
 * Evidence at rest: AES-256-GCM in fixed-size chunks, so a player can seek anywhere in a 1 GB video
 * by decrypting only the chunks it reads, and an interrupted download resumes after the last
 * complete chunk.
 *
 * File layout: header (magic "AWE1", chunk size u32, salt 16 bytes), then chunks, each
 * nonce (12) ‖ ciphertext (≤ chunk size) ‖ tag (16). Each file has its own key, derived from the
 * workstation's master key and the file's salt (HKDF-SHA256); each chunk's nonce and additional
 * data carry its index, so chunks cannot be reordered or moved between files undetected.
 */
const magic = Buffer.from('AWE1');
const saltBytes = 16;
const nonceBytes = 12;
const tagBytes = 16;
export const headerBytes = magic.length + 4 + saltBytes;
export const defaultChunkBytes = 256 * 1024;

function fileKey(masterKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, salt, 'assessor-evidence-v1', 32));
}

function chunkAad(salt: Buffer, index: number): Buffer {
  const aad = Buffer.alloc(saltBytes + 8);
  salt.copy(aad);
  aad.writeBigUInt64BE(BigInt(index), saltBytes);
  return aad;
}

function chunkNonce(index: number): Buffer {
  const nonce = Buffer.alloc(nonceBytes);
  nonce.writeBigUInt64BE(BigInt(index), 4);
  return nonce;
}

/** Appends plaintext to an encrypted evidence file; complete chunks reach the file as soon as they fill. */
export class EncryptedWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private constructor(
    private readonly fd: number,
    private readonly key: Buffer,
    private readonly salt: Buffer,
    private readonly chunkBytes: number,
    private nextIndex: number,
  ) {}

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
   * Reopens a partial file to append after its last complete chunk (a torn final chunk is dropped).
   * Returns the writer and how many plaintext bytes the file already holds.
   */
  static resume(path: string, masterKey: Buffer): { writer: EncryptedWriter; plaintextBytes: number } {
    const fd = openSync(path, 'r+');
    const { salt, chunkBytes } = readHeader(fd);
    const stored = fstatSync(fd).size - headerBytes;
    const fullChunks = Math.floor(stored / (nonceBytes + chunkBytes + tagBytes));
    return { writer: new EncryptedWriter(fd, fileKey(masterKey, salt), salt, chunkBytes, fullChunks), plaintextBytes: fullChunks * chunkBytes };
  }

  write(data: Buffer): void {
    this.pending.push(data);
    this.pendingBytes += data.length;
    if (this.pendingBytes < this.chunkBytes) return;
    // One copy of what arrived, then every full chunk straight from it.
    const all = this.pending.length === 1 ? data : Buffer.concat(this.pending, this.pendingBytes);
    let offset = 0;
    for (; offset + this.chunkBytes <= all.length; offset += this.chunkBytes) this.writeChunk(all.subarray(offset, offset + this.chunkBytes));
    const rest = all.subarray(offset);
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
  }

  /** Writes the final (short) chunk and closes the file. */
  finish(): void {
    if (this.pendingBytes > 0) this.writeChunk(Buffer.concat(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
    closeSync(this.fd);
  }

  /** Closes without writing what has not filled a chunk (it will be fetched again). */
  abandon(): void {
    closeSync(this.fd);
  }

  private writeChunk(plaintext: Buffer): void {
    const index = this.nextIndex++;
    const nonce = chunkNonce(index);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(chunkAad(this.salt, index));
    const body = cipher.update(plaintext);
    const rest = cipher.final();
    const position = headerBytes + index * (nonceBytes + this.chunkBytes + tagBytes);
    writevSync(this.fd, rest.length > 0 ? [nonce, body, rest, cipher.getAuthTag()] : [nonce, body, cipher.getAuthTag()], position);
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
    const stride = nonceBytes + chunkBytes + tagBytes;
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
    const stride = nonceBytes + this.chunkBytes + tagBytes;
    const buffer = Buffer.alloc(stride);
    const read = readSync(this.fd, buffer, 0, stride, headerBytes + index * stride);
    if (read < nonceBytes + tagBytes) throw new Error(`Chunk ${index} is missing.`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, buffer.subarray(0, nonceBytes));
    decipher.setAAD(chunkAad(this.salt, index));
    decipher.setAuthTag(buffer.subarray(read - tagBytes, read));
    return Buffer.concat([decipher.update(buffer.subarray(nonceBytes, read - tagBytes)), decipher.final()]);
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
