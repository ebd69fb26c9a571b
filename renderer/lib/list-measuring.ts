import { elementScroll } from '@tanstack/react-virtual';
import type { Rect, Virtualizer, VirtualizerOptions } from '@tanstack/react-virtual';

/**
 * How the email list's virtualizer measures and scrolls without laying the
 * window out in the middle of drawing it. Its defaults read the list's size
 * and write its scroll position as it mounts, each of which forces a layout
 * of the whole window inside the first drawing, before the rows are final.
 */

type ListVirtualizer = Virtualizer<HTMLDivElement, Element>;

/**
 * The list's size as a ResizeObserver reports it: after the frame's layout,
 * when reading the size costs nothing.
 */
export function observeListSize(instance: ListVirtualizer, cb: (rect: Rect) => void) {
  const list = instance.scrollElement;
  if (!list) return;
  const observer = new ResizeObserver(() =>
    cb({ width: list.clientWidth, height: list.clientHeight }),
  );
  observer.observe(list);
  return () => observer.disconnect();
}

/**
 * Until the list is measured: the window's size, which the list never
 * exceeds, so the first drawing has every row in view (and a few more).
 */
export function windowRect(): Rect {
  return { width: window.innerWidth, height: window.innerHeight };
}

type ScrollTo = VirtualizerOptions<HTMLDivElement, Element>['scrollToFn'];

/**
 * The virtualizer's own scrolling, but for its first write: on mounting it
 * scrolls the new list to its top, where a new list already is.
 */
export function skipFirstWriteToTop(scroll: ScrollTo = elementScroll): ScrollTo {
  let first = true;
  return (offset, options, instance) => {
    const toTop = first && offset + (options.adjustments ?? 0) === 0;
    first = false;
    if (!toTop) scroll(offset, options, instance);
  };
}
