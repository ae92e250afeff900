import { telexBackspace, telexType } from '../../../common/input/telex.js';

// What a tap on the on-screen keyboard does to a field's value. Pure, so the rules (Telex
// composition, one-shot shift, automatic capitals for names, dd/mm/yyyy dates) are tested
// without a DOM. The keyboard always edits at the end of the value: a kiosk field is short,
// and a caret that a finger has to place is a trap for residents.

export type KeyboardLayout = 'text' | 'email' | 'digits' | 'phone' | 'date';

export interface ShiftState {
  /** the next letter only */
  shift: boolean;
  /** every letter until turned off */
  caps: boolean;
  /** Vietnamese Telex composition (aa → â, s → sắc, …) */
  telex: boolean;
}

export interface TypeOptions {
  maxLength?: number;
  /** capital letter at the start of each word (names, addresses) */
  capitalizeWords?: boolean;
}

export interface KeyResult {
  value: string;
  state: ShiftState;
}

/** The state a keyboard starts with for a field: Telex on for words, off for e-mail. */
export const initialShift = (layout: KeyboardLayout, value: string, opts: TypeOptions = {}): ShiftState => ({
  shift: opts.capitalizeWords === true && wordStart(value),
  caps: false,
  telex: layout === 'text',
});

const wordStart = (value: string): boolean => value === '' || /\s$/u.test(value);

const fits = (value: string, opts: TypeOptions): boolean => opts.maxLength === undefined || [...value].length <= opts.maxLength;

/** After any key: shift comes back on at a word's start when the field capitalizes words. */
const settle = (value: string, state: ShiftState, opts: TypeOptions): ShiftState => ({
  ...state,
  shift: opts.capitalizeWords === true && !state.caps && wordStart(value),
});

/** A letter, digit or sign key. Letters follow shift/caps; Telex composes with what is there. */
export const typeKey = (value: string, key: string, state: ShiftState, opts: TypeOptions = {}): KeyResult => {
  const upper = state.shift || state.caps;
  const char = upper ? key.toLocaleUpperCase('vi') : key;
  const next = state.telex && /^\p{L}$/u.test(key) ? telexType(value, char) : value + char;
  if (!fits(next, opts)) return { value, state };
  return { value: next, state: settle(next, { ...state, shift: false }, opts) };
};

export const typeSpace = (value: string, state: ShiftState, opts: TypeOptions = {}): KeyResult => {
  // one space between words is all a name or an address needs
  if (value === '' || value.endsWith(' ')) return { value, state };
  const next = `${value} `;
  if (!fits(next, opts)) return { value, state };
  return { value: next, state: settle(next, { ...state, shift: false }, opts) };
};

export const backspace = (value: string, state: ShiftState, opts: TypeOptions = {}): KeyResult => {
  const next = state.telex ? telexBackspace(value) : [...value].slice(0, -1).join('');
  return { value: next, state: settle(next, { ...state, shift: false }, opts) };
};

export const toggleShift = (state: ShiftState): ShiftState => ({ ...state, shift: !state.shift });
export const toggleCaps = (state: ShiftState): ShiftState => ({ ...state, caps: !state.caps, shift: false });
export const toggleTelex = (state: ShiftState): ShiftState => ({ ...state, telex: !state.telex });

// ---- numeric layouts ----

/** Digits only; the phone layout also takes one leading `+` (+84 …). */
export const typeDigit = (value: string, key: string, layout: 'digits' | 'phone', opts: TypeOptions = {}): string => {
  if (key === '+' && (layout !== 'phone' || value !== '')) return value;
  if (key !== '+' && !/^[0-9]$/.test(key)) return value;
  const next = value + key;
  return fits(next, opts) ? next : value;
};

export const eraseLast = (value: string): string => [...value].slice(0, -1).join('');

/** `01011990` → `01/01/1990`; a partial date keeps its slashes as the digits come. */
export const formatDateDigits = (digits: string): string => {
  const d = digits.replace(/[^0-9]/g, '').slice(0, 8);
  if (d.length <= 2) return d;
  if (d.length <= 4) return `${d.slice(0, 2)}/${d.slice(2)}`;
  return `${d.slice(0, 2)}/${d.slice(2, 4)}/${d.slice(4)}`;
};

/** A date typed digit by digit as dd/mm/yyyy: the slashes come by themselves. */
export const typeDateDigit = (value: string, key: string): string => {
  if (!/^[0-9]$/.test(key)) return value;
  const digits = value.replace(/[^0-9]/g, '');
  return digits.length >= 8 ? value : formatDateDigits(digits + key);
};

export const eraseDateDigit = (value: string): string => formatDateDigits(value.replace(/[^0-9]/g, '').slice(0, -1));

// ---- layouts ----

export const digitRow = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;
export const letterRows = [
  ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l'],
  ['z', 'x', 'c', 'v', 'b', 'n', 'm'],
] as const;
/** signs an address or a name needs; e-mail gets its own */
export const textSigns = [',', '.', '/', '-'] as const;
export const emailSigns = ['@', '.', '_', '-'] as const;
export type Sign = (typeof textSigns)[number] | (typeof emailSigns)[number];
