import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/**
 * Alters one byte of a file on disk by flipping its bits (written as a constant, it would already
 * be that byte once in 256 runs, and the file would not be altered at all).
 */
export function flipByte(path: string, at: number): void {
  const fd = openSync(path, 'r+');
  try {
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, at);
    writeSync(fd, Buffer.from([byte[0]! ^ 0xff]), 0, 1, at);
  } finally {
    closeSync(fd);
  }
}
