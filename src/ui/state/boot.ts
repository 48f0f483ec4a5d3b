import type { PresetId } from '../../sim/read-model';
import { coordinatorConfig, Playground, type PlaygroundOptions } from '../../sim/playground';
import { FORMAT_VERSION, type RunStore, type SavedRun } from './run-store';
import { WorkerSimulation } from './worker-simulation';

/** A fresh cluster: the machines' clocks start at the real time the run began. */
export async function startFresh(options: { preset: PresetId; seed: number }): Promise<Playground> {
  const playgroundOptions: PlaygroundOptions = { ...options, epochMs: Date.now() };
  const simulation = await WorkerSimulation.create(coordinatorConfig(playgroundOptions));
  return Playground.start(playgroundOptions, simulation);
}

/** Rebuilds a saved cluster, or says why the save does not load, in a sentence for the user. */
async function restoreSaved(run: SavedRun): Promise<Playground | { readonly problem: string }> {
  try {
    const simulation = await WorkerSimulation.restore(run.simulation);
    return await Playground.start(
      { preset: run.preset, seed: run.seed, epochMs: run.epochMs },
      simulation,
      run.playground,
    );
  } catch (error) {
    // The worker's SnapshotError arrives through Comlink as a plain Error with its message.
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

export async function saveRun(store: RunStore, playground: Playground): Promise<void> {
  const { preset, seed, epochMs } = playground.options;
  const save = await playground.snapshot();
  await store.save({
    formatVersion: FORMAT_VERSION,
    preset,
    seed,
    epochMs,
    simulation: save.simulation,
    playground: save.playground,
  });
}

export interface Boot {
  readonly playground: Playground;
  readonly notices: readonly string[];
}

/**
 * What the page starts with: the saved cluster when there is one and the URL names none, or a
 * fresh one. A save that cannot be used is reported and replaced, never left as a blank page.
 */
export async function boot(
  store: RunStore,
  options: { preset: PresetId; seed: number },
  urlChoseCluster: boolean,
): Promise<Boot> {
  if (urlChoseCluster) return { playground: await startFresh(options), notices: [] };
  const loaded = await store.load();
  if (loaded.kind === 'none') return { playground: await startFresh(options), notices: [] };
  const restored =
    loaded.kind === 'unusable' ? { problem: loaded.reason } : await restoreSaved(loaded.run);
  if (restored instanceof Playground) return { playground: restored, notices: [] };
  const problem = restored.problem;
  await store.clear().catch(() => undefined);
  return {
    playground: await startFresh(options),
    notices: [`The saved cluster could not be restored: ${problem}. A fresh cluster was started.`],
  };
}
