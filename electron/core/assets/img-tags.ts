/** One attribute of a tag, with the span of its raw text in the HTML. */
export interface HtmlAttribute {
  name: string;
  /** Entity-decoded value; undefined for a bare attribute. */
  value: string | undefined;
  start: number;
  end: number;
}

export interface ImgTag {
  start: number;
  end: number;
  attributes: HtmlAttribute[];
}

const IMG_OPEN = /<img(?=[\s/>])/gi;
// Names never contain quotes, so a stray quote is skipped rather than swallowing the tag.
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/y;

/**
 * The <img> tags of already-sanitized HTML. A small tokenizer instead of a
 * regex over whole tags: quoted values may contain ">" and must not end the tag.
 */
export function findImgTags(html: string): ImgTag[] {
  const tags: ImgTag[] = [];
  IMG_OPEN.lastIndex = 0;
  for (let open = IMG_OPEN.exec(html); open; open = IMG_OPEN.exec(html)) {
    const tag = readTag(html, open.index);
    tags.push(tag);
    IMG_OPEN.lastIndex = tag.end;
  }
  return tags;
}

function readTag(html: string, start: number): ImgTag {
  const attributes: HtmlAttribute[] = [];
  let pos = start + '<img'.length;
  while (pos < html.length) {
    const char = html[pos] ?? '';
    if (char === '>') return { start, end: pos + 1, attributes };
    if (/[\s/]/.test(char)) {
      pos += 1;
      continue;
    }
    ATTRIBUTE.lastIndex = pos;
    const match = ATTRIBUTE.exec(html);
    if (!match) {
      pos += 1;
      continue;
    }
    const raw = match[2] ?? match[3] ?? match[4];
    const value = raw === undefined ? undefined : decodeEntities(raw);
    attributes.push({
      name: (match[1] ?? '').toLowerCase(),
      value,
      start: pos,
      end: ATTRIBUTE.lastIndex,
    });
    pos = ATTRIBUTE.lastIndex;
  }
  return { start, end: html.length, attributes };
}

export function attribute(tag: ImgTag, name: string): HtmlAttribute | undefined {
  return tag.attributes.find((attr) => attr.name === name);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Enough of HTML entity decoding for URLs in attributes (sanitizers write &amp; and numeric forms). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const hex = entity[1] === 'x' || entity[1] === 'X';
      const code = Number.parseInt(entity.slice(hex ? 2 : 1), hex ? 16 : 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[entity.toLowerCase()] ?? whole;
  });
}

export function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The absolute http(s) address of an img src, normalized, or undefined for anything else (data:, cid:…). */
export function imageUrlOf(src: string | undefined): string | undefined {
  if (src === undefined) return undefined;
  try {
    const url = new URL(src.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
