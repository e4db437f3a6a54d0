import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { CipherGCM } from 'node:crypto';
import { closeSync, fstatSync, ftruncateSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { setImmediate as yieldToEvents } from 'node:timers/promises';

/**
 * Evidence files are not in the (encrypted) database: they are sealed here, under the evidence key
 * that sign-out replaces, each chunk bound to its item and place. That stays needed with the database
 * encrypted: these files live beside it, not in it.
 *
 * Evidence at rest (format 2): AES-256-GCM in fixed-size chunks, so a player can seek anywhere in a
 * 1 GB video by decrypting only the chunks it reads, and an interrupted download resumes after the
 * last complete chunk.
 *
 * Layout: header = "AWE2" ‖ chunk size (u32 BE) ‖ salt (16 bytes); then chunks, each
 * nonce (12) ‖ ciphertext (≤ chunk size) ‖ tag (16). Each file has its own key, derived from the
 * workstation's evidence key and the file's salt (HKDF-SHA256); each chunk has a random nonce, so a
 * chunk rewritten after a resume never reuses one.
 *
 * A STREAM-style construction: every chunk's additional data is the whole header, the evidence id,
 * the chunk's index and whether it is the final chunk. So a file cut at a chunk boundary (its new last
 * chunk is not final), extended, reordered, moved to another item, or with any header byte changed
 * fails to decrypt; and readers check the plaintext length against the size recorded for the item.
 *
 * Format 1 ("AWE1": additional data = salt ‖ index, no final flag) is still read, and rewritten as
 * format 2 (see `rewriteAsCurrentFormat`).
 */
const magicV1 = Buffer.from('AWE1');
const magicV2 = Buffer.from('AWE2');
const saltBytes = 16;
const nonceBytes = 12;
const tagBytes = 16;
export const headerBytes = magicV2.length + 4 + saltBytes;
/** Small enough that a download killed mid-chunk loses little; large enough that per-chunk work is noise. */
export const defaultChunkBytes = 64 * 1024;
const maxChunkBytes = 16 * 1024 * 1024;

/** The file is not the evidence it should be: cut, extended, altered, swapped, or under another key. */
export class EvidenceIntegrityError extends Error {
  override name = 'EvidenceIntegrityError';
}

const chunkStride = (chunkBytes: number): number => nonceBytes + chunkBytes + tagBytes;
/** Chunks of a file of `plaintextBytes` (an empty file has one, empty, final chunk). */
const chunkCountFor = (plaintextBytes: number, chunkBytes: number): number => Math.max(1, Math.ceil(plaintextBytes / chunkBytes));

interface Header {
  format: 1 | 2;
  chunkBytes: number;
  salt: Buffer;
  bytes: Buffer;
}

function readHeader(fd: number): Header {
  const bytes = Buffer.alloc(headerBytes);
  if (readSync(fd, bytes, 0, headerBytes, 0) !== headerBytes) throw new EvidenceIntegrityError('Not an encrypted evidence file.');
  const magic = bytes.subarray(0, 4);
  const format = magic.equals(magicV2) ? 2 : magic.equals(magicV1) ? 1 : null;
  const chunkBytes = bytes.readUInt32BE(4);
  if (format === null || chunkBytes < 1 || chunkBytes > maxChunkBytes) throw new EvidenceIntegrityError('Not an encrypted evidence file.');
  return { format, chunkBytes, salt: Buffer.from(bytes.subarray(8)), bytes };
}

function writeHeader(fd: number, chunkBytes: number): Header {
  const bytes = Buffer.alloc(headerBytes);
  magicV2.copy(bytes);
  bytes.writeUInt32BE(chunkBytes, 4);
  const salt = randomBytes(saltBytes);
  salt.copy(bytes, 8);
  writeSync(fd, bytes, 0, headerBytes, 0);
  return { format: 2, chunkBytes, salt, bytes };
}

function fileKey(masterKey: Buffer, header: Header): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, header.salt, header.format === 2 ? 'assessor-evidence-v2' : 'assessor-evidence-v1', 32));
}

