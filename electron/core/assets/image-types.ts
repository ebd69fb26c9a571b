export type ImageExtension = 'png' | 'jpg' | 'gif' | 'webp' | 'avif';

export const IMAGE_EXTENSIONS: readonly ImageExtension[] = ['png', 'jpg', 'gif', 'webp', 'avif'];

export const IMAGE_ACCEPT = 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1';

// Servers that do not know a file's type send these; the bytes decide then.
const GENERIC_TYPES = new Set(['application/octet-stream', 'binary/octet-stream']);

export type PictureCheck = { ok: true; extension: ImageExtension } | { ok: false; reason: string };

/**
 * Decides whether a download is a picture we keep, from its bytes: the
 * extension (and so the type the asset protocol serves) comes from what the
 * file really is, since CDNs often mislabel images. SVG is never kept: it can
 * carry scripts.
 */
export function checkPicture(
  url: string,
  contentType: string | undefined,
  body: Buffer,
): PictureCheck {
  const mime = contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
  if (mime === 'image/svg+xml' || looksLikeSvg(body)) {
    return {
      ok: false,
      reason: `${url} is an SVG drawing, which Studyline does not keep because it can carry scripts.`,
    };
  }
  if (mime !== undefined && !mime.startsWith('image/') && !GENERIC_TYPES.has(mime)) {
    return { ok: false, reason: `${url} is not a picture (the server says ${mime}).` };
  }
  const extension = sniffImage(body);
  if (extension === undefined) {
    return { ok: false, reason: `${url} is not a PNG, JPEG, GIF, WebP or AVIF picture.` };
  }
  return { ok: true, extension };
}

export function sniffImage(bytes: Buffer): ImageExtension | undefined {
  const ascii = (from: number, to: number) => bytes.subarray(from, to).toString('latin1');
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'jpg';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (
    ascii(4, 8) === 'ftyp' &&
    ftypBrands(bytes).some((brand) => brand === 'avif' || brand === 'avis')
  ) {
    return 'avif';
  }
  return undefined;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Major and compatible brands of an ISO-BMFF ftyp box (AVIF files may lead with "mif1"). */
function ftypBrands(bytes: Buffer): string[] {
  const size = Math.min(bytes.length >= 4 ? bytes.readUInt32BE(0) : 0, bytes.length, 256);
  const brands = [bytes.subarray(8, 12).toString('latin1')];
  for (let at = 16; at + 4 <= size; at += 4)
    brands.push(bytes.subarray(at, at + 4).toString('latin1'));
  return brands;
}

function looksLikeSvg(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
  return head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'));
}
