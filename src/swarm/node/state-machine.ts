import type { Entry } from '../../raft';
import {
  applyEntry,
  describeAction,
  emptyStore,
  skipEntry,
  type StoreProposal,
  type StoreState,
} from '../store';
import type { ReplicatedStateMachine } from '../../machine-api';
import { SwarmDaemon } from './swarm-daemon';
import type { SwarmDaemonData } from './daemon-data';

function apply(store: StoreState, entry: Entry<StoreProposal>): StoreState {
  if (entry.data.type !== 'normal') return skipEntry(store, entry.index);
  return applyEntry(store, entry.data.payload, entry.index).store;
}

function isStoreProposal(value: unknown): value is StoreProposal {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.requestId === 'string' && Array.isArray(record.actions);
}

/** The swarm store as each manager's replicated state machine, with the swarm daemon beside it. */
export const swarmStateMachine: ReplicatedStateMachine<StoreProposal, StoreState, SwarmDaemonData> =
  {
    initial: emptyStore(),
    apply,
    describe: (payload) => `${payload.requestId} ${payload.actions.map(describeAction).join(', ')}`,
    isPayload: isStoreProposal,
    daemon: (disk, volatile) =>
      volatile === undefined ? new SwarmDaemon(disk) : SwarmDaemon.restore(disk, volatile),
  };