/**
 * The additional data of each chunk, built once per file; `at(index, final)` fills in the chunk's
 * place (the buffer is reused: OpenSSL copies it when it is set).
 */
class ChunkBinding {
  private readonly buffer: Buffer;
  private readonly placeAt: number;
  constructor(private readonly header: Header, evidenceId: string) {
    if (header.format === 1) {
      this.buffer = Buffer.alloc(saltBytes + 8);
      header.salt.copy(this.buffer);
      this.placeAt = saltBytes;
      return;
    }
    const id = Buffer.from(evidenceId, 'utf8');
    this.buffer = Buffer.alloc(headerBytes + 2 + id.length + 9);
    header.bytes.copy(this.buffer);
    this.buffer.writeUInt16BE(id.length, headerBytes);
    id.copy(this.buffer, headerBytes + 2);
    this.placeAt = headerBytes + 2 + id.length;
  }

  at(index: number, final: boolean): Buffer {
    this.buffer.writeBigUInt64BE(BigInt(index), this.placeAt);
    if (this.header.format === 2) this.buffer[this.placeAt + 8] = final ? 1 : 0;
    return this.buffer;
  }
}

/**
 * Appends plaintext to an encrypted evidence file of a known final size. Bytes are encrypted as they
 * arrive and each chunk (nonce, ciphertext, tag) is written once, whole, when it is complete: one
 * write per 64 KiB instead of one per network read plus the nonce and the tag (the writes were half
 * of a download's CPU here). A chunk not yet complete is not on disk; a crash loses at most it, and a
 * resume fetches it again, as it did a torn one.
 */
export class EncryptedWriter {
  private cipher: CipherGCM | null = null;
  /** Plaintext bytes in the open chunk. */
  private filled = 0;
  /** The open chunk as it will be stored, and how much of it is there. */
  private readonly pending: Buffer;
  private pendingBytes = 0;
  private position: number;
  private readonly lastIndex: number;
  private constructor(
    private readonly fd: number,
    private readonly key: Buffer,
    private readonly binding: ChunkBinding,
    private readonly chunkBytes: number,
    totalBytes: number,
    private nextIndex: number,
  ) {
    this.position = headerBytes + nextIndex * chunkStride(chunkBytes);
    this.lastIndex = chunkCountFor(totalBytes, chunkBytes) - 1;
    this.pending = Buffer.allocUnsafe(chunkStride(chunkBytes));
  }

  /** A new file for evidence item `evidenceId` of `totalBytes` (truncating any old one). */
  static create(path: string, masterKey: Buffer, evidenceId: string, totalBytes: number, chunkBytes = defaultChunkBytes): EncryptedWriter {
    const fd = openSync(path, 'w', 0o600);
    const header = writeHeader(fd, chunkBytes);
    return new EncryptedWriter(fd, fileKey(masterKey, header), new ChunkBinding(header, evidenceId), chunkBytes, totalBytes, 0);
  }

