// A tiny ESLint parser for the site files in kiosk-config/: it only checks that the file is
// JSON, so `eslint kiosk-config` reports a broken file with its line and column. The schema
// itself is checked by main/config/load-site.ts (and its tests).

function lineColumn(text, offset) {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) };
}

export default {
  meta: { name: 'kiosk-json-syntax', version: '1.0.0' },
  parseForESLint(text) {
    const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
    try {
      JSON.parse(body);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      const position = /at position (\d+)/.exec(detail);
      const offset = position ? Number(position[1]) : /end of JSON input/.test(detail) ? body.length : 0;
      const where = lineColumn(body, offset);
      // ESLint reads lineNumber (1-based) and column (1-based) from a parser's error
      throw Object.assign(new SyntaxError(`not valid JSON: ${detail}`), { lineNumber: where.line, column: where.column + 1 });
    }
    const end = lineColumn(text, text.length);
    return {
      ast: {
        type: 'Program',
        sourceType: 'script',
        body: [],
        tokens: [],
        comments: [],
        range: [0, text.length],
        loc: { start: { line: 1, column: 0 }, end },
      },
    };
  },
};
