import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { round, stats, timeMs, type Stats } from './stats';

export interface CliBench {
  cli_start: Stats;
  npm_env: Stats;
  cli_start_ratio: number;
}

const repo = join(import.meta.dirname, '..', '..');

/** Builds out/cli when it is missing or stale, the way the command itself does. */
export function ensureCliBuilt(): string {
  const result = spawnSync(process.execPath, ['bin/studyline.js', '--help'], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`could not build the CLI: ${result.stderr}`);
  return join(repo, 'out', 'cli', 'page-worker.js');
}

function run(args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const result = spawnSync('npm', args, { cwd: repo, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return performance.now() - started;
}

/**
 * `npm run -s studyline -- courses` from start to exit, against `npm run -s env`
 * (npm's own start-up, which every npm script pays): target ratio ≤ 1.5.
 */
export async function benchCliStart(runs: number): Promise<CliBench> {
  ensureCliBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'studyline-bench-cli-'));
  try {
    const env = { ...process.env, STUDYLINE_DATA: join(dir, 'data') };
    run(['run', '-s', 'studyline', '--', 'follow', 'seq21oct13'], env);
    const cli: number[] = [];
    const npm: number[] = [];
    for (let i = 0; i < runs; i++) {
      cli.push(await timeMs(() => run(['run', '-s', 'studyline', '--', 'courses'], env)));
      npm.push(await timeMs(() => run(['run', '-s', 'env'], env)));
    }
    const cliStats = stats(cli);
    const npmStats = stats(npm);
    return {
      cli_start: cliStats,
      npm_env: npmStats,
      cli_start_ratio: round(cliStats.median / npmStats.median),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
