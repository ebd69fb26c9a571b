/**
 * Electron delivers a page's IPC requests to main in the order they were
 * sent, over one channel. The harness carries them as HTTP requests, which
 * the browser may send over several connections and so deliver out of order:
 * each carries its page load's id and its number there, and waits here until
 * every request sent before it has been started.
 */
export interface BridgeOrder {
  /** Settles once every earlier request of `load` has had its turn; then call `next()`. */
  turn(load: string, seq: number): Promise<void>;
  /** The request whose turn it was has started: lets the following one in. */
  next(load: string): void;
}

interface LoadQueue {
  expected: number;
  waiting: Map<number, () => void>;
}

export function createBridgeOrder(): BridgeOrder {
  const loads = new Map<string, LoadQueue>();
  const queueOf = (load: string): LoadQueue => {
    let queue = loads.get(load);
    if (!queue) {
      queue = { expected: 0, waiting: new Map() };
      loads.set(load, queue);
    }
    return queue;
  };
  return {
    turn(load, seq) {
      const queue = queueOf(load);
      if (seq === queue.expected) return Promise.resolve();
      if (seq < queue.expected || queue.waiting.has(seq)) {
        return Promise.reject(new Error(`bridge request ${seq} of this page was sent twice`));
      }
      return new Promise((go) => queue.waiting.set(seq, go));
    },
    next(load) {
      const queue = queueOf(load);
      queue.expected += 1;
      const go = queue.waiting.get(queue.expected);
      if (!go) return;
      queue.waiting.delete(queue.expected);
      go();
    },
  };
}
