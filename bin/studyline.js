#!/usr/bin/env node
// The `studyline` command: runs the built CLI (out/cli/studyline.js, plain
// JavaScript, so it starts at once), building it first when it is missing or
// older than the sources it is made from.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'out', 'cli', 'studyline.js');
const SOURCES = [
  'electron/cli',
  'electron/core',
  'electron/shared',
  'resources/catalog.json',
  'cli.vite.config.ts',
];

/** Newest modification time under the sources (a few hundred stats: a few milliseconds). */
function newestSource(path) {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestSource(join(path, name)));
  return newest;
}

function needsBuild() {
  const output = statSync(built, { throwIfNoEntry: false });
  if (!output) return true;
  const newest = Math.max(...SOURCES.map((source) => newestSource(join(root, source))));
  return newest > output.mtimeMs;
}

if (needsBuild()) {
  process.stderr.write('studyline: building the command line (once)…\n');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '-c', 'cli.vite.config.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) {
    process.stderr.write('studyline: the build failed; run `npm install` and try again.\n');
    process.exit(1);
  }
}

await import(pathToFileURL(built).href);
