import { readFile } from 'node:fs/promises';
import sharp from 'sharp';

// Opens a scanned page, PNG/JPEG/TIFF or PNM (scanimage's default format), as a sharp pipeline.
// sharp's prebuilt libvips has no PNM loader, so PNM is parsed here into raw pixels.

export type PageInput = string | Buffer;

const isPnm = (b: Buffer): boolean => b.length > 2 && b[0] === 0x50 && b[1] !== undefined && b[1] >= 0x34 && b[1] <= 0x36;

interface Pnm {
  width: number;
  height: number;
  channels: 1 | 3;
  pixels: Buffer;
}

/** Binary PNM: P4 (bitmap), P5 (grey), P6 (RGB), 8 or 16 bits; 16-bit samples keep their high byte. */
export const parsePnm = (b: Buffer): Pnm => {
  const kind = String.fromCharCode(b[1] ?? 0);
  const fields: number[] = [];
  const needed = kind === '4' ? 2 : 3;
  let i = 2;
  while (fields.length < needed) {
    const c = b[i];
    if (c === undefined) throw new Error('PNM header is truncated');
    if (c === 0x23) while (b[i] !== undefined && b[i] !== 0x0a) i++;
    else if (c >= 0x30 && c <= 0x39) {
      let n = 0;
      while (b[i] !== undefined && (b[i] as number) >= 0x30 && (b[i] as number) <= 0x39) n = n * 10 + ((b[i++] as number) - 0x30);
      fields.push(n);
      continue;
    }
    i++;
  }
  const data = b.subarray(i + 1); // exactly one whitespace byte ends the header
  const [width = 0, height = 0, maxval = 1] = fields;
  if (kind === '4') {
    const rowBytes = Math.ceil(width / 8);
    const pixels = Buffer.alloc(width * height);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) pixels[y * width + x] = ((data[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1 ? 0 : 255;
    return { width, height, channels: 1, pixels };
  }
  const channels = kind === '6' ? 3 : 1;
  const count = width * height * channels;
  if (maxval < 256) return { width, height, channels, pixels: Buffer.from(data.subarray(0, count)) };
  const pixels = Buffer.alloc(count);
  for (let k = 0; k < count; k++) pixels[k] = data[k * 2] ?? 0;
  return { width, height, channels, pixels };
};

export const openPage = async (input: PageInput): Promise<sharp.Sharp> => {
  const bytes = typeof input === 'string' && !/\.p[bgpn]m$/i.test(input) ? undefined : typeof input === 'string' ? await readFile(input) : input;
  if (bytes === undefined) return sharp(input);
  if (!isPnm(bytes)) return sharp(bytes);
  const p = parsePnm(bytes);
  return sharp(p.pixels, { raw: { width: p.width, height: p.height, channels: p.channels } });
};
