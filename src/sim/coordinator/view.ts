import type { CoordinatorState } from './coordinator-state';
import type { Slot } from './slots';
import type { MachineStatus } from './types';
import type { DaemonData } from '../../machine-api';

/**
 * The read model, from what the hosts last reported: synchronous, it asks no host. Raft's
 * leader is shown by hostname rather than node id.
 */
export function machineStatuses<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
): readonly MachineStatus[] {
  return sim.slots.list().map((slot) => machineView(sim, slot));
}

/** The running leader with the highest term, if any. */
export function leaderOf<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
): string | undefined {
  let best: { hostname: string; term: number } | undefined;
  for (const slot of sim.slots.list()) {
    const raft = slot.status.raft;
    if (slot.status.daemon !== 'running' || raft?.role !== 'leader') continue;
    if (best === undefined || raft.term > best.term) {
      best = { hostname: slot.spec.hostname, term: raft.term };
    }
  }
  return best?.hostname;
}

function machineView<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  slot: Slot<P, S, D>,
): MachineStatus {
  const { status } = slot;
  const raft = status.raft;
  return {
    hostname: status.hostname,
    address: status.address,
    nodeId: status.nodeId,
    daemon: status.daemon,
    role: status.role,
    raft:
      raft === null
        ? null
        : {
            role: raft.role,
            term: raft.term,
            lead: sim.slots.name(raft.lead),
            commit: raft.commit,
            lastIndex: raft.lastIndex,
            applied: raft.applied,
            voters: raft.voters.map((id) => sim.slots.name(id) ?? String(id)),
            transferee: raft.transferee === 0 ? null : sim.slots.name(raft.transferee),
          },
    durable: status.durable,
    failure: slot.failure,
    units: sim.units.of(slot.spec.nodeId),
    placement: slot.placement,
    ...(status.swarm === undefined ? {} : { swarm: status.swarm }),
  };
}
