import { describe, expect, it } from 'vitest';
import { createBridgeOrder, type BridgeOrder } from './bridge-order';

/** A request as the harness handles one: waits for its turn, notes its start, lets the next in. */
async function start(order: BridgeOrder, load: string, seq: number, started: string[]) {
  await order.turn(load, seq);
  started.push(`${load}:${seq}`);
  order.next(load);
}

describe('the test bridge keeps requests in the order the page sent them', () => {
  it('starts requests that arrive out of order in the order they were sent', async () => {
    const order = createBridgeOrder();
    const started: string[] = [];
    await Promise.all([2, 0, 3, 1].map((seq) => start(order, 'page', seq, started)));
    expect(started).toEqual(['page:0', 'page:1', 'page:2', 'page:3']);
  });

  it('holds a request back until the one sent before it arrives', async () => {
    const order = createBridgeOrder();
    const started: string[] = [];
    const later = start(order, 'page', 1, started);
    await new Promise((done) => setTimeout(done, 20));
    expect(started).toEqual([]);
    await start(order, 'page', 0, started);
    await later;
    expect(started).toEqual(['page:0', 'page:1']);
  });

  it('counts each page load on its own, so a reload starts again from its first request', async () => {
    const order = createBridgeOrder();
    const started: string[] = [];
    await start(order, 'first', 0, started);
    await start(order, 'first', 1, started);
    await start(order, 'reloaded', 0, started);
    expect(started).toEqual(['first:0', 'first:1', 'reloaded:0']);
  });

  it('refuses a request number used twice in one page load', async () => {
    const order = createBridgeOrder();
    await start(order, 'page', 0, []);
    await expect(order.turn('page', 0)).rejects.toThrow('sent twice');
  });
});
