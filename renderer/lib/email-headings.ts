const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/**
 * An email's own headings sit under the reader's heading for the email (an
 * h2 under the course's h1), so they start one level below it and keep their
 * order without gaps: h1, h3 → h3, h4. Screen readers then read one outline.
 */
export function nestHeadings(fragment: DocumentFragment, firstLevel: number): void {
  const headings = [...fragment.querySelectorAll<HTMLHeadingElement>(HEADINGS)];
  const levels = [...new Set(headings.map((h) => Number(h.tagName[1])))].sort((a, b) => a - b);
  for (const heading of headings) {
    const level = Math.min(6, firstLevel + levels.indexOf(Number(heading.tagName[1])));
    if (`H${level}` === heading.tagName) continue;
    const replacement = heading.ownerDocument.createElement(`h${level}`);
    for (const { name, value } of [...heading.attributes]) replacement.setAttribute(name, value);
    replacement.append(...heading.childNodes);
    heading.replaceWith(replacement);
  }
}
