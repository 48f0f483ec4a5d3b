/// <reference lib="webworker" />
import { expose } from 'comlink';
import { swarmStateMachine } from '../swarm/node/state-machine';
import { createManagerWorkerApi } from './manager-api';

// One manager machine per dedicated worker (docs/architecture.md, "One Web Worker per manager").
// Comlink answers each call with the machine's plain-data output; the coordinator does the rest.
expose(createManagerWorkerApi(swarmStateMachine), self);
