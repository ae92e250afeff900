export { buildCsp } from '../../common/security/renderer-csp.js';

export type HeaderMap = Record<string, string | string[]>;

/**
 * Response headers with our CSP as the only one: any CSP the response carried, in any letter
 * case, is replaced rather than merged, so nothing upstream can loosen or duplicate it.
 */
export const withCspHeader = (headers: HeaderMap, csp: string): HeaderMap => {
  const out: HeaderMap = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
};
