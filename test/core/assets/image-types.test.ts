import { describe, expect, it } from 'vitest';
import { checkPicture, sniffImage } from '../../../electron/core/assets/image-types';
import { GIF, JPEG_HEAD, PNG, SVG } from './fixtures';
import { textMatching } from '../../helpers/matchers';

function isoBox(major: string, ...compatible: string[]): Buffer {
  const brands = [major, '\0\0\0\0', ...compatible].join('');
  const size = Buffer.alloc(4);
  size.writeUInt32BE(8 + brands.length);
  return Buffer.concat([size, Buffer.from(`ftyp${brands}`, 'latin1'), Buffer.alloc(32)]);
}

describe('sniffImage', () => {
  it('recognizes the raster formats we keep from their bytes', () => {
    expect(sniffImage(PNG)).toBe('png');
    expect(sniffImage(JPEG_HEAD)).toBe('jpg');
    expect(sniffImage(GIF)).toBe('gif');
    expect(sniffImage(Buffer.from('RIFF\x24\0\0\0WEBPVP8 ', 'latin1'))).toBe('webp');
    expect(sniffImage(isoBox('avif', 'mif1', 'miaf'))).toBe('avif');
    expect(sniffImage(isoBox('mif1', 'avif'))).toBe('avif');
  });

  it('recognizes nothing else', () => {
    expect(sniffImage(isoBox('heic', 'mif1'))).toBeUndefined();
    expect(sniffImage(Buffer.from(SVG))).toBeUndefined();
    expect(sniffImage(Buffer.from('<html>'))).toBeUndefined();
    expect(sniffImage(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('checkPicture', () => {
  it('refuses an SVG whatever its label', () => {
    const svgWithProlog = Buffer.from(`<?xml version="1.0"?>\n${SVG}`);
    expect(checkPicture('u', 'image/png', svgWithProlog)).toMatchObject({
      ok: false,
      reason: textMatching(/SVG/),
    });
    expect(checkPicture('u', 'image/svg+xml; charset=utf-8', PNG)).toMatchObject({ ok: false });
  });

  it('accepts a picture without a content type, or with a generic one', () => {
    expect(checkPicture('u', undefined, GIF)).toEqual({ ok: true, extension: 'gif' });
    expect(checkPicture('u', 'application/octet-stream', GIF)).toEqual({
      ok: true,
      extension: 'gif',
    });
  });

  it('refuses a page even when its bytes start like a picture', () => {
    expect(checkPicture('u', 'text/html', PNG)).toMatchObject({ ok: false });
  });
});
