import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// AES-256-GCM with a fresh random 12-byte IV per item. Layout: version | iv | tag | ciphertext.
// The associated data names the row and the role of the blob (dossier id + field), so a blob
// copied into another row or field fails authentication instead of decrypting as someone else.

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER = 1 + IV_BYTES + TAG_BYTES;

export const KEY_BYTES = 32;

// The attachment's plaintext sha256 is not part of it: it is checked against the row after
// decryption, and leaving it out lets hashing run in parallel with sealing.
export type Role = { kind: 'payload'; dossierId: string } | { kind: 'attachment'; dossierId: string; seq: number; componentId: string };

export const associatedData = (role: Role): Buffer =>
  Buffer.from(
    role.kind === 'payload'
      ? `kiosk-outbox/v1|payload|${role.dossierId}`
      : `kiosk-outbox/v1|attachment|${role.dossierId}|${role.seq}|${role.componentId}`,
    'utf8',
  );

export function seal(key: Buffer, plaintext: Buffer, role: Role): Buffer {
  if (key.length !== KEY_BYTES) throw new Error('outbox key must be 32 bytes');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(role));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body]);
}

/** The plaintext, or null when the blob was altered, truncated, moved to another row/role or sealed with another key. */
export function unseal(key: Buffer, sealed: Buffer, role: Role): Buffer | null {
  if (sealed.length < HEADER || sealed[0] !== VERSION) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(role));
    decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, HEADER));
    return Buffer.concat([decipher.update(sealed.subarray(HEADER)), decipher.final()]);
  } catch {
    return null;
  }
}
