import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { errorKinds } from '../../../common/errors.js';
import { en } from '../../../renderer/i18n/en.js';
import { errorMessageKey, t } from '../../../renderer/i18n/index.js';
import { vi } from '../../../renderer/i18n/vi.js';

/** JSX text nodes with a letter in them, e.g. `<h1>Quay lại</h1>`: words that bypassed the catalog. */
const jsxTextWithLetters = (path: string): string[] => {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(node.text.trim());
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

const rendererDir = join(import.meta.dirname, '../../../renderer');

describe('i18n catalogs', () => {
  it('en has exactly the keys of vi', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('has no empty or whitespace-only message', () => {
    for (const [key, text] of [...Object.entries(vi), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('keeps Vietnamese in NFC, so tone marks render as one glyph and compare equal', () => {
    for (const [key, text] of Object.entries(vi)) expect(text === text.normalize('NFC'), key).toBe(true);
  });

  it('really is Vietnamese: most messages carry Vietnamese letters', () => {
    const vietnamese = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i;
    const withMarks = Object.values(vi).filter((s) => vietnamese.test(s)).length;
    expect(withMarks / Object.keys(vi).length).toBeGreaterThan(0.8);
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
  });

  it('words every error kind for a resident', () => {
    for (const kind of errorKinds) {
      expect(vi[errorMessageKey(kind)], kind).toBeTruthy();
      expect(en[errorMessageKey(kind)], kind).toBeTruthy();
    }
  });

  it('fills placeholders', () => {
    expect(t('vi', 'idle.countdown', { seconds: 7 })).toBe('Phiên sẽ kết thúc sau 7 giây');
    expect(t('en', 'idle.countdown', { seconds: 7 })).toBe('The session ends in 7 seconds');
  });

  it('components hold no user-facing text of their own (everything goes through tr)', () => {
    // every component anywhere in the renderer: screens, flows, diagnostics
    const files = readdirSync(rendererDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(jsxTextWithLetters(join(rendererDir, file)), file).toEqual([]);
  });
});
