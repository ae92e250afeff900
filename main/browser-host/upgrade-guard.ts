import { timingSafeEqual } from 'node:crypto';

export interface UpgradeRequestFacts {
  /** request target, e.g. `/api?token=…` */
  url: string | undefined;
  origin: string | undefined;
  host: string | undefined;
}

export type UpgradeVerdict = { ok: true } | { ok: false; status: 401 | 403 | 404; reason: string };

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Who may open the API socket: only the page this host served in this launch. The token
 * proves the page got its URL from us; Origin and Host stop another site in the same
 * browser, or a DNS-rebinding page, from riding along.
 */
export const checkUpgrade = (req: UpgradeRequestFacts, expect: { path: string; token: string; origin: string }): UpgradeVerdict => {
  let url: URL;
  try {
    url = new URL(req.url ?? '', expect.origin);
  } catch {
    return { ok: false, status: 404, reason: 'unparsable request target' };
  }
  if (url.pathname !== expect.path) return { ok: false, status: 404, reason: `no socket at ${url.pathname}` };
  if (req.host !== new URL(expect.origin).host) return { ok: false, status: 403, reason: `Host ${JSON.stringify(req.host)} is not this kiosk` };
  if (req.origin !== expect.origin) return { ok: false, status: 403, reason: `Origin ${JSON.stringify(req.origin)} is not this kiosk` };
  const token = url.searchParams.get('token');
  if (!token || !sameSecret(token, expect.token)) return { ok: false, status: 401, reason: 'missing or wrong launch token' };
  return { ok: true };
};
