import { officialCodePattern } from '../../common/city/city-contract.js';

// The codes a resident tracks a dossier by: the kiosk's local receipt code
// (`KIOSKID-YYMMDD-NNNN`, main/outbox/local-code.ts) and the city's official code
// (`AGENCY-YYMMDD-NNNN`). Kiosk ids have no dots, agency ids usually do.

/** `kioskId-YYMMDD-NNNN`: the kiosk id is 2–12 upper-case letters or digits (site schema). */
export const localCodePattern = /^[A-Z0-9]{2,12}-[0-9]{6}-[0-9]{4}$/;

/** Codes are upper-case by construction; a reader or a keyboard may not keep that. */
export const normalizeCode = (code: string): string => code.trim().toUpperCase();

export const looksLocal = (code: string): boolean => localCodePattern.test(code);
/** the official pattern also matches local codes: check `looksLocal` first where it matters */
export const looksOfficial = (code: string): boolean => officialCodePattern.test(code);

/**
 * What the receipt's QR carries: the local code itself. It is the shortest thing that
 * identifies the dossier (a small QR prints and scans reliably on 58/80 mm paper), it is
 * printable ASCII, it is what `dossier.track` and `rating.submit` take, and it needs no
 * portal URL that the city has not given us.
 */
export const trackingQrOf = (localCode: string): string => localCode;

/** A QR payload the kiosk should treat as a tracking code (its own receipts, or an official code). */
export const isTrackingCode = (payload: string): boolean => looksOfficial(normalizeCode(payload));
