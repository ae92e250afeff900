import { z } from 'zod';
import { Locale, LocalizedText } from '../domain/locale.js';
import { AttractSlide, type SiteConfig } from './site-schema.js';

// The part of the site config the renderer may see: no transports, no city endpoint.
export const PublicConfig = z.object({
  siteId: z.string(),
  siteName: LocalizedText,
  kioskId: z.string(),
  locale: z.object({ default: Locale, available: z.array(Locale) }),
  timeouts: z.object({ idleSeconds: z.number(), warningSeconds: z.number(), diagnosticsIdleSeconds: z.number() }),
  hotline: z.object({ phone: z.string(), hours: LocalizedText }),
  attract: z.object({ slides: z.array(AttractSlide) }),
  procedures: z.array(z.string()),
});
export type PublicConfig = z.infer<typeof PublicConfig>;

export const toPublicConfig = (c: SiteConfig): PublicConfig => ({
  siteId: c.site.id,
  siteName: c.site.name,
  kioskId: c.kiosk.id,
  locale: c.locale,
  timeouts: c.timeouts,
  hotline: c.hotline,
  attract: c.attract,
  procedures: c.procedures.enabled,
});
