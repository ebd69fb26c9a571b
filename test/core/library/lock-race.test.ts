import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProgressStore } from '../../../electron/core/library/progress-store';
import { bundleNodeScript, type NodeScript } from '../../helpers/node-script';
import { listNames, tempDir } from './helpers';

const ROUNDS = 3;
const RACERS = 12;
const fixtures = path.join(import.meta.dirname, 'fixtures');
let racer: NodeScript;
let holder: NodeScript;

beforeAll(async () => {
  [racer, holder] = await Promise.all([
    bundleNodeScript(path.join(fixtures, 'lock-racer.ts')),
    bundleNodeScript(path.join(fixtures, 'hold-lock.ts')),
  ]);
});
afterAll(async () => {
  await Promise.all([racer?.dispose(), holder?.dispose()]);
});

/** Leaves the lock of a process killed while it held the folder: a crashed app. */
async function crashWhileHolding(dataDir: string): Promise<void> {
  const child = spawn(process.execPath, [...holder.args, dataDir, 'app'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`lock holder exited early (${code})`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

interface RacerOutcome {
  id: string;
  exitCode: number | null;
  lines: string[];
}

function race(dataDir: string, id: string, startAt: number): Promise<RacerOutcome> {
  const child = spawn(process.execPath, [...racer.args, dataDir, id, String(startAt)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve) =>
    child.on('close', (exitCode) => resolve({ id, exitCode, lines: out.split('\n') })),
  );
}

describe('the data folder lock under a race', () => {
  it(
    'gives a stale lock to exactly one of many racing processes at a time, and loses no acknowledged note',
    { timeout: 120_000 },
    async () => {
      let acked = 0;
      for (let round = 1; round <= ROUNDS; round += 1) {
        const dataDir = await tempDir();
        await crashWhileHolding(dataDir);
        // Every racer is started and waiting before the same instant.
        const startAt = Date.now() + 2000;
        const ids = Array.from({ length: RACERS }, (_, i) => `r${round}-${i}`);
        const outcomes = await Promise.all(ids.map((id) => race(dataDir, id, startAt)));
        const context = `round ${round}`;

        const overlaps = outcomes.flatMap((o) => o.lines.filter((l) => l.startsWith('overlap')));
        expect(overlaps, `${context}: two holders at once`).toEqual([]);
        const refused = outcomes.flatMap((o) => o.lines.filter((l) => l.startsWith('refused')));
        expect(refused, `${context}: a racer never got the folder`).toEqual([]);
        const acks = outcomes.filter((o) => o.lines.includes(`ack ${o.id}`)).map((o) => o.id);
        expect(outcomes.map((o) => o.exitCode)).toEqual(ids.map(() => 0));

        const progress = await ProgressStore.open(dataDir);
        const lost = acks.filter((id) => progress.data.emails[`note-${id}`] === undefined);
        expect(lost, `${context}: acknowledged notes lost`).toEqual([]);
        expect(acks).toHaveLength(RACERS);
        acked += acks.length;
        const leftovers = (await listNames(dataDir)).filter((n) => n.includes('lock'));
        expect(leftovers, `${context}: lock files left behind`).toEqual([]);
      }
      console.log(
        `lock race: ${ROUNDS} rounds of ${RACERS} processes on a crashed holder's lock; ` +
          `one holder at a time, ${acked} notes acknowledged, none lost`,
      );
    },
  );
});
