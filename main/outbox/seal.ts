import { createCipheriv, createDecipheriv, randomFillSync, type Hash } from 'node:crypto';

// AES-256-GCM with a fresh random 12-byte IV per item. Layout: version | iv | tag | ciphertext.
// The associated data names the row and the role of the blob (dossier id + field), so a blob
// copied into another row or field fails authentication instead of decrypting as someone else.

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER = 1 + IV_BYTES + TAG_BYTES;
/** version | iv | tag: what sealing adds in front of the ciphertext (GCM adds no padding) */
export const SEALED_HEADER_BYTES = HEADER;

export const KEY_BYTES = 32;

// Plaintext goes through the cipher in slices of this size, so every ciphertext buffer is
// small. Large buffers are what is slow on the kiosk's VMs: one past glibc's mmap threshold
// (128 KiB) is fresh pages, faulted in one by one (Buffer.concat of 3 MB: 0.2 ms on a quiet
// VM, 7–9 ms on a busy one), where small ones come from the heap. Measured sealing 10 × 300 KB:
// 64 KiB slices 1.3–1.4 ms median vs 1.5–3.0 ms for one update per page (16 KiB: no better).
const SLICE_BYTES = 64 * 1024;

// The attachment's plaintext sha256 is not part of it: it is checked against the row after
// decryption, and leaving it out lets hashing run in the same pass as sealing.
export type Role = { kind: 'payload'; dossierId: string } | { kind: 'attachment'; dossierId: string; seq: number; componentId: string };

export const associatedData = (role: Role): Buffer =>
  Buffer.from(
    role.kind === 'payload'
      ? `kiosk-outbox/v1|payload|${role.dossierId}`
      : `kiosk-outbox/v1|attachment|${role.dossierId}|${role.seq}|${role.componentId}`,
    'utf8',
  );

/** One sealed item as the parts that, laid end to end, are its bytes (the layout above). */
export interface SealedParts {
  /** version | iv | tag (the tag is known only once the whole plaintext went through) */
  header: Buffer;
  /** the ciphertext, in the slices the cipher produced: never concatenated, so never copied */
  body: Buffer[];
  /** header + body, in bytes */
  length: number;
}

/**
 * Seals `plaintext` without building the sealed blob: a caller that writes it to a file hands
 * the parts to one gather write (writev). `alsoHash`, when given, is fed each plaintext slice
 * right before the cipher reads it, while it is in cache: one pass over the page for both.
 */
export function sealParts(key: Buffer, plaintext: Uint8Array, role: Role, alsoHash?: Hash): SealedParts {
  if (key.length !== KEY_BYTES) throw new Error('outbox key must be 32 bytes');
  // the IV is drawn straight into the header: no separate buffer to copy in afterwards
  const header = Buffer.alloc(HEADER);
  header[0] = VERSION;
  const iv = header.subarray(1, 1 + IV_BYTES);
  randomFillSync(iv);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(role));
  const body: Buffer[] = [];
  let length = HEADER;
  const push = (out: Buffer) => {
    if (out.length === 0) return;
    body.push(out);
    length += out.length;
  };
  for (let at = 0; at < plaintext.length; at += SLICE_BYTES) {
    const slice = plaintext.subarray(at, at + SLICE_BYTES);
    alsoHash?.update(slice);
    push(cipher.update(slice));
  }
  push(cipher.final());
  cipher.getAuthTag().copy(header, 1 + IV_BYTES);
  return { header, body, length };
}

/** The sealed blob in one buffer (the payload column: small, and sqlite wants one value). */
export function seal(key: Buffer, plaintext: Uint8Array, role: Role): Buffer {
  const { header, body, length } = sealParts(key, plaintext, role);
  return Buffer.concat([header, ...body], length);
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
