import type { CoordinatorState } from './coordinator-state';
import type { DaemonData } from '../../machine-api';

/** Members in different groups cannot reach each other; machines in no group keep all links. */
export function partition<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  groups: readonly (readonly string[])[],
): void {
  const ids = groups.map((group) =>
    group.map((hostname) => sim.slots.require(hostname).spec.nodeId),
  );
  sim.inputs.record({
    type: 'partition',
    atMs: sim.nowMs,
    groups: groups.map((group) => [...group]),
  });
  sim.network.partition(ids);
  sim.trace.emit({ type: 'network-partitioned', timeMs: sim.nowMs, member: 0, groups: ids });
}

export function heal<P, S, D extends DaemonData>(sim: CoordinatorState<P, S, D>): void {
  sim.inputs.record({ type: 'heal', atMs: sim.nowMs });
  sim.network.heal();
  sim.trace.emit({ type: 'network-healed', timeMs: sim.nowMs, member: 0 });
}
