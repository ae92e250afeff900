import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { rendererCsp } from '../../../main/browser-host/static-files.js';
import { buildCsp, withCspHeader } from '../../../main/electron/csp.js';

// Google's CSP Evaluator, as shipped with Electronegativity (no type declarations of its own).
interface CspFinding {
  severity: number;
  directive: string;
  description: string;
}
interface CspEvaluatorModule {
  CspParser: new (csp: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): CspFinding[] };
  Version: { CSP3: unknown };
  severities: { HIGH: number; SYNTAX: number; MEDIUM: number };
}
const evaluator = createRequire(import.meta.url)('@doyensec/csp-evaluator') as CspEvaluatorModule;
const seriousFindings = (policy: string): CspFinding[] => {
  const parsed = new evaluator.CspParser(policy);
  const { HIGH, SYNTAX, MEDIUM } = evaluator.severities;
  return new evaluator.CspEvaluator(parsed.csp, evaluator.Version.CSP3).evaluate().filter((f) => [HIGH, SYNTAX, MEDIUM].includes(f.severity));
};

const directives = (policy: string): Map<string, string> =>
  new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values.join(' ')]));

describe('buildCsp', () => {
  const csp = buildCsp();
  const d = directives(csp);

  it('starts from nothing and allows only our own origin', () => {
    expect(d.get('default-src')).toBe("'none'");
    expect(d.get('script-src')).toBe("'self'");
    expect(d.get('style-src')).toBe("'self'");
    expect(d.get('img-src')).toBe("'self' data: blob:");
    expect(d.get('font-src')).toBe("'self'");
    expect(d.get('connect-src')).toBe("'self'");
    expect(d.get('media-src')).toBe("'self' blob:");
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) expect(d.get(name)).toBe("'none'");
  });

  it('never allows inline code, eval or a remote origin', () => {
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*|https?:|ws:/);
  });

  it("passes Google's CSP Evaluator with no high or medium finding", () => {
    expect(seriousFindings(csp)).toEqual([]);
    // the evaluator does catch a weak policy, so the line above can fail
    expect(seriousFindings("script-src 'self' 'unsafe-inline'; default-src 'none'").length).toBeGreaterThan(0);
  });

  it('is the same policy the browser host sends', () => {
    expect(rendererCsp).toBe(csp);
  });
});

describe('withCspHeader', () => {
  it('replaces any CSP, whatever its letter case, with ours', () => {
    const out = withCspHeader({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] }, "default-src 'none'");
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'none'"] });
  });
});
