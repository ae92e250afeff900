import type { CityError } from '../city/city-client-types.js';
import { maskIdNumber } from '../../common/cccd/mask.js';

// What the outbox stores and logs about a failure. A city's problem `detail` may echo the
// request (an ID number, a phone); digit runs long enough to identify someone are masked,
// and the text is kept short.

const LONG_DIGITS = /\d{9,}/g;
const MAX = 300;

export const maskDigits = (text: string): string => text.replace(LONG_DIGITS, (m) => maskIdNumber(m));

export function safeErrorText(e: CityError): string {
  const status = 'status' in e && e.status !== undefined ? ` ${e.status}` : '';
  const missing = e.kind === 'CityMissingUploads' ? ` (${e.missing.length} missing)` : '';
  return maskDigits(`${e.kind}${status}${missing}: ${e.message}`).slice(0, MAX);
}
