// Reload cost against session length, in Node, in process: a 3m2w playground runs idle for 1
// virtual minute, 6 virtual hours and 24 virtual hours, saved as the page saves it along the
// way; each is timed from the restore of its last save to the first answered `docker node ls`,
// as a reload would do it. A save holds the last checkpoint (taken once a virtual minute has
// passed since the one before, DEFAULT_CHECKPOINT_POLICY) and the inputs since, so a restore
// replays at most about a minute whatever the session's length. To show the worst case, each
// session is saved 58 virtual seconds before its end (a checkpoint is due then in the long
// sessions) and again at its end, which replays those 58 s on top of the checkpoint.
// In the browser the restore runs in the coordinator's worker at about the same rate.
// Prints plain lines; it never fails on a figure.
import { DEFAULT_EPOCH_MS, Playground, coordinatorConfig } from '../src/sim/playground';
import type { PlaygroundSave } from '../src/sim/playground';
import { LocalSimulation } from '../src/sim/simulation-port';
import { parseSnapshot } from '../src/sim/coordinator';
import { swarmStateMachine } from '../src/swarm/node/state-machine';
import { dockerOn, reloadPlayground } from '../tests/support/playground';

const SESSIONS: readonly (readonly [string, number])[] = [
  ['1 virtual minute', 60_000],
  ['6 virtual hours', 6 * 3600_000],
  ['24 virtual hours', 24 * 3600_000],
];
const LAST_SAVE_GAP_MS = 58_000;
const options = { preset: '3m2w', seed: 1, epochMs: DEFAULT_EPOCH_MS } as const;

/** Advances `playground` to virtual time `toMs`, in hour-long steps as an open page would. */
async function advanceTo(playground: Playground, toMs: number): Promise<void> {
  while (playground.view.timeMs < toMs) {
    await playground.advance(Math.min(3600_000, toMs - playground.view.timeMs));
  }
}

/** A session of `lengthMs` idle virtual time, and its last save. */
async function saveAfter(lengthMs: number): Promise<PlaygroundSave> {
  const playground = await Playground.start(
    options,
    await LocalSimulation.create(coordinatorConfig(options)),
  );
  await advanceTo(playground, lengthMs - LAST_SAVE_GAP_MS);
  await playground.snapshot();
  await advanceTo(playground, lengthMs);
  const saved = await playground.snapshot();
  playground.dispose();
  return saved;
}

function describeSave(save: PlaygroundSave): string {
  const bytes = JSON.stringify(save).length;
  const checkpoint = parseSnapshot(save.simulation, swarmStateMachine.isPayload).checkpoint;
  const from = checkpoint === null ? 'time 0' : `a checkpoint at ${checkpoint.nowMs} ms`;
  return `${(bytes / 1024).toFixed(0)} KB, replays from ${from}`;
}

const figures: number[] = [];
for (const [label, lengthMs] of SESSIONS) {
  const saved = await saveAfter(lengthMs);
  const startMs = performance.now();
  const restored = await reloadPlayground(options, saved);
  const listed = await dockerOn(restored, 'manager1', 'node ls -q');
  const wallMs = performance.now() - startMs;
  if (listed.code !== 0) throw new Error(`docker node ls failed: ${listed.stderr}`);
  restored.dispose();
  figures.push(wallMs);
  console.log(
    `restore: ${label} session, reload to first answered command: ${wallMs.toFixed(0)} ms (save ${describeSave(saved)})`,
  );
}
const [minute, , day] = figures;
if (minute !== undefined && day !== undefined) {
  console.log(`restore: 24-hour session / 1-minute session = ${(day / minute).toFixed(1)}×`);
}
