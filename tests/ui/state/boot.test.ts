import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../../src/lib/base64';
import { encodeText } from '../../../src/lib/crypto';
import { DEFAULT_EPOCH_MS, Playground, coordinatorConfig } from '../../../src/sim/playground';
import { openCheckpoint } from '../../../src/sim-worker/saved-checkpoint';
import { saveRun } from '../../../src/ui/state/boot';
import { RunStore } from '../../../src/ui/state/run-store';
import { MemoryRunRecords, storedTexts } from '../../support/memory-saves';
import { dockerOn as docker } from '../../support/playground';
import { WorkerApiSimulation } from '../../support/worker-api-simulation';

const PLAINTEXT = 'hunter2-plaintext';
// Its base64 as the request of `docker secret create` carries it, and without the padding.
const BASE64 = encodeBase64(encodeText(PLAINTEXT)).replace(/=+$/, '');

/** Whether any text in `stored` holds the secret, in clear or in base64. */
function holdsSecret(stored: unknown): boolean {
  return storedTexts(stored).some((text) => text.includes(PLAINTEXT) || text.includes(BASE64));
}

describe('saveRun', () => {
  it("writes neither a secret's plaintext nor its base64 to the browser's storage", async () => {
    const options = { preset: '1m2w' as const, seed: 3, epochMs: DEFAULT_EPOCH_MS };
    const simulation = await WorkerApiSimulation.create(coordinatorConfig(options));
    const playground = await Playground.start(options, simulation);
    const records = new MemoryRunRecords();
    const store = new RunStore(records);
    await playground.advance(10_000);

    // printf 'hunter2-plaintext' | docker secret create s -
    const created = await docker(playground, 'manager1', 'secret create s -', {
      stdin: PLAINTEXT,
    });
    expect(created.code).toBe(0);
    const service = await docker(
      playground,
      'manager1',
      'service create -d --name web --replicas 2 --secret s nginx',
    );
    expect(service.code).toBe(0);
    // The first save holds the secret's creation among the inputs since the last checkpoint.
    await saveRun(store, playground);
    expect(holdsSecret(records.current)).toBe(false);
    const opened = await store.load();
    expect(opened.kind).toBe('loaded');
    expect(JSON.stringify(opened)).toContain(BASE64);

    // A virtual minute on, the tasks run with the secret mounted and a save takes a checkpoint:
    // the managers' store and the workers' files hold the secret now.
    for (let i = 0; i < 70; i++) await playground.advance(1_000);
    const tasks = await docker(playground, 'manager1', [
      'service',
      'ps',
      'web',
      '--format',
      '{{.CurrentState}}',
    ]);
    expect(tasks.stdout).toMatch(/^Running.*\nRunning/);
    await saveRun(store, playground);
    const checkpoints = [...simulation.checkpoints.records.values()];
    expect(checkpoints.length).toBeGreaterThan(0);
    const last = checkpoints.at(-1);
    expect(JSON.stringify(await openCheckpoint(last))).toMatch(
      new RegExp(`${PLAINTEXT}|${BASE64}`),
    );
    for (const record of [records.current, ...checkpoints]) {
      expect(holdsSecret(record)).toBe(false);
    }

    // And what was written restores.
    const head = await store.load();
    if (head.kind !== 'loaded') throw new Error(`the save does not load: ${JSON.stringify(head)}`);
    const restored = await WorkerApiSimulation.restore(head.run.simulation, simulation.checkpoints);
    const again = await Playground.start(options, restored, head.run.playground);
    expect(again.view.traceHash).toBe(playground.view.traceHash);
    again.dispose();
    playground.dispose();
  });
});
