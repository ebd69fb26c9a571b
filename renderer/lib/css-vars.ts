import type { CSSProperties } from 'react';

/**
 * Custom properties for an element's style. React sets them through the
 * CSSOM (style.setProperty), which the page's strict CSP allows, unlike a
 * style attribute in markup.
 */
export function cssVars(vars: Record<`--${string}`, string>): CSSProperties {
  return vars;
}
