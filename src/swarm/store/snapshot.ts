import { assert } from '../../lib/assert';
import type { StoreState } from './store';

/**
 * A Raft snapshot of the store (swarmkit `manager/state/store/memory.go` `Save`/`Restore`): the
 * whole state as plain data, tagged with a format version so an old saved run fails loudly
 * instead of restoring something half-understood.
 */
export interface StoreSnapshot {
  readonly format: 1;
  readonly state: StoreState;
}

export function snapshotStore(store: StoreState): StoreSnapshot {
  return { format: 1, state: store };
}

/**
 * Rebuilds a store from a snapshot. The copy goes through JSON so that the restored store shares
 * nothing with the snapshot it came from (a snapshot may cross a worker boundary or be saved).
 */
export function restoreStore(snapshot: StoreSnapshot): StoreState {
  // A saved run may come from an older build: check the tag the type cannot vouch for.
  const format: unknown = snapshot.format;
  assert(format === 1, `unknown store snapshot format ${String(format)}`);
  const state = JSON.parse(JSON.stringify(snapshot.state)) as StoreState;
  assert(Number.isInteger(state.appliedIndex), 'snapshot without an applied index');
  return state;
}
