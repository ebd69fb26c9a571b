import type { CachedImage } from '../library/model';
import { attribute, escapeAttribute, findImgTags, imageUrlOf } from './img-tags';

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * At reading time, points cached pictures at the local asset URL (the app's
 * studyline-asset:// protocol, or an http path in browser tests). Pictures that
 * were not cached keep their original address.
 */
export function rewriteImageSources(
  html: string,
  images: CachedImage[],
  toAssetUrl: (file: string) => string,
): string {
  if (images.length === 0) return html;
  const files = new Map(images.map((image) => [imageUrlOf(image.url) ?? image.url, image.file]));
  const edits: Edit[] = [];
  for (const tag of findImgTags(html)) {
    const src = attribute(tag, 'src');
    const url = imageUrlOf(src?.value);
    const file = url === undefined ? undefined : files.get(url);
    if (src === undefined || file === undefined) continue;
    edits.push({
      start: src.start,
      end: src.end,
      text: `src="${escapeAttribute(toAssetUrl(file))}"`,
    });
    // A browser prefers srcset over src: left in place it would fetch the remote copies.
    for (const attr of tag.attributes) {
      if (attr.name === 'srcset') edits.push({ start: attr.start, end: attr.end, text: '' });
    }
  }
  return applyEdits(html, edits);
}

function applyEdits(html: string, edits: Edit[]): string {
  let result = '';
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    result += html.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return result + html.slice(at);
}
