import sanitizeHtml from 'sanitize-html';
import { unescapeBasic } from './feed-fields';

const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'dl',
  'table',
  'figure',
  'figcaption',
  'pre',
  'blockquote',
  'dt',
  'dd',
  'caption',
]);

/**
 * Reduced first with sanitize-html, so what we walk afterwards is well-formed,
 * predictable markup: known tags, double-quoted attributes, text with only
 * &amp; &lt; &gt; &quot; left to decode.
 */
const TEXT_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...BLOCKS, 'br', 'hr', 'li', 'tr', 'th', 'td', 'a', 'img', 'code', 'kbd', 'samp'],
  allowedAttributes: { a: ['href'], img: ['alt'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  nonTextTags: [
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
    'select',
    'button',
  ],
};

const TOKEN = /<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/g;
const ATTRIBUTE = /([a-z-]+)="([^"]*)"/g;

interface List {
  ordered: boolean;
  next: number;
}

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

class TextWriter {
  /** One buffer per open blockquote, so its lines can be prefixed on close. */
  private buffers: string[] = [''];
  private lists: List[] = [];
  private links: { href?: string; start: number }[] = [];
  private preDepth = 0;
  private cellIndex = 0;

  text(raw: string): void {
    if (this.preDepth > 0) return this.append(raw);
    const collapsed = raw.replace(/\s+/g, ' ');
    this.append(this.atLineStart() ? collapsed.trimStart() : collapsed);
  }

  tag(name: string, closing: boolean, attrs: Record<string, string>): void {
    if (closing) return this.close(name);
    if (BLOCKS.has(name)) this.blockBreak();
    if (name === 'pre') this.preDepth++;
    else if (name === 'blockquote') this.buffers.push('');
    else if (name === 'ul' || name === 'ol')
      this.lists.push({ ordered: name === 'ol', next: Number(attrs.start) || 1 });
    else if (name === 'li') this.listItem();
    else if (name === 'br') this.append('\n');
    else if (name === 'hr') this.append('----');
    else if (name === 'tr') this.openRow();
    else if (name === 'td' || name === 'th') this.append(this.cellIndex++ > 0 ? ' | ' : '');
    else if (name === 'a') this.links.push({ href: attrs.href, start: this.current.length });
    else if (name === 'img') this.append(attrs.alt ? `[image: ${attrs.alt}]` : '[image]');
    else if (this.preDepth === 0 && (name === 'code' || name === 'kbd' || name === 'samp'))
      this.append('`');
  }

  finish(): string {
    while (this.buffers.length > 1) this.closeQuote();
    return this.current
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }

  private close(name: string): void {
    if (name === 'pre') this.preDepth = Math.max(0, this.preDepth - 1);
    else if (name === 'blockquote') this.closeQuote();
    else if (name === 'ul' || name === 'ol') this.lists.pop();
    else if (name === 'a') this.closeLink();
    else if (this.preDepth === 0 && (name === 'code' || name === 'kbd' || name === 'samp'))
      this.append('`');
    if (BLOCKS.has(name)) this.blockBreak();
  }

  private get current(): string {
    return this.buffers[this.buffers.length - 1] ?? '';
  }

  private append(text: string): void {
    this.buffers[this.buffers.length - 1] = this.current + text;
  }

  private atLineStart(): boolean {
    return this.current === '' || this.current.endsWith('\n') || this.current.endsWith(' ');
  }

  /** Blank lines between blocks, but a list item's paragraphs and sublists stay tight. */
  private blockBreak(): void {
    if (this.lists.length === 0) return this.blankLine();
    if (this.current !== '' && !/(\n|• |\d+\. )$/.test(this.current)) this.append('\n');
  }

  private blankLine(): void {
    if (this.current !== '' && !this.current.endsWith('\n\n')) {
      this.append(this.current.endsWith('\n') ? '\n' : '\n\n');
    }
  }

  private listItem(): void {
    const list = this.lists[this.lists.length - 1];
    const indent = '  '.repeat(Math.max(0, this.lists.length - 1));
    const bullet = list?.ordered ? `${list.next++}. ` : '• ';
    if (this.current !== '' && !this.current.endsWith('\n')) this.append('\n');
    this.append(indent + bullet);
  }

  private openRow(): void {
    this.cellIndex = 0;
    if (this.current !== '' && !this.current.endsWith('\n')) this.append('\n');
  }

  private closeLink(): void {
    const link = this.links.pop();
    if (!link?.href) return;
    const text = this.current.slice(link.start).trim();
    const shown = link.href.startsWith('mailto:') ? link.href.slice('mailto:'.length) : link.href;
    if (text === shown || text === link.href) return;
    this.append(text ? ` (${shown})` : shown);
  }

  private closeQuote(): void {
    const quoted = (this.buffers.pop() ?? '').trim();
    this.blankLine();
    if (quoted)
      this.append(
        quoted
          .split('\n')
          .map((line) => (line ? `> ${line}` : '>'))
          .join('\n'),
      );
    this.blankLine();
  }
}
