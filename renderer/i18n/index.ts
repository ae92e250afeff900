import type { ErrorKind } from '../../common/errors.js';
import type { Locale } from '../../common/domain/locale.js';
import { en } from './en.js';
import { vi, type MessageKey, type Messages } from './vi.js';

export type { MessageKey, Messages } from './vi.js';
export type MessageParams = Readonly<Record<string, string | number>>;

export const catalogs: Readonly<Record<Locale, Messages>> = { vi, en };

/** `{name}` placeholders are filled from params; an unknown placeholder stays visible so a test catches it. */
export const t = (locale: Locale, key: MessageKey, params?: MessageParams): string => {
  const text = catalogs[locale][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
};

/** The catalog key that words an error kind for a resident; a kind without one does not compile. */
export const errorMessageKey = (kind: ErrorKind): MessageKey => {
  const key: `error.${ErrorKind}` & MessageKey = `error.${kind}`;
  return key;
};
