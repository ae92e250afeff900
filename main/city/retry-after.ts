// `Retry-After` is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3); the contract
// promises seconds, but a proxy in front of the city may well send a date.
export function retryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
