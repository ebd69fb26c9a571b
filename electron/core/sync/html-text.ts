import sanitizeHtml from 'sanitize-html';
import { unescapeBasic } from './feed-fields';
import { BLOCKS, TextWriter } from './text-writer';

/**
 * Reduced first with sanitize-html, so what we walk afterwards is well-formed,
 * predictable markup: known tags, double-quoted attributes, text with only
 * &amp; &lt; &gt; &quot; left to decode.
 */
// prettier-ignore
const TEXT_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...BLOCKS, 'br', 'hr', 'li', 'tr', 'th', 'td', 'a', 'img', 'code', 'kbd', 'samp'],
  allowedAttributes: { a: ['href'], img: ['alt'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  nonTextTags: [
    'script', 'style', 'textarea', 'option', 'xmp', 'noscript', 'template', 'head', 'title',
    'svg', 'math', 'iframe', 'object', 'select', 'button',
  ],
};

const TOKEN = /<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/g;
const ATTRIBUTE = /([a-z-]+)="([^"]*)"/g;

/**
 * Readable plain text for the terminal: paragraphs separated by blank lines,
 * list bullets (numbers for ordered lists), code blocks kept verbatim, inline
 * code in backticks, quotes prefixed with "> ", links as "text (url)".
 */
export function htmlToText(html: string): string {
  const writer = new TextWriter();
  for (const match of sanitizeHtml(html, TEXT_OPTIONS).matchAll(TOKEN)) {
    const [, closing, tag, attributeText, text] = match;
    if (text !== undefined) writer.text(unescapeBasic(text));
    else if (tag) writer.tag(tag, closing === '/', attributes(attributeText ?? ''));
  }
  return writer.finish();
}

function attributes(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [, name, value] of text.matchAll(ATTRIBUTE)) {
    if (name) result[name] = unescapeBasic(value ?? '');
  }
  return result;
}
