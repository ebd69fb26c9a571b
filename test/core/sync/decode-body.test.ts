import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText } from '../../../electron/core/sync/decode-body';

const SMART = '“Don’t panic” – costs 5 €';
const cp1252 = (text: string): Buffer => iconv.encode(text, 'windows-1252');

describe('decodeText', () => {
  it('decodes plain UTF-8 by default', () => {
    expect(decodeText(Buffer.from(`<rss>${SMART}</rss>`, 'utf8'))).toBe(`<rss>${SMART}</rss>`);
  });

  it('keeps smart quotes and € for windows-1252 named in the header', () => {
    const body = cp1252(`<rss><title>${SMART}</title></rss>`);
    expect(decodeText(body, 'application/rss+xml; charset=windows-1252')).toContain(SMART);
  });

  it('keeps smart quotes and € for windows-1252 named in the XML prolog', () => {
    const body = cp1252(
      `<?xml version="1.0" encoding="windows-1252"?>\n<rss><title>${SMART}</title></rss>`,
    );
    expect(decodeText(body, 'text/xml')).toContain(SMART);
  });

  it('reads iso-8859-1 as browsers do (windows-1252 superset)', () => {
    const body = cp1252(`<?xml version="1.0" encoding="ISO-8859-1"?><rss>Café “déjà vu”</rss>`);
    expect(decodeText(body)).toContain('Café “déjà vu”');
  });

  it('prefers the header charset over the prolog', () => {
    const body = cp1252(`<?xml version="1.0" encoding="utf-8"?><rss>naïve</rss>`);
    expect(decodeText(body, 'text/xml; charset="ISO-8859-1"')).toContain('naïve');
  });

  it('uses an HTML meta charset when nothing else is declared', () => {
    const page = cp1252(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>€</body></html>',
    );
    expect(decodeText(page)).toContain('<body>€</body>');
    expect(decodeText(cp1252('<meta charset=windows-1252><p>…</p>'))).toContain('<p>…</p>');
  });

  it('strips a UTF-8 byte-order mark and lets it win over a wrong header', () => {
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('<rss>é</rss>', 'utf8'),
    ]);
    const text = decodeText(body, 'text/xml; charset=windows-1252');
    expect(text).toBe('<rss>é</rss>');
  });

  it('decodes UTF-16 with a byte-order mark, even when the prolog says otherwise', () => {
    const body = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('<?xml version="1.0"?><rss>€</rss>', 'utf16le'),
    ]);
    expect(decodeText(body, 'text/xml; charset=utf-8')).toBe('<?xml version="1.0"?><rss>€</rss>');
  });

  it('falls back to UTF-8 for a bogus charset label', () => {
    const body = Buffer.from('<rss>Zürich</rss>', 'utf8');
    expect(decodeText(body, 'text/xml; charset=no-such-charset')).toBe('<rss>Zürich</rss>');
    const prolog = Buffer.from(
      '<?xml version="1.0" encoding="klingon-8"?><rss>Zürich</rss>',
      'utf8',
    );
    expect(decodeText(prolog)).toContain('Zürich');
  });

  it('ignores a UTF-16 label on ASCII-compatible bytes', () => {
    const body = Buffer.from('<?xml version="1.0" encoding="UTF-16"?><rss>Zürich</rss>', 'utf8');
    expect(decodeText(body)).toContain('<rss>Zürich</rss>');
  });

  it('reads a feed that says UTF-8 but is windows-1252 as windows-1252', () => {
    const body = cp1252('<rss>Café – “smart” 5 €</rss>');
    expect(decodeText(body, 'text/xml; charset=utf-8')).toBe('<rss>Café – “smart” 5 €</rss>');
    expect(decodeText(body)).toBe('<rss>Café – “smart” 5 €</rss>');
  });

  it('keeps a real replacement character of valid UTF-8 as it is', () => {
    const body = Buffer.from('<rss>broken \ufffd glyph, café</rss>', 'utf8');
    expect(decodeText(body, 'text/xml; charset=utf-8')).toBe(
      '<rss>broken \ufffd glyph, café</rss>',
    );
  });

  it('decodes other legacy charsets', () => {
    const body = iconv.encode('<?xml version="1.0" encoding="koi8-r"?><rss>Привет</rss>', 'koi8-r');
    expect(decodeText(body)).toContain('Привет');
  });

  it('handles an empty body', () => {
    expect(decodeText(Buffer.alloc(0), 'text/xml; charset=windows-1252')).toBe('');
  });
});
