import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// A rating's comment is free text: residents write names and phone numbers into such boxes.
// It is sealed at rest with the outbox's key (AES-256-GCM, fresh IV), bound to its rating id
// so a blob moved to another row does not decrypt. Layout: version | iv | tag | ciphertext.

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const aad = (ratingId: string): Buffer => Buffer.from(`kiosk-ratings/v1|comment|${ratingId}`, 'utf8');

export const sealComment = (key: Buffer, ratingId: string, comment: string): Buffer => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(ratingId));
  const body = Buffer.concat([cipher.update(comment, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body]);
};

/** undefined when the blob fails authentication (tampered, another row's, another key) */
export const unsealComment = (key: Buffer, ratingId: string, sealed: Buffer): string | undefined => {
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + IV_BYTES));
    decipher.setAAD(aad(ratingId));
    decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
};