  /**
   * Reopens a partial file to append after its last complete chunk (a torn final chunk is cut off).
   * Returns the writer and how many plaintext bytes the file already holds. A file in the old format
   * is refused (start it again).
   */
  static resume(path: string, masterKey: Buffer, evidenceId: string, totalBytes: number): { writer: EncryptedWriter; plaintextBytes: number } {
    const fd = openSync(path, 'r+');
    try {
      const header = readHeader(fd);
      if (header.format !== 2) throw new EvidenceIntegrityError('A partial download in the old format is fetched again.');
      const stride = chunkStride(header.chunkBytes);
      const fullChunks = Math.min(Math.floor((fstatSync(fd).size - headerBytes) / stride), chunkCountFor(totalBytes, header.chunkBytes));
      ftruncateSync(fd, headerBytes + fullChunks * stride);
      const writer = new EncryptedWriter(fd, fileKey(masterKey, header), new ChunkBinding(header, evidenceId), header.chunkBytes, totalBytes, fullChunks);
      return { writer, plaintextBytes: Math.min(fullChunks * header.chunkBytes, totalBytes) };
    } catch (error) {
      closeSync(fd);
      throw error;
    }
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

  /** Completes the final chunk and closes the file. (No fsync: a file torn by power loss fails its check when opened and is fetched again.) */
  finish(): void {
    if (this.cipher) this.closeChunk();
    else if (this.nextIndex === 0) this.closeChunk(this.openChunk()); // an empty file still has its one final chunk
    if (this.nextIndex !== this.lastIndex + 1) {
      closeSync(this.fd);
      throw new EvidenceIntegrityError('The file ended before its recorded size.');
    }
    closeSync(this.fd);
  }

  /** Closes without completing the open chunk (it is cut off and fetched again on resume). */
  abandon(): void {
    closeSync(this.fd);
  }

  private openChunk(): CipherGCM {
    if (this.nextIndex > this.lastIndex) throw new EvidenceIntegrityError('More bytes than the recorded size.');
    const nonce = randomBytes(nonceBytes);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(this.binding.at(this.nextIndex, this.nextIndex === this.lastIndex));
    this.append(nonce);
    this.cipher = cipher;
    this.filled = 0;
    return cipher;
  }

  private closeChunk(cipher = this.cipher!): void {
    const rest = cipher.final(); // empty for GCM, kept in case it ever is not
    if (rest.length > 0) this.append(rest);
    this.append(cipher.getAuthTag());
    writeSync(this.fd, this.pending, 0, this.pendingBytes, this.position);
    this.position += this.pendingBytes;
    this.pendingBytes = 0;
    this.cipher = null;
    this.nextIndex += 1;
  }

  private append(bytes: Buffer): void {
    this.pendingBytes += bytes.copy(this.pending, this.pendingBytes);
  }
}

/** Random-access decryption of an encrypted evidence file. */
export class EncryptedReader {
  readonly size: number;
  readonly format: 1 | 2;
  private readonly chunkCount: number;
  private readonly stride: number;
  private constructor(
    private readonly fd: number,
    private readonly key: Buffer,
    private readonly binding: ChunkBinding,
    private readonly chunkBytes: number,
    format: 1 | 2,
    shape: { size: number; chunkCount: number },
  ) {
    this.format = format;
    this.size = shape.size;
    this.chunkCount = shape.chunkCount;
    this.stride = chunkStride(chunkBytes);
  }

  /**
   * Opens evidence item `evidenceId`, whose recorded size is `expectedBytes`. Throws
   * EvidenceIntegrityError unless the file holds exactly that many bytes and its final chunk verifies
   * (so a cut, extended or swapped file is refused before a byte of it is served).
   */
  static open(path: string, masterKey: Buffer, evidenceId: string, expectedBytes: number): EncryptedReader {
    return EncryptedReader.openWith(path, masterKey, evidenceId, expectedBytes, false);
  }

  /** A partial download's complete chunks, read to resume it (its final chunk has not arrived). */
  static openPartial(path: string, masterKey: Buffer, evidenceId: string, expectedBytes: number): EncryptedReader {
    return EncryptedReader.openWith(path, masterKey, evidenceId, expectedBytes, true);
  }

