import sanitizeHtml from 'sanitize-html';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const STRUCTURE = ['p', 'br', 'hr', 'div', 'span', 'section', 'article', 'header', 'footer'];
const LISTS = ['ul', 'ol', 'li', 'dl', 'dt', 'dd'];
const TABLES = ['table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col'];
const CODE = ['pre', 'code', 'kbd', 'samp', 'var'];
const INLINE = [
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'strike',
  'del',
  'ins',
  'sub',
  'sup',
  'small',
  'mark',
  'abbr',
  'cite',
  'q',
  'time',
  'dfn',
  'bdi',
  'bdo',
  'wbr',
];
const MEDIA = ['a', 'img', 'figure', 'figcaption', 'blockquote'];

/**
 * Elements dropped together with everything inside them: executable or
 * foreign content (svg/math are classic mutation-XSS carriers), embeds, and
 * form controls whose labels make no sense once the control is gone.
 */
const DROP_WITH_CONTENT = [
  'script',
  'style',
  'textarea',
  'option',
  'xmp',
  'noscript',
  'template',
  'head',
  'title',
  'svg',
  'math',
  'iframe',
  'object',
  'applet',
  'embed',
  'noembed',
  'noframes',
  'frameset',
  'frame',
  'select',
  'button',
  'canvas',
  'audio',
  'video',
];

const LINK_SCHEMES = ['http:', 'https:', 'mailto:'];
const IMAGE_SCHEMES = ['http:', 'https:'];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...STRUCTURE, ...HEADINGS, ...LISTS, ...TABLES, ...CODE, ...INLINE, ...MEDIA],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    ol: ['start', 'reversed'],
    col: ['span'],
    colgroup: ['span'],
    abbr: ['title'],
    dfn: ['title'],
    time: ['datetime'],
    pre: ['class'],
    code: ['class'],
  },
  allowedClasses: { pre: ['language-*'], code: ['language-*'] },
  // Second line of defence: our transforms already keep only these schemes.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  nonTextTags: DROP_WITH_CONTENT,
  // An image whose source was unsafe or relative-without-base is just a hole.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/**
 * Makes an item's HTML safe to show in the app and offline: an allowlist of
 * text-structure elements, no scripts, styles, frames, forms or event
 * handlers, only http(s)/mailto links and http(s) images, every URL made
 * absolute against `baseUrl` (the item link, else the feed URL). Links never
 * open in-place: each `a` gets rel="noopener noreferrer" and no target.
 */
export function sanitizeFeedHtml(html: string, baseUrl: string): string {
  if (!html) return '';
  let depth = 0;
  try {
    return sanitizeHtml(embedsAsLinks(html), {
      ...OPTIONS,
      transformTags: {
        a: (_tag, attribs) => ({ tagName: 'a', attribs: linkAttributes(attribs, baseUrl) }),
        img: (_tag, attribs) => ({ tagName: 'img', attribs: imageAttributes(attribs, baseUrl) }),
        pre: (_tag, attribs) => ({ tagName: 'pre', attribs: languageClass(attribs) }),
        code: (_tag, attribs) => ({ tagName: 'code', attribs: languageClass(attribs) }),
      },
      onOpenTag: () => {
        if (++depth > MAX_DEPTH) throw new TooDeep();
      },
      onCloseTag: () => {
        depth--;
      },
    });
  } catch (error) {
    if (error instanceof TooDeep) return plainText(html);
    throw error;
  }
}

/**
 * The parser slows down quadratically with nesting depth: a few hundred KB of
 * "<div><div>…" would freeze a sync. No real email nests this deep, so such
 * HTML is shown as plain text instead.
 */
const MAX_DEPTH = 256;
class TooDeep extends Error {}

function plainText(html: string): string {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? `<p>${text}</p>` : '';
}

type Attributes = Record<string, string>;

/**
 * Resolved with the WHATWG URL parser, like a browser would: it removes the
 * tabs/newlines and case tricks ("jav&#x09;aScript:") that hide a scheme.
 */
function safeUrl(raw: string | undefined, baseUrl: string, schemes: string[]): string | undefined {
  if (raw === undefined) return undefined;
  try {
    const url = new URL(raw.trim(), baseUrl);
    return schemes.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function linkAttributes(attribs: Attributes, baseUrl: string): Attributes {
  const result: Attributes = { rel: 'noopener noreferrer' };
  const href = safeUrl(attribs.href, baseUrl, LINK_SCHEMES);
  if (href) result.href = href;
  if (attribs.title) result.title = attribs.title;
  return result;
}

function imageAttributes(attribs: Attributes, baseUrl: string): Attributes {
  const result: Attributes = {};
  const src = safeUrl(attribs.src, baseUrl, IMAGE_SCHEMES);
  if (src) result.src = src;
  for (const name of ['alt', 'title'] as const) {
    if (attribs[name] !== undefined) result[name] = attribs[name];
  }
  for (const name of ['width', 'height'] as const) {
    const value = attribs[name]?.trim();
    if (value && /^\d{1,5}$/.test(value)) result[name] = value;
  }
  return result;
}

const IFRAME = /<iframe\b([^>]*)>(?:[\s\S]*?<\/iframe\s*>)?/gi;
const SRC = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/**
 * A YouTube or slide embed becomes a plain link the learner can open in the
 * browser. Done as text before sanitizing (sanitize-html's transform would
 * duplicate the link text); the link then goes through the same URL checks
 * as any other, and a frame left unmatched is dropped with its content.
 */
function embedsAsLinks(html: string): string {
  if (!/<iframe/i.test(html)) return html;
  return html.replace(IFRAME, (_frame, attributes: string) => {
    const match = SRC.exec(attributes);
    const src = (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim();
    if (!/^(https?:)?\/\//i.test(src)) return '';
    const safe = src.replace(/</g, '&lt;').replace(/"/g, '&quot;');
    return `<a href="${safe}">Embedded content: ${safe}</a>`;
  });
}

/**
 * Keeps only a language hint, normalised to "language-x" so the renderer can
 * highlight it: "language-python", "lang-js", and WordPress's SyntaxHighlighter
 * "brush: python; notranslate" all qualify.
 */
function languageClass(attribs: Attributes): Attributes {
  const classes = attribs.class ?? '';
  const match =
    /(?:^|\s)(?:language-|lang-)([\w+#.-]+)/.exec(classes) ?? /brush:\s*([\w+#.-]+)/.exec(classes);
  return match?.[1] ? { class: `language-${match[1].toLowerCase()}` } : {};
}
