// Worker entry when running from sources (CLI via tsx, tests, benchmarks):
// teach the worker TypeScript, then load the real worker. The packaged app
// uses the bundled page-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./page-worker.ts');
