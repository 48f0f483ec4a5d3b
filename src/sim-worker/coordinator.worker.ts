/// <reference lib="webworker" />
import { expose } from 'comlink';
import { createCoordinatorWorkerApi } from './coordinator-api';
import { workerHostFactory } from './spawn';

// The coordinator runs here, off the main thread (docs/sim.md): it spawns one nested dedicated
// worker per manager and keeps worker machines in this thread. The page calls it once per frame.
expose(createCoordinatorWorkerApi(workerHostFactory()), self);
