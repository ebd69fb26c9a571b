// prettier-ignore
export const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'dl', 'table', 'figure', 'figcaption', 'pre', 'blockquote', 'dt', 'dd', 'caption',
]);

const INLINE_CODE = new Set(['code', 'kbd', 'samp']);

interface List {
  ordered: boolean;
  next: number;
}

/**
 * Text built from parts, with the last few characters at hand: layout
 * decisions look at how the text ends, and re-reading a growing string on
 * every tag would make long emails quadratic.
 */
class TextBuffer {
  readonly parts: string[] = [];
  tail = '';

  append(text: string): void {
    if (!text) return;
    this.parts.push(text);
    this.tail = (this.tail + text).slice(-12);
  }

  from(part: number): string {
    return this.parts.slice(part).join('');
  }
}

/** Turns a stream of sanitized tags and text into terminal text. */
export class TextWriter {
  /** One buffer per open blockquote, so its lines can be prefixed on close. */
  private buffers: TextBuffer[] = [new TextBuffer()];
  private lists: List[] = [];
  private links: { href?: string; part: number }[] = [];
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
    else if (name === 'blockquote') this.buffers.push(new TextBuffer());
    else if (name === 'ul' || name === 'ol') this.openList(name === 'ol', attrs.start);
    else if (name === 'li') this.listItem();
    else if (name === 'br') this.append('\n');
    else if (name === 'hr') this.append('----');
    else if (name === 'tr') this.openRow();
    else if (name === 'td' || name === 'th') this.append(this.cellIndex++ > 0 ? ' | ' : '');
    else if (name === 'a') this.links.push({ href: attrs.href, part: this.buffer.parts.length });
    else if (name === 'img') this.append(attrs.alt ? `[image: ${attrs.alt}]` : '[image]');
    else if (INLINE_CODE.has(name) && this.preDepth === 0) this.append('`');
  }

  finish(): string {
    while (this.buffers.length > 1) this.closeQuote();
    return this.buffer
      .from(0)
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
    else if (INLINE_CODE.has(name) && this.preDepth === 0) this.append('`');
    if (BLOCKS.has(name)) this.blockBreak();
  }

  private get buffer(): TextBuffer {
    return this.buffers[this.buffers.length - 1] ?? new TextBuffer();
  }

  private append(text: string): void {
    this.buffer.append(text);
  }

  private atLineStart(): boolean {
    const tail = this.buffer.tail;
    return tail === '' || tail.endsWith('\n') || tail.endsWith(' ');
  }

  /** Blank lines between blocks, but a list item's paragraphs and sublists stay tight. */
  private blockBreak(): void {
    if (this.lists.length === 0) return this.blankLine();
    const tail = this.buffer.tail;
    if (tail !== '' && !/(\n|• |\d+\. )$/.test(tail)) this.append('\n');
  }

  private blankLine(): void {
    const tail = this.buffer.tail;
    if (tail !== '' && !tail.endsWith('\n\n')) this.append(tail.endsWith('\n') ? '\n' : '\n\n');
  }

  private newLine(): void {
    const tail = this.buffer.tail;
    if (tail !== '' && !tail.endsWith('\n')) this.append('\n');
  }

  private openList(ordered: boolean, start: string | undefined): void {
    this.lists.push({ ordered, next: Number(start) || 1 });
  }

  private listItem(): void {
    const list = this.lists[this.lists.length - 1];
    const indent = '  '.repeat(Math.max(0, this.lists.length - 1));
    this.newLine();
    this.append(indent + (list?.ordered ? `${list.next++}. ` : '• '));
  }

  private openRow(): void {
    this.cellIndex = 0;
    this.newLine();
  }

  private closeLink(): void {
    const link = this.links.pop();
    if (!link?.href) return;
    const text = this.buffer.from(link.part).trim();
    const shown = link.href.startsWith('mailto:') ? link.href.slice('mailto:'.length) : link.href;
    if (text === shown || text === link.href) return;
    this.append(text ? ` (${shown})` : shown);
  }

  private closeQuote(): void {
    const quoted = (this.buffers.pop() ?? new TextBuffer()).from(0).trim();
    this.blankLine();
    if (quoted) this.append(quoted.replace(/^/gm, '> ').replace(/^> $/gm, '>'));
    this.blankLine();
  }
}
