/// <reference lib="webworker" />
import { expose } from 'comlink';
import { createCoordinatorWorkerApi } from './coordinator-api';
import { workerHostFactory } from './spawn';

// The coordinator runs here, off the main thread (docs/sim.md). Each machine the page marks
// `ownWorker` (every machine meant to be a manager) gets a nested dedicated worker; the others
// stay in this thread. A machine's swarm role is decided later, by the swarm itself, so
// placement follows the page's plan rather than the role (a promoted worker stays here).
const ownWorker = new Set<string>();
const api = createCoordinatorWorkerApi(
  workerHostFactory((hostname) => ownWorker.has(hostname)),
  (config) => {
    ownWorker.clear();
    for (const machine of config.machines)
      if (machine.ownWorker === true) ownWorker.add(machine.hostname);
  },
);
expose(api, self);
