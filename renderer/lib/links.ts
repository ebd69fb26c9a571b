/** Only web links leave the app; javascript:, file: and the like never do. */
export function isWebUrl(href: string | null | undefined): href is string {
  if (!href) return false;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The link a click landed on, if any, resolved against the page. */
export function linkTarget(target: EventTarget | null): HTMLAnchorElement | undefined {
  if (!(target instanceof Element)) return undefined;
  const anchor = target.closest('a');
  return anchor instanceof HTMLAnchorElement ? anchor : undefined;
}

/** A readable name for a feed address: host and path, without the scheme. */
export function shortUrl(href: string): string {
  try {
    const url = new URL(href);
    const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
    return url.host + path;
  } catch {
    return href;
  }
}
