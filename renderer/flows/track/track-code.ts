// The codes a resident can track by: the kiosk's receipt code (`KIOSK01-261124-0001`, see
// main/outbox/local-code.ts) or the one-stop system's dossier code (`000.00.01.H26-261123-0042`).
// Both are upper-case letters, digits, dots and dashes; the contract (journey-contract.ts)
// accepts 3–60 of them.

export const maxCodeLength = 60;
const trackable = /^[0-9A-Z.-]{3,60}$/;

/** What the on-screen keyboard (or a stray physical key) typed, as a code: upper case, nothing but code characters. */
export const normaliseTypedCode = (text: string): string =>
  text
    .toUpperCase()
    .replace(/[^0-9A-Z.-]/g, '')
    .slice(0, maxCodeLength);

/** A scanned code is taken as it is (trimmed, upper case): a QR with other characters is not a receipt's. */
export const normaliseScannedCode = (text: string): string => text.trim().toUpperCase();

export const isTrackableCode = (code: string): boolean => trackable.test(code);

/** The characters the code keyboard offers, in the order a receipt's codes use them. */
export const codeKeys = {
  digits: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
  letters: ['Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', 'A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', 'Z', 'X', 'C', 'V', 'B', 'N', 'M'],
  marks: ['.', '-'],
} as const;
