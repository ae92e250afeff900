// Local ESLint plugin `kiosk` with one rule, `kiosk/layers`: the import table of DESIGN.md
// ("Layers: who may import whom"), checked on every import, export-from, import() and
// require(). Plain ESM JavaScript so ESLint loads it without a TypeScript loader.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const defaultRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const builtins = new Set(builtinModules);

/**
 * Each restricted layer: the layers of ours it may import, what it may not take from npm or
 * Node, and the sentence the report ends with. Layers missing here (scripts/, tests/,
 * bench/, top-level tool configs) may import anything.
 */
const layers = {
  common: {
    mayImport: ['common'],
    forbid: { node: true, electron: true, react: true, nodeOnly: true },
    says: 'common may import nothing of ours and no Node builtins, electron or react',
  },
  hardware: { mayImport: ['common', 'hardware'], forbid: { electron: true }, says: 'hardware may import only common/' },
  main: {
    mayImport: ['common', 'hardware', 'main'],
    forbid: { electron: true },
    says: 'main may import only common/ and hardware/ (not main/electron/, not renderer/)',
  },
  'main/electron': {
    mayImport: ['common', 'hardware', 'main', 'main/electron'],
    forbid: {},
    says: 'main/electron may import common/, hardware/, main/ and electron',
  },
  renderer: {
    mayImport: ['common', 'renderer'],
    forbid: { node: true, electron: true, nodeOnly: true },
    says: 'renderer may import only common/ (it runs in the browser: no Node builtins, no electron)',
  },
};

// npm packages that only run under Node (native addons, sockets): as wrong in common/ and
// renderer/ as a Node builtin
// data files at the repo root the Node layers may read (the app's name and version)
const nodeReadableRootFiles = new Set(['package.json']);
const nodeLayers = new Set(['hardware', 'main', 'main/electron']);

const nodeOnlyPackages = new Set(['serialport', 'sqlite3', 'usb', 'ws', 'node-thermal-printer']);

const folders = new Set(['common', 'hardware', 'main', 'renderer', 'scripts', 'tests', 'bench', 'kiosk-config']);

/** The layer of a path relative to the repo root ('/'-separated): a top-level folder or a description. */
function layerOf(rel) {
  if (rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) return 'outside the repo';
  const [top = '', second] = rel.split('/');
  if (top === 'main' && second === 'electron') return 'main/electron';
  if (folders.has(top) || second !== undefined) return top;
  return 'the repo root';
}

const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

/** What a bare specifier is, for the forbid checks, or null for an ordinary npm package. */
function bareKind(spec) {
  if (spec.startsWith('node:') || builtins.has(spec)) return 'node';
  const name = packageName(spec);
  if (name === 'electron') return 'electron';
  if (name === 'react' || name === 'react-dom') return 'react';
  if (nodeOnlyPackages.has(name) || name.startsWith('@serialport/')) return 'nodeOnly';
  return null;
}

const bareLabel = { node: 'Node builtin', electron: 'the electron package', react: 'react', nodeOnly: 'Node-only package' };

// type-only imports vanish at runtime, so they may cross any line
function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  if (node.type === 'ImportDeclaration' && specifiers.length > 0) {
    return specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type');
  }
  if (node.type === 'ExportNamedDeclaration' && specifiers.length > 0) return specifiers.every((s) => s.exportKind === 'type');
  return false;
}

function literalSpecifier(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: "enforce DESIGN.md's table of which folder may import which" },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: { forbidden: "{{from}}/ may not import {{what}} ({{target}}); {{says}} — see DESIGN.md 'Layers'" },
  },
  create(context) {
    const root = context.options[0]?.root ?? defaultRoot;
    const filename = context.physicalFilename ?? context.filename;
    const fromLayer = layerOf(path.relative(root, filename).split(path.sep).join('/'));
    const rules = layers[fromLayer];
    if (!rules) return {};

    const check = (sourceNode, reportNode) => {
      const spec = literalSpecifier(sourceNode);
      if (spec === null) return;
      const report = (what, target) =>
        context.report({ node: reportNode, messageId: 'forbidden', data: { from: fromLayer, what, target, says: rules.says } });

      if (spec.startsWith('.') || path.isAbsolute(spec)) {
        const rel = path.relative(root, path.resolve(path.dirname(filename), spec)).split(path.sep).join('/');
        const toLayer = layerOf(rel);
        if (toLayer === 'the repo root' && nodeLayers.has(fromLayer) && nodeReadableRootFiles.has(rel)) return;
        if (!rules.mayImport.includes(toLayer)) report(toLayer.includes(' ') ? toLayer : `${toLayer}/`, rel);
        return;
      }
      const kind = bareKind(spec);
      if (kind !== null && rules.forbid[kind]) report(bareLabel[kind], spec);
    };

    return {
      ImportDeclaration: (node) => isTypeOnly(node) || check(node.source, node),
      ExportNamedDeclaration: (node) => node.source && !isTypeOnly(node) && check(node.source, node),
      ExportAllDeclaration: (node) => isTypeOnly(node) || check(node.source, node),
      ImportExpression: (node) => check(node.source, node),
      TSImportEqualsDeclaration: (node) =>
        node.importKind !== 'type' && node.moduleReference.type === 'TSExternalModuleReference' && check(node.moduleReference.expression, node),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length > 0) check(node.arguments[0], node);
      },
    };
  },
};

export default {
  meta: { name: 'kiosk', version: '1.0.0' },
  rules: { layers: layersRule },
};
