import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';

// The receipt typeface. npm's @fontsource/be-vietnam-pro ships WOFF/WOFF2 only, and the
// FreeType inside sharp's libvips does not open WOFF (tried: the font silently falls back),
// so the WOFF files are unpacked to plain TrueType once (a lossless container change) and
// handed to Pango by path. Fontsource splits the face into unicode-range subsets; all of them
// carry the family "Be Vietnam Pro", and fontconfig picks the subset with each glyph.

export interface ReceiptFont {
  /** the family name inside the files, as Pango asks for it */
  family: string;
  /** TrueType/OpenType files (not WOFF) */
  files: string[];
}

/** The machine's DejaVu Sans (Debian fonts-dejavu-core): a fallback only, see HARDWARE-NOTES. */
export const dejaVuSans = (dir = '/usr/share/fonts/truetype/dejavu'): ReceiptFont => ({
  family: 'DejaVu Sans',
  files: [join(dir, 'DejaVuSans.ttf'), join(dir, 'DejaVuSans-Bold.ttf')],
});

/** WOFF 1.0 → SFNT: each table is zlib-compressed when that made it smaller (W3C WOFF §5). */
export const woffToSfnt = (woff: Buffer): Buffer => {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF 1.0 file');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const o = 44 + i * 20;
    const offset = woff.readUInt32BE(o + 4);
    const compLength = woff.readUInt32BE(o + 8);
    const origLength = woff.readUInt32BE(o + 12);
    const raw = woff.subarray(offset, offset + compLength);
    return { tag: woff.readUInt32BE(o), checksum: woff.readUInt32BE(o + 16), data: compLength < origLength ? inflateSync(raw) : raw };
  });
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((t, i) => {
    const o = 12 + i * 16;
    header.writeUInt32BE(t.tag, o);
    header.writeUInt32BE(t.checksum, o + 4);
    header.writeUInt32BE(offset, o + 8);
    header.writeUInt32BE(t.data.length, o + 12);
    const pad = (4 - (t.data.length % 4)) % 4;
    parts.push(t.data, Buffer.alloc(pad));
    offset += t.data.length + pad;
  });
  return Buffer.concat(parts);
};

const SUBSETS = ['latin', 'latin-ext', 'vietnamese'] as const;
const WEIGHTS = [400, 700] as const;

/**
 * Be Vietnam Pro from node_modules, unpacked into `cacheDir` (written once, named by content
 * hash so a package update never reuses a stale file). Throws if the package is missing.
 */
export const bundledBeVietnamPro = (cacheDir = join(tmpdir(), 'kiosk-receipt-font')): ReceiptFont => {
  // Electron's main is a CommonJS bundle where import.meta is empty; __filename exists only there
  const require = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
  const pkgDir = dirname(require.resolve('@fontsource/be-vietnam-pro/package.json'));
  mkdirSync(cacheDir, { recursive: true });
  const files = WEIGHTS.flatMap((w) =>
    SUBSETS.map((s) => {
      const woff = readFileSync(join(pkgDir, 'files', `be-vietnam-pro-${s}-${w}-normal.woff`));
      const hash = createHash('sha256').update(woff).digest('hex').slice(0, 12);
      const path = join(cacheDir, `be-vietnam-pro-${s}-${w}-${hash}.ttf`);
      if (!existsSync(path)) {
        // write-then-rename: two processes starting together never read a half-written font
        const tmp = `${path}.${process.pid}.tmp`;
        writeFileSync(tmp, woffToSfnt(woff));
        renameSync(tmp, path);
      }
      return path;
    }),
  );
  return { family: 'Be Vietnam Pro', files };
};

export type ReceiptFontChoice = { kind: 'bundled'; cacheDir?: string } | { kind: 'dejavu'; dir?: string } | { kind: 'files'; family: string; files: string[] };

/** The config's font choice → files; bundled (no machine font) is the default. */
export const resolveReceiptFont = (choice: ReceiptFontChoice = { kind: 'bundled' }): ReceiptFont => {
  switch (choice.kind) {
    case 'bundled':
      return bundledBeVietnamPro(choice.cacheDir);
    case 'dejavu':
      return dejaVuSans(choice.dir);
    case 'files':
      return { family: choice.family, files: choice.files };
  }
};
