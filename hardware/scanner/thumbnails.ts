import { openPage } from './page-image.js';
import type { PageInput } from './page-image.js';

// Small previews for the "check your pages" screen: a grey JPEG of a few KB per page, so a
// ten-page document crosses the KioskApi boundary as data URLs without strain.

export interface Thumbnail {
  mime: 'image/jpeg';
  data: Buffer;
  width: number;
  height: number;
}

export const THUMBNAIL_WIDTH_PX = 240;

export const makeThumbnail = async (input: PageInput, widthPx: number = THUMBNAIL_WIDTH_PX): Promise<Thumbnail> => {
  const img = await openPage(input);
  const { data, info } = await img
    .resize({ width: widthPx, withoutEnlargement: true })
    .toColourspace('b-w')
    .jpeg({ quality: 70 })
    .toBuffer({ resolveWithObject: true });
  return { mime: 'image/jpeg', data, width: info.width, height: info.height };
};

export const thumbnailDataUrl = (t: Thumbnail): string => `data:${t.mime};base64,${t.data.toString('base64')}`;
