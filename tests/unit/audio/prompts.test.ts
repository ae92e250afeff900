import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// kiosk-config/audio/prompts.json: what the voice guide says on each step of the journey,
// keyed by the screen's data-screen name (scripts/build-audio.mjs renders each to a clip).

const repo = resolve(import.meta.dirname, '../../..');
const prompts = JSON.parse(readFileSync(join(repo, 'kiosk-config/audio/prompts.json'), 'utf8')) as Record<string, unknown>;

/** The resident steps issue #5 names (attract has no voice). Screens added since have prompts too (test below). */
const journeySteps = [
  'home',
  'submit.choose',
  'submit.devices',
  'submit.identify',
  'submit.manual',
  'submit.form',
  'submit.scan',
  'submit.delivery',
  'submit.consent',
  'submit.review',
  'submit.receipt',
  'submit.rating',
  'guide.categories',
  'guide.list',
  'guide.detail',
  'help.topics',
  'help.procedure',
  'track.code',
  'track.result',
  'track.notFound',
  'rate.code',
  'rate.rating',
  'rate.thanks',
];

/**
 * Journey screen names written as string literals in the renderer's components: `data-screen`
 * attributes and `screen` props of frames that set it (the submit flow's StepFrame). Journey
 * steps have a dot; the kiosk's own screens (attract, pinPad) have none.
 */
const literalStepNames = (): Map<string, string> => {
  const dir = join(repo, 'renderer');
  const found = new Map<string, string>();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx'))) {
    const source = ts.createSourceFile(file, readFileSync(join(dir, file), 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const visit = (node: ts.Node) => {
      if (ts.isJsxAttribute(node) && ['data-screen', 'screen'].includes(node.name.getText(source)) && node.initializer) {
        const init = node.initializer;
        const literal = ts.isStringLiteral(init) ? init : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression) ? init.expression : null;
        if (literal && literal.text.includes('.')) found.set(literal.text, file);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
};

describe('voice guidance prompts', () => {
  it('has a prompt for every journey step', () => {
    expect(journeySteps.filter((id) => !(id in prompts))).toEqual([]);
  });

  it('says something in Vietnamese, in NFC, on every step', () => {
    const vietnamese = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i;
    for (const [id, text] of Object.entries(prompts)) {
      expect(typeof text, id).toBe('string');
      const s = String(text);
      expect(s === s.normalize('NFC'), `${id} is not NFC`).toBe(true);
      expect(vietnamese.test(s), `${id} has no Vietnamese letter`).toBe(true);
      // a step's guidance is a sentence or two, not a page: espeak-ng at 150 wpm takes ~6 s for this
      expect(s.length, id).toBeGreaterThan(20);
      expect(s.length, id).toBeLessThan(200);
    }
  });

  it('covers every journey screen the renderer names literally', () => {
    const missing = [...literalStepNames()].filter(([name]) => !(name in prompts)).map(([name, file]) => `${name} (${file})`);
    expect(missing, 'add a prompt for these screens to kiosk-config/audio/prompts.json').toEqual([]);
  });
});
