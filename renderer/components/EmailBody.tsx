import { useLayoutEffect, useRef } from 'react';
import type { MouseEvent } from 'react';
import { nestHeadings } from '../lib/email-headings';
import { linkTarget } from '../lib/links';
import { sanitizeEmailHtml } from '../lib/sanitize-email';

interface EmailBodyProps {
  html: string;
  onLink: (href: string) => void;
}

/**
 * The stored email HTML, sanitized again here, inserted as DOM nodes. Every
 * link click is caught: the page never navigates, web links go to the browser.
 */
export function EmailBody({ html, onLink }: EmailBodyProps) {
  const ref = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const fragment = sanitizeEmailHtml(html);
    // The email's title is an h2: its own headings start at h3.
    nestHeadings(fragment, 3);
    ref.current?.replaceChildren(fragment);
  }, [html]);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const anchor = linkTarget(event.target);
    if (!anchor) return;
    event.preventDefault();
    const href = anchor.getAttribute('href')?.trim() ?? '';
    if (href.startsWith('#')) {
      // An in-email anchor (a table of contents): scroll to it, never change the page URL.
      const id = decodeURIComponent(href.slice(1));
      ref.current
        ?.querySelector(`[id="${CSS.escape(id)}"], [name="${CSS.escape(id)}"]`)
        ?.scrollIntoView();
      return;
    }
    if (href) onLink(href);
  };

  return <div ref={ref} className="email-body" onClick={onClick} onAuxClick={onClick} />;
}
