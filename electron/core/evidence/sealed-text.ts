import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * A candidate's written response at rest: AES-256-GCM under a key of its own (HKDF of the evidence
 * key and a random salt), its evidence id bound in as additional data so a sealed text cannot be
 * moved to another item. Stored in the database as `sealed:1:<base64 salt ‖ nonce ‖ ciphertext ‖ tag>`.
 *
 * The whole database is encrypted too (db/database.ts); this sealing still does what that cannot: it
 * binds the text to its item, and it is under the evidence key, which the session's vault holds and
 * sign-out replaces, so a response left behind after sign-out is unreadable even with the database
 * key (which must outlive sign-out: the assessor's unsent work stays readable).
 */
const prefix = 'sealed:1:';
const saltBytes = 16;
const nonceBytes = 12;
const tagBytes = 16;

const textKey = (masterKey: Buffer, salt: Buffer): Buffer => Buffer.from(hkdfSync('sha256', masterKey, salt, 'assessor-written-response-v1', 32));

export function isSealed(stored: string): boolean {
  return stored.startsWith(prefix);
}

export function sealText(masterKey: Buffer, evidenceId: string, text: string): string {
  const salt = randomBytes(saltBytes);
  const nonce = randomBytes(nonceBytes);
  const cipher = createCipheriv('aes-256-gcm', textKey(masterKey, salt), nonce);
  cipher.setAAD(Buffer.from(evidenceId, 'utf8'));
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return prefix + Buffer.concat([salt, nonce, body, cipher.getAuthTag()]).toString('base64');
}

/** The text, or null if it was sealed under another key or for another item, or altered. */
export function openSealedText(masterKey: Buffer, evidenceId: string, stored: string): string | null {
  if (!isSealed(stored)) return null;
  const bytes = Buffer.from(stored.slice(prefix.length), 'base64');
  if (bytes.length < saltBytes + nonceBytes + tagBytes) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', textKey(masterKey, bytes.subarray(0, saltBytes)), bytes.subarray(saltBytes, saltBytes + nonceBytes));
    decipher.setAAD(Buffer.from(evidenceId, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - tagBytes));
    return Buffer.concat([decipher.update(bytes.subarray(saltBytes + nonceBytes, bytes.length - tagBytes)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
