// The renderer's Content-Security-Policy, sent by both shells (Electron's app://kiosk/ and the
// browser host), so 'self' means our own bundle: no inline script or style, no eval, no remote origin, no plugins, no framing.
const directives: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['media-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const buildCsp = (): string => directives.map(([name, value]) => `${name} ${value}`).join('; ');

