import DOMPurify from 'dompurify';

/**
 * The core already sanitized this HTML when it stored it; we sanitize again
 * right before it touches the DOM, because the bytes came from the web and a
 * single gap in either layer would otherwise run a stranger's script.
 */
const purifier = DOMPurify();

// studyline-asset: is the app's image cache; relative paths serve the same cache in tests.
const ALLOWED_URI = /^(?:(?:https?|mailto|studyline-asset):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
const CACHED_IMAGE = /^(?:studyline-asset:|\/(?!\/)|\.{0,2}\/(?!\/))/i;

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node instanceof HTMLAnchorElement) {
    // Clicks are intercepted and sent to the browser; never a new window from here.
    node.removeAttribute('target');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/**
 * An image the core could not cache still points at the web; the CSP would
 * block it anyway, so say so in words instead of showing a broken icon.
 */
function keepOnlyCachedImage(image: HTMLImageElement): void {
  const src = image.getAttribute('src') ?? '';
  if (CACHED_IMAGE.test(src)) return;
  const note = image.ownerDocument.createElement('span');
  note.className = 'email-image-missing';
  const alt = image.getAttribute('alt')?.trim();
  note.textContent = alt ? `Image not saved: ${alt}` : 'Image not saved for offline reading';
  image.replaceWith(note);
}

/** The email as a fragment ready to append: sanitized, uncached images replaced by a note. */
export function sanitizeEmailHtml(html: string): DocumentFragment {
  const fragment = purifier.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    ALLOWED_URI_REGEXP: ALLOWED_URI,
    FORBID_TAGS: [
      ...['style', 'form', 'input', 'button', 'textarea', 'select'],
      ...['iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link'],
    ],
    FORBID_ATTR: ['style', 'srcset', 'ping', 'formaction', 'action'],
    ALLOW_DATA_ATTR: false,
  });
  for (const image of fragment.querySelectorAll('img')) keepOnlyCachedImage(image);
  return fragment;
}

/**
 * Sanitizes a tiny email once, before any is shown: DOMPurify's first run
 * sets itself up (tens of ms on a slow machine), which would otherwise land
 * in the render of the email due, right after the list first appears.
 */
export function prepareSanitizer(): void {
  sanitizeEmailHtml('<p><a href="https://example.org/">x</a></p>');
}
