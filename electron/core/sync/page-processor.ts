import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { deserializeError, type SerializedError } from './page-errors';
import type { PageInput, ProcessedPage } from './process-page';

/**
 * Loaded on first use: parsing and sanitizing pull in rss-parser and
 * sanitize-html, which a command that only reads the library never needs.
 */
async function processPage(input: PageInput): Promise<ProcessedPage> {
  const module = await import('./process-page');
  return module.processPage(input);
}

function loadParser(): void {
  import('./process-page').catch(() => undefined);
}

export interface PageProcessor {
  run(input: PageInput): Promise<ProcessedPage>;
  /** Gets ready (loads the parser, starts the threads) while the first pages download. */
  warmUp(): void;
  close(): Promise<void>;
}

export interface PageProcessorOptions {
  /** Worker script; absent (or missing on disk) means processing on this thread. */
  workerEntry?: string;
  threads?: number;
}

/** The worker entry when running from sources (tsx, tests, benchmarks). */
export function defaultWorkerEntry(): string | undefined {
  const dev = fileURLToPath(new URL('./page-worker-dev.mjs', import.meta.url));
  return existsSync(dev) ? dev : undefined;
}

/**
 * Parsing and sanitizing a big archive is CPU work: a small pool of worker
 * threads does it, so the desktop app's main process stays responsive and
 * pages are processed in parallel with the next downloads.
 */
export function createPageProcessor(options: PageProcessorOptions = {}): PageProcessor {
  const entry = options.workerEntry;
  if (!entry || !existsSync(entry))
    return { run: processPage, warmUp: loadParser, close: async () => {} };
  const size = Math.max(1, options.threads ?? Math.min(2, availableParallelism()));
  return new WorkerPool(entry, size);
}

interface Task {
  id: number;
  input: PageInput;
  resolve: (page: ProcessedPage) => void;
  reject: (error: Error) => void;
}

class WorkerPool implements PageProcessor {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private workers = 0;
  private nextId = 1;

  constructor(
    private readonly entry: string,
    private readonly size: number,
  ) {}

  run(input: PageInput): Promise<ProcessedPage> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, resolve, reject });
      this.pump();
    });
  }

  warmUp(): void {
    loadParser(); // page 1 is processed on this thread
    for (let worker = this.spawn(); worker; worker = this.spawn()) {
      worker.unref();
      this.idle.push(worker);
    }
  }

  async close(): Promise<void> {
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(all.map((worker) => worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? this.spawn();
      if (!worker) return;
      const task = this.queue.shift()!;
      this.busy.set(worker, task);
      worker.ref();
      worker.postMessage({ id: task.id, input: task.input });
    }
  }

  private spawn(): Worker | undefined {
    if (this.workers >= this.size) return undefined;
    this.workers += 1;
    const worker = new Worker(this.entry);
    worker.on('message', (message: { page?: ProcessedPage; error?: SerializedError }) => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      // An idle worker must not keep the CLI alive.
      worker.unref();
      this.idle.push(worker);
      if (message.error) task?.reject(deserializeError(message.error));
      else task?.resolve(message.page!);
      this.pump();
    });
    // 'error' is followed by 'exit': retire the worker once.
    worker.once('exit', () => this.retire(worker));
    worker.on('error', () => {});
    return worker;
  }

  private retire(worker: Worker): void {
    const task = this.busy.get(worker);
    this.busy.delete(worker);
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    this.workers -= 1;
    if (task) {
      // Don't lose the page: do it on this thread instead.
      processPage(task.input).then(task.resolve, task.reject);
    }
    this.pump();
  }
}
