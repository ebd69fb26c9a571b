import { cleanText } from './feed-fields';

type XmlNode = { _?: unknown; $?: Record<string, unknown> } & Record<string, unknown>;

/** Elements whose text is never part of a title (xhtml titles can carry them). */
const SKIPPED = new Set(['$', 'script', 'style']);

/**
 * A title as plain text from its raw xml2js node. RSS titles are loosely
 * HTML (tags stripped, entities decoded). Atom says what it holds: `text`
 * (the default) is literal, so "History of the <blink> tag" keeps its
 * brackets; `html` is decoded; `xhtml` and naked markup arrive as child
 * elements and are flattened. Atom 0.3 may base64-encode it (mode="base64").
 */
export function titleText(raw: unknown, atom: boolean): string {
  const node: unknown = Array.isArray(raw) ? raw[0] : raw;
  if (typeof node === 'string') return atom ? literal(node) : cleanText(node);
  if (!node || typeof node !== 'object') return '';
  const element = node as XmlNode;
  const attrs = element.$ ?? {};
  const own = typeof element._ === 'string' ? decodeMode(element._, attrs.mode) : '';
  if (hasChildElements(element)) return literal(flatten(element));
  const declared = typeof attrs.type === 'string' ? attrs.type : atom ? 'text' : 'html';
  const type = declared.toLowerCase();
  return type === 'text' || type === 'text/plain' ? literal(own) : cleanText(own);
}

function decodeMode(text: string, mode: unknown): string {
  return mode === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text;
}

function hasChildElements(element: XmlNode): boolean {
  return Object.keys(element).some((key) => key !== '_' && key !== '$');
}

/**
 * Text of an element and its children. xml2js does not keep the order of
 * mixed content, so the element's own text comes first; good enough for a
 * title like "Example <b>Atom</b>".
 */
function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(flatten).join(' ');
  if (!value || typeof value !== 'object') return '';
  const parts: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (!SKIPPED.has(localName(key))) parts.push(flatten(child));
  }
  return parts.join(' ');
}

function localName(key: string): string {
  return key.slice(key.indexOf(':') + 1).toLowerCase();
}

function literal(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
