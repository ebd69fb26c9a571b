const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>|<(\/?)([A-Za-z_][\w.:-]*)(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>/g;

export interface UnclosedElement {
  name: string;
  /** 1-based line where it was opened. */
  line: number;
}

/**
 * The element left open in broken XML. A parser notices it only where the
 * next closing tag does not match, often much further down (at the end of
 * the channel); the learner can pass on where the real mistake is.
 */
export function findUnclosedElement(xml: string): UnclosedElement | undefined {
  const stack: { name: string; at: number }[] = [];
  for (const match of xml.matchAll(TOKEN)) {
    const [, closing, name, selfClosing] = match;
    if (!name || selfClosing) continue;
    if (!closing) {
      stack.push({ name, at: match.index });
      continue;
    }
    const top = stack[stack.length - 1];
    if (top?.name === name) stack.pop();
    else if (top) return { name: top.name, line: lineAt(xml, top.at) };
  }
  const open = stack[stack.length - 1];
  return open && { name: open.name, line: lineAt(xml, open.at) };
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
