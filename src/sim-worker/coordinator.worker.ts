/// <reference lib="webworker" />
import { expose } from 'comlink';
import { createCoordinatorWorkerApi } from './coordinator-api';
import { workerHostFactory } from './spawn';

// The coordinator runs here, off the main thread (docs/sim.md). Each machine whose spec asks for
// its own worker (every machine meant to be a manager) gets a nested dedicated worker; the others
// stay in this thread.
expose(createCoordinatorWorkerApi(workerHostFactory()), self);
