/**
 * Runs one seeded schedule and writes its trace as JSON Lines.
 *
 *   npm run sim -- --seed 42 --managers 5 --faults --trace trace.jsonl
 *
 * The same seed and options always give the same trace (its hash is printed); a violation found
 * by `npm run sim:sweep` replays here exactly. Exits 1 when an invariant is violated.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runSchedule } from '../src/sim/raft/schedule';
import { TraceRecorder } from '../src/sim/trace';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    managers: { type: 'string', default: '3' },
    faults: { type: 'boolean', default: false },
    trace: { type: 'string' },
    'no-rpcs': { type: 'boolean', default: false },
  },
  strict: true,
});

const seed = Number(values.seed);
const managers = Number(values.managers);
if (!Number.isInteger(seed) || seed < 0 || !Number.isInteger(managers) || managers < 1) {
  console.error(
    'usage: npm run sim -- --seed S --managers N [--faults] [--trace FILE] [--no-rpcs]',
  );
  process.exit(2);
}

const recorder = new TraceRecorder({ keepEvents: values.trace !== undefined });
const summary = await runSchedule({
  seed,
  managers,
  faults: values.faults,
  trace: recorder,
  traceRpcs: !values['no-rpcs'],
});

if (values.trace !== undefined) writeFileSync(values.trace, recorder.toJsonLines());

console.log(`seed: ${seed}, managers: ${managers}, faults: ${values.faults ? 'on' : 'off'}`);
console.log(
  `pre-vote: ${summary.preVote ? 'on' : 'off'}, snapshot interval: ${summary.snapshotIntervalEntries} entries, ` +
    `safety phase: ${summary.safetyPhaseMs / 1000} s, actions: ${summary.actions}`,
);
console.log(`proposals: ${summary.proposals}, acknowledged: ${summary.acknowledged}`);
const elected =
  summary.electedAfterHealMs === undefined ? 'never' : `${summary.electedAfterHealMs / 1000} s`;
console.log(`leader after healing: ${elected}, virtual time: ${summary.endMs / 1000} s`);
console.log(
  `trace: ${recorder.count} events, hash ${recorder.hash()}` +
    (values.trace === undefined ? '' : `, written to ${values.trace}`),
);
for (const violation of summary.violations) {
  console.log(
    `violation ${violation.invariant} at ${violation.timeMs} ms on member ${violation.member}: ${violation.detail}`,
  );
}
console.log(`violations: ${summary.violations.length}`);
process.exit(summary.violations.length > 0 ? 1 : 0);
