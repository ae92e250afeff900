import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// What the renderer bundle can pull in, read from the sources: every runtime import reachable
// from main.tsx. `import type` is free; zod and Node are not (the bundle must stay small and
// browser-only).

const repo = resolve(import.meta.dirname, '../../..');
const entry = join(repo, 'renderer/main.tsx');
const allowedPackages = ['react', 'react/jsx-runtime', 'react-dom/client', 'xstate', '@xstate/react'];

const runtimeSpecifiers = (file: string): string[] => {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  for (const s of source.statements) {
    if (ts.isImportDeclaration(s) && !s.importClause?.isTypeOnly && ts.isStringLiteral(s.moduleSpecifier)) found.push(s.moduleSpecifier.text);
    if (ts.isExportDeclaration(s) && !s.isTypeOnly && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) found.push(s.moduleSpecifier.text);
  }
  return found;
};

const resolveLocal = (from: string, spec: string): string | null => {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx')]) {
    if (existsSync(candidate) && candidate !== dirname(candidate)) return candidate;
  }
  return null;
};

const walk = () => {
  const files = new Set<string>();
  const packages = new Set<string>();
  const unresolved: string[] = [];
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of runtimeSpecifiers(file)) {
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      if (spec.endsWith('.css')) continue;
      const target = resolveLocal(file, spec);
      if (target) queue.push(target);
      else unresolved.push(`${relative(repo, file)} → ${spec}`);
    }
  }
  return { files: [...files].map((f) => relative(repo, f)), packages: [...packages], unresolved };
};

describe('renderer runtime imports', () => {
  const graph = walk();

  it('resolves every local import', () => {
    expect(graph.unresolved).toEqual([]);
    expect(graph.files).toContain('renderer/machines/root-machine.ts');
  });

  it('stays inside renderer/ and common/', () => {
    expect(graph.files.filter((f) => !f.startsWith('renderer/') && !f.startsWith('common/'))).toEqual([]);
  });

  it('uses only browser packages, never zod or Node built-ins', () => {
    const fontCss = (p: string) => p.startsWith('@fontsource/');
    expect(graph.packages.filter((p) => !allowedPackages.includes(p) && !fontCss(p))).toEqual([]);
  });
});
