import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pause, resume } from '../../../electron/core/pace/plan-ops';
import { Computer, deliver, HOUR, settle, T0 } from './computers';

/**
 * Three computers edit progress while a sync service delivers their logs in
 * any order, sometimes halfway, with clocks hours apart. Once everything is
 * delivered, all three must hold the same progress, and a change made after
 * that (on any of them) must win everywhere.
 */

const who = fc.integer({ min: 0, max: 2 });
const email = fc.constantFrom('seq.e1', 'seq.e2', 'seq.e3');

const opArb = fc.oneof(
  fc.record({ op: fc.constant('done' as const), who, email, done: fc.boolean() }),
  fc.record({
    op: fc.constant('note' as const),
    who,
    email,
    text: fc.constantFrom('', 'why?', 'got it'),
  }),
  fc.record({ op: fc.constant('plan' as const), who, perWeek: fc.integer({ min: 1, max: 7 }) }),
  fc.record({ op: fc.constant('pause' as const), who, on: fc.boolean() }),
  fc.record({
    op: fc.constant('deliver' as const),
    from: who,
    to: who,
    cut: fc.option(fc.nat(200)),
  }),
  fc.record({ op: fc.constant('look' as const), who }),
  fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 20 * 60_000 }) }),
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

async function apply(computers: Computer[], time: { now: number }, op: Op): Promise<void> {
  switch (op.op) {
    case 'done':
      return computers[op.who]!.done(op.email, op.done);
    case 'note':
      return computers[op.who]!.note(op.email, op.text);
    case 'plan':
      return computers[op.who]!.plan('seq21oct13', (p) => ({
        ...p,
        pace: { kind: 'per-week', perWeek: op.perWeek },
      }));
    case 'pause':
      return computers[op.who]!.plan('seq21oct13', (p) =>
        op.on ? pause(p, '2026-12-01') : resume(p, '2026-12-03'),
      );
    case 'deliver':
      return deliver(computers[op.from]!, computers[op.to]!, op.cut ?? undefined);
    case 'look':
      await computers[op.who]!.sync();
      return;
    case 'wait':
      time.now += op.ms;
  }
}

describe('three computers, any interleaving', () => {
  it('converge to the same progress, and a later change wins everywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 3, maxLength: 3 }),
        fc.array(opArb, { minLength: 5, maxLength: 30 }),
        fc.record({ who, email, text: fc.constantFrom('final word', 'last') }),
        async (offsets, ops, last) => {
          const time = { now: T0 };
          const computers = [];
          for (const [i, name] of ['laptop', 'desktop', 'studypc'].entries()) {
            const computer = await Computer.make(name, time);
            computer.offset = offsets[i]! * HOUR;
            await computer.share.start(computer.folder);
            computers.push(computer);
          }
          await computers[0]!.follow('seq21oct13');
          await settle(computers);
          try {
            for (const op of ops) await apply(computers, time, op);
            await settle(computers);
            const [a, b, c] = computers.map((x) => x.shared());
            expect(b).toEqual(a);
            expect(c).toEqual(a);

            time.now += 1000;
            await computers[last.who]!.note(last.email, last.text);
            await settle(computers);
            for (const computer of computers)
              expect(computer.email(last.email).note).toBe(last.text);
          } finally {
            for (const computer of computers) await computer.close();
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 300_000);
});
