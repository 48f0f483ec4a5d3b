// Reload cost against session length, in Node, in process: a 3m2w playground runs idle for 1
// virtual minute, 6 virtual hours and 24 virtual hours; each is saved, then timed from the
// restore of its save to the first answered `docker node ls`, as a reload would do it.
// Saves replay their inputs from time 0 today, so the cost grows with the session; the figures
// are the baseline for checkpointed saves (the 24-hour one should come within twice the 1-minute
// one). In the browser the replay runs in the coordinator's worker at about the same rate.
// Prints plain lines; it never fails on a figure.
import { DEFAULT_EPOCH_MS, Playground, coordinatorConfig } from '../src/sim/playground';
import { LocalSimulation } from '../src/sim/simulation-port';
import { dockerOn } from '../tests/support/playground';

const SESSIONS: readonly (readonly [string, number])[] = [
  ['1 virtual minute', 60_000],
  ['6 virtual hours', 6 * 3600_000],
  ['24 virtual hours', 24 * 3600_000],
];
const options = { preset: '3m2w', seed: 1, epochMs: DEFAULT_EPOCH_MS } as const;

/** A session of `lengthMs` idle virtual time, saved as the page saves it (plain data). */
async function saveAfter(lengthMs: number): Promise<unknown> {
  const playground = await Playground.start(
    options,
    await LocalSimulation.create(coordinatorConfig(options)),
  );
  // Hour-long advances, as a page left open steps through them frame by frame.
  for (let doneMs = 0; doneMs < lengthMs; doneMs += 3600_000) {
    await playground.advance(Math.min(3600_000, lengthMs - doneMs));
  }
  const saved: unknown = JSON.parse(JSON.stringify(await playground.snapshot()));
  playground.dispose();
  return saved;
}

const figures: number[] = [];
for (const [label, lengthMs] of SESSIONS) {
  const saved = await saveAfter(lengthMs);
  const startMs = performance.now();
  const restored = await Playground.start(options, await LocalSimulation.restore(saved));
  const listed = await dockerOn(restored, 'manager1', 'node ls -q');
  const wallMs = performance.now() - startMs;
  if (listed.code !== 0) throw new Error(`docker node ls failed: ${listed.stderr}`);
  restored.dispose();
  figures.push(wallMs);
  console.log(
    `restore: ${label} session, reload to first answered command: ${wallMs.toFixed(0)} ms`,
  );
}
const [minute, , day] = figures;
if (minute !== undefined && day !== undefined) {
  console.log(`restore: 24-hour session / 1-minute session = ${(day / minute).toFixed(1)}×`);
}
