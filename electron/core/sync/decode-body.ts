import iconv from 'iconv-lite';

/** How far into the body we look for an XML prolog or an HTML meta charset. */
const SNIFF_BYTES = 2048;

/**
 * Like browsers (WHATWG Encoding), treat Latin-1 and ASCII labels as
 * windows-1252: feeds that declare ISO-8859-1 very often carry smart quotes
 * and € in the 0x80–0x9F range, which true Latin-1 turns into control codes.
 */
const LABEL_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  iso8859_1: 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'x-mac-roman': 'macintosh',
};

/**
 * Turns a feed or page body into text. The charset comes from, in order:
 * a byte-order mark, the Content-Type header, the XML prolog, an HTML meta
 * tag; UTF-8 otherwise. An unknown label falls back to UTF-8; bytes that
 * are not UTF-8 after all are read as windows-1252: decoding never throws.
 */
export function decodeText(body: Buffer, contentType?: string): string {
  const bom = bomCharset(body);
  if (bom) return decodeWith(body.subarray(bom.length), bom.charset);

  const utf16 = utf16WithoutBom(body);
  if (utf16) return stripBom(decodeWith(body, utf16));

  const declared =
    usable(headerCharset(contentType)) ?? usable(prologCharset(body)) ?? usable(metaCharset(body));
  // Said to be Latin-1 but the bytes are valid UTF-8 with accents: a mislabel ("CafÃ©"
  // otherwise). Real Latin-1 text almost never happens to form valid UTF-8 sequences.
  if (declared === 'windows-1252' && hasHighBytes(body) && isUtf8(body)) {
    return stripBom(decodeWith(body, 'utf-8'));
  }
  return stripBom(decodeWith(body, declared ?? 'utf-8'));
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeWith(bytes: Buffer, charset: string): string {
  if (charset !== 'utf-8') return iconv.decode(bytes, charset, { stripBOM: false });
  // Node's own UTF-8 decoder is the fastest path for the common case.
  const text = bytes.toString('utf8');
  if (!text.includes('\ufffd')) return text;
  // Said (or assumed) to be UTF-8 but is not: an old feed in windows-1252 keeps
  // its smart quotes and € instead of turning them into "�". Real U+FFFD
  // characters in valid UTF-8 stay as they are.
  try {
    strictUtf8.decode(bytes);
    return text;
  } catch {
    return iconv.decode(bytes, 'windows-1252', { stripBOM: false });
  }
}

function hasHighBytes(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function bomCharset(body: Buffer): { charset: string; length: number } | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf)
    return { charset: 'utf-8', length: 3 };
  if (body[0] === 0xff && body[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (body[0] === 0xfe && body[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return undefined;
}

/** "<?" spelled in UTF-16 without a BOM: the header cannot be right then. */
function utf16WithoutBom(body: Buffer): string | undefined {
  if (body.length < 4) return undefined;
  if (body[0] === 0x3c && body[1] === 0 && body[2] === 0x3f && body[3] === 0) return 'utf-16le';
  if (body[0] === 0 && body[1] === 0x3c && body[2] === 0 && body[3] === 0x3f) return 'utf-16be';
  return undefined;
}

/**
 * A label we can decode with, normalised; undefined for a bogus label. A
 * UTF-16/32 label is unusable here: we only get this far when the bytes are
 * ASCII-compatible (the label was found by reading them as ASCII).
 */
function usable(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const name = label.trim().toLowerCase();
  if (/^(utf-?16|utf-?32|ucs-?2|ucs-?4)/.test(name)) return undefined;
  if (name === 'utf-8' || name === 'utf8') return 'utf-8';
  const resolved = LABEL_ALIASES[name] ?? name;
  return iconv.encodingExists(resolved) ? resolved : undefined;
}

function headerCharset(contentType: string | undefined): string | undefined {
  return contentType?.match(/charset\s*=\s*["']?([^"';,\s]+)/i)?.[1];
}

function head(body: Buffer): string {
  return body.subarray(0, SNIFF_BYTES).toString('latin1');
}

function prologCharset(body: Buffer): string | undefined {
  return head(body).match(/^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/)?.[1];
}

function metaCharset(body: Buffer): string | undefined {
  // Covers <meta charset="x"> and <meta http-equiv="Content-Type" content="…; charset=x">.
  return head(body).match(/<meta[^>]+charset\s*=\s*["']?([^"'\s/>;]+)/i)?.[1];
}
