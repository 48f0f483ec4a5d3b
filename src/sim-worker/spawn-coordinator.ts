import { releaseProxy, wrap, type Remote } from 'comlink';
import type { CoordinatorWorkerApi } from './coordinator-api';

// Apart from spawn.ts, which the coordinator's worker runs: the page imports only this, so its
// bundle holds no swarm daemon (spawn.ts's manager hosts pull the whole of src/swarm in).

/**
 * Starts the coordinator's own worker and wraps it. The page calls `create` or `restore`, then
 * `advanceBy` and `frame` once per animation frame; `dispose` releases the proxy and terminates
 * the worker (and with it every manager worker it spawned).
 */
export function spawnCoordinator(): {
  readonly api: Remote<CoordinatorWorkerApi>;
  readonly dispose: () => void;
} {
  const worker = new Worker(new URL('./coordinator.worker.ts', import.meta.url), {
    type: 'module',
    name: 'coordinator',
  });
  const api = wrap<CoordinatorWorkerApi>(worker);
  return {
    api,
    dispose: () => {
      api[releaseProxy]();
      worker.terminate();
    },
  };
}
