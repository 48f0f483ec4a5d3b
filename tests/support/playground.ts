import type { Canceller } from '../../src/lib/cancel';
import {
  DEFAULT_EPOCH_MS,
  Playground,
  coordinatorConfig,
  type PlaygroundOptions,
  type PlaygroundSave,
} from '../../src/sim/playground';
import { LocalSimulation } from '../../src/sim/simulation-port';
import { runDocker, type DockerResult } from './docker-run';

/** A playground of `preset` in process, as the page starts one (a preset that forms a swarm does). */
export async function startPlayground(
  preset: PlaygroundOptions['preset'],
  seed = 1,
): Promise<Playground> {
  const options = { preset, seed, epochMs: DEFAULT_EPOCH_MS };
  return Playground.start(options, await LocalSimulation.create(coordinatorConfig(options)));
}

/**
 * A reload from `save`, as the page does one: the save goes through plain data (JSON here,
 * IndexedDB in the page), then the simulation is restored and the playground started on it.
 */
export async function reloadPlayground(
  options: PlaygroundOptions,
  save: PlaygroundSave,
): Promise<Playground> {
  const stored: unknown = JSON.parse(JSON.stringify(save));
  if (typeof stored !== 'object' || stored === null) throw new Error('a save is an object');
  const { simulation, playground }: Partial<Record<keyof PlaygroundSave, unknown>> = stored;
  return Playground.start(options, await LocalSimulation.restore(simulation), playground);
}

/**
 * Advances virtual time in steps of 100 ms until `pending` settles, or two virtual minutes
 * passed (then `pending` is returned as it is, and a test awaiting it fails on its own).
 */
export async function whileAdvancing<T>(playground: Playground, pending: Promise<T>): Promise<T> {
  const state = { done: false };
  // Watching `pending` is also what handles its rejection while time advances (an advance ends
  // in a later task, where an unwatched rejection counts as unhandled); the caller still gets it.
  const settled = (): void => {
    state.done = true;
  };
  pending.then(settled, settled);
  for (let i = 0; i < 1200 && !state.done; i++) await playground.advance(100);
  return pending;
}

/** Runs `docker …` (a line split on spaces, or the arguments) on `host` until it returns. */
export function dockerOn(
  playground: Playground,
  host: string,
  command: string | readonly string[],
  options: { stdin?: string; cancel?: Canceller } = {},
): Promise<DockerResult> {
  const args = typeof command === 'string' ? command.split(' ') : [...command];
  const pending = runDocker(args, {
    engine: playground.engine(host),
    clock: playground.clock,
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
    ...(options.cancel === undefined ? {} : { cancel: options.cancel.signal }),
  });
  return whileAdvancing(playground, pending);
}
