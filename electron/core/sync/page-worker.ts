import { parentPort } from 'node:worker_threads';
import { serializeError } from './page-errors';
import { processPage, type PageInput } from './process-page';

/** Worker thread: processes pages so the app's main thread stays responsive. */
parentPort?.on('message', (message: { id: number; input: PageInput }) => void answer(message));

/** Never rejects: every failure goes back to the caller as a serialized error. */
async function answer(message: { id: number; input: PageInput }): Promise<void> {
  try {
    const page = await processPage(message.input);
    parentPort?.postMessage({ id: message.id, page });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: serializeError(error) });
  }
}
