import { z } from 'zod';

export const locales = ['vi', 'en'] as const;
export const Locale = z.enum(locales);
export type Locale = z.infer<typeof Locale>;

/** Text a resident reads: Vietnamese first, English second; both required. */
export const LocalizedText = z.object({
  vi: z.string().min(1, 'Vietnamese text is required'),
  en: z.string().min(1, 'English text is required'),
});
export type LocalizedText = z.infer<typeof LocalizedText>;