  private static openWith(path: string, masterKey: Buffer, evidenceId: string, expectedBytes: number, partial: boolean): EncryptedReader {
    const fd = openSync(path, 'r');
    try {
      const header = readHeader(fd);
      const stored = fstatSync(fd).size - headerBytes;
      const stride = chunkStride(header.chunkBytes);
      const full = Math.floor(stored / stride);
      const tail = stored - full * stride;
      const chunkCount = partial ? chunkCountFor(expectedBytes, header.chunkBytes) : full + (tail > 0 ? 1 : 0);
      if (!partial && (chunkCount === 0 || (tail > 0 && tail < nonceBytes + tagBytes))) throw new EvidenceIntegrityError('The file is cut off.');
      const size = partial ? expectedBytes : (chunkCount - 1) * header.chunkBytes + (tail > 0 ? tail - nonceBytes - tagBytes : header.chunkBytes);
      if (!partial && size !== expectedBytes) throw new EvidenceIntegrityError(`The file holds ${size} bytes; ${expectedBytes} were recorded.`);
      const reader = new EncryptedReader(fd, fileKey(masterKey, header), new ChunkBinding(header, evidenceId), header.chunkBytes, header.format, { size, chunkCount });
      if (!partial) reader.chunk(chunkCount - 1); // the final chunk must verify as final
      return reader;
    } catch (error) {
      closeSync(fd);
      throw error instanceof EvidenceIntegrityError ? error : new EvidenceIntegrityError(error instanceof Error ? error.message : String(error));
    }
  }

  /** How many chunks the file holds (its last one final). */
  get chunks(): number {
    return this.chunkCount;
  }

  /** One chunk's plaintext; throws EvidenceIntegrityError if it was altered, moved or cut. */
  chunk(index: number): Buffer {
    if (index >= this.chunkCount) throw new EvidenceIntegrityError(`Chunk ${index} is past the end.`);
    const buffer = Buffer.allocUnsafe(this.stride); // only the bytes read are used
    const read = readSync(this.fd, buffer, 0, this.stride, headerBytes + index * this.stride);
    if (read < nonceBytes + tagBytes) throw new EvidenceIntegrityError(`Chunk ${index} is missing.`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, buffer.subarray(0, nonceBytes));
      decipher.setAAD(this.binding.at(index, index === this.chunkCount - 1));
      decipher.setAuthTag(buffer.subarray(read - tagBytes, read));
      const plaintext = decipher.update(buffer.subarray(nonceBytes, read - tagBytes));
      decipher.final(); // throws unless the tag verifies; GCM has nothing left to give here
      return plaintext;
    } catch {
      throw new EvidenceIntegrityError(`Chunk ${index} does not verify.`);
    }
  }

  /**
   * Plaintext bytes start..end (inclusive), decrypting only the chunks they lie in; throws
   * EvidenceIntegrityError if one of them was altered, moved or cut. (Hosts read a range at a time.)
   */
  range(start: number, end: number): Buffer {
    if (start < 0 || end < start || end >= this.size) throw new RangeError(`Bytes ${start}-${end} are not within ${this.size}.`);
    const parts: Buffer[] = [];
    for (let index = Math.floor(start / this.chunkBytes); index * this.chunkBytes <= end; index += 1) {
      const from = Math.max(0, start - index * this.chunkBytes);
      const to = Math.min(this.chunkBytes, end - index * this.chunkBytes + 1);
      parts.push(this.chunk(index).subarray(from, to));
    }
    return Buffer.concat(parts);
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}

/**
 * Rewrites a format-1 file as format 2 beside it and swaps it in once every chunk verified; the
 * event loop is given back between chunks so scoring never waits on it. False if the old file did
 * not verify (it is left for the caller to fetch again).
 */
export async function rewriteAsCurrentFormat(path: string, masterKey: Buffer, evidenceId: string, expectedBytes: number): Promise<boolean> {
  const next = `${path}.v2`;
  let reader: EncryptedReader | null = null;
  let writer: EncryptedWriter | null = null;
  try {
    reader = EncryptedReader.open(path, masterKey, evidenceId, expectedBytes);
    if (reader.format === 2) return true;
    writer = EncryptedWriter.create(next, masterKey, evidenceId, expectedBytes);
    for (let index = 0; index < reader.chunks; index++) {
      writer.write(reader.chunk(index));
      if (index % 16 === 15) await yieldToEvents();
    }
    writer.finish();
    writer = null;
    renameSync(next, path);
    return true;
  } catch {
    writer?.abandon();
    rmSync(next, { force: true });
    return false;
  } finally {
    reader?.close();
  }
}
