/// <reference lib="webworker" />
import { expose } from 'comlink';
import { IndexedDbCheckpointStore } from './checkpoint-store';
import { createCoordinatorWorkerApi } from './coordinator-api';
import { workerHostFactory } from './spawn';

// The coordinator runs here, off the main thread (docs/sim.md). Each machine whose spec asks for
// its own worker (every machine meant to be a manager) gets a nested dedicated worker; the others
// stay in this thread. Saves write their checkpoint to IndexedDB from here, so the page's thread
// never clones it (src/sim-worker/save-database.ts).
expose(createCoordinatorWorkerApi(workerHostFactory(), new IndexedDbCheckpointStore()), self);
