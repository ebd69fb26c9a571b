import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createDeliveries } from '../../electron/main/deliveries';

class Page extends EventEmitter {
  send = vi.fn();
  destroyed = false;
  isDestroyed = () => this.destroyed;
}

const ninth = { courseId: 'py', emailId: 'py.9' };
const tenth = { courseId: 'py', emailId: 'py.10' };

describe('the ready handshake', () => {
  it('holds an email until the page is ready, then hands it over once', () => {
    const page = new Page();
    const deliveries = createDeliveries(() => page);
    deliveries.deliver('app:openEmail', ninth);
    expect(page.send).not.toHaveBeenCalled();
    deliveries.ready();
    deliveries.ready();
    expect(page.send.mock.calls).toEqual([['app:openEmail', ninth]]);
  });

  it('two clicks before ready open the last one', () => {
    const page = new Page();
    const deliveries = createDeliveries(() => page);
    deliveries.deliver('app:openEmail', ninth);
    deliveries.deliver('app:openEmail', tenth);
    deliveries.ready();
    expect(page.send.mock.calls).toEqual([['app:openEmail', tenth]]);
  });

  it('a page that reloads waits for its own ready; a new window too', () => {
    let page: Page | undefined = new Page();
    const deliveries = createDeliveries(() => page);
    deliveries.ready();
    deliveries.deliver('app:openEmail', ninth);
    expect(page.send).toHaveBeenCalledTimes(1);
    page.emit('did-start-loading');
    deliveries.deliver('app:openEmail', tenth);
    expect(page.send).toHaveBeenCalledTimes(1);
    deliveries.ready();
    expect(page.send).toHaveBeenLastCalledWith('app:openEmail', tenth);

    page = new Page();
    deliveries.deliver('app:openEmail', ninth);
    expect(page.send).not.toHaveBeenCalled();
    deliveries.ready();
    expect(page.send).toHaveBeenCalledWith('app:openEmail', ninth);
  });

  it('with no window at all, keeps the email for the window that opens next', () => {
    const window: { page?: Page } = {};
    const deliveries = createDeliveries(() => window.page);
    deliveries.deliver('app:openEmail', ninth);
    deliveries.ready();
    window.page = new Page();
    deliveries.ready();
    expect(window.page.send).toHaveBeenCalledWith('app:openEmail', ninth);
  });
});
