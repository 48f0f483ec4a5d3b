import type { NodeId } from '../../raft';
import type { CoordinatorState } from './coordinator-state';
import type { DaemonData } from '../../machine-api';

/**
 * Takes a machine out of the run because the run itself removed it (a bare Raft member whose
 * removal was applied), not because of an input: nothing is recorded, since a replay derives
 * the same removal again. Its slot goes, so the fabric drops whatever it sends or is sent.
 */
export function retireMember<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  id: NodeId,
): void {
  const slot = sim.slots.get(id);
  if (slot === undefined) return;
  sim.slots.remove(id);
  sim.units.forget(id);
  slot.host?.dispose();
  sim.trace.emit({ type: 'member-removed', timeMs: sim.nowMs, member: id });
}
