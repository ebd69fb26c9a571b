import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from './run';

// Built (out/cli/), the page worker is plain JavaScript beside this file; from the
// sources (tsx, tests) there is none here and the core falls back to its own.
const worker = fileURLToPath(new URL('./page-worker.js', import.meta.url));

const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  pageWorkerEntry: existsSync(worker) ? worker : undefined,
});
process.exitCode = exitCode;
