// Reads vitest's JSON report and fails when a test was skipped that CI must run.
// Missing programs already fail the run (STUDYLINE_REQUIRE_TOOLS=1); this also
// catches a forgotten `it.skip`, a `.only` that silently skips the rest, and a
// new skip condition nobody decided CI may take.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** The only skips CI accepts, each for a fact of the build machine. */
const ALLOWED = {
  'test/e2e/electron-smoke.test.ts':
    'no Electron binary: build machines cannot download it (TOOLCHAIN.md)',
  'test/core/sync/corpus-conformance.test.ts':
    'the shared feed corpus lives beside the main checkout, not in a clone',
  'test/core/library/durable-json.test.ts':
    'a read-only file cannot be tested as root, and CI runs as root',
};

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const skippedIn = new Map();
for (const file of report.testResults) {
  const name = relative(process.cwd(), file.name);
  const skipped = file.assertionResults.filter(
    (test) => test.status !== 'passed' && test.status !== 'failed',
  );
  if (skipped.length) skippedIn.set(name, skipped);
}

let refused = 0;
for (const [file, tests] of skippedIn) {
  if (ALLOWED[file]) {
    console.log(`Allowed skip: ${tests.length} in ${file} (${ALLOWED[file]})`);
    continue;
  }
  for (const test of tests) console.error(`Skipped, which CI refuses: ${file} > ${test.fullName}`);
  refused += tests.length;
}
if (refused) {
  console.error(
    `${refused} test(s) skipped. Make them run here, or add the file to ALLOWED in .ci/check-skips.mjs with the reason.`,
  );
  process.exit(1);
}
