import { placementFor, type Answer, type HostFactory, type MachineState } from '../machine';
import type { CoordinatorState } from './coordinator-state';
import { fail, invoke } from './host-calls';
import type { DaemonData } from '../../machine-api';

/**
 * Moves each machine whose role changed to the host its role asks for: a promoted machine into
 * a worker of its own, a demoted one back to the shared thread. The machine is exported between
 * two instants and carries on in the new host where it was, so the run is the same whether or
 * not hosts are workers; the move is in the trace. A machine whose daemon waits on a call in
 * flight cannot be exported yet and moves at a later instant.
 */
export function placeByRole<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
): Answer<void> {
  let moving = false;
  for (const slot of sim.slots.list()) {
    const wanted = placementFor(slot.status.role);
    if (wanted === slot.placement) slot.placementRefused = null;
    else if (slot.host !== undefined && slot.placementRefused !== wanted) moving = true;
  }
  // Almost every instant moves nothing, and then nothing waits.
  return moving ? moveByRole(sim) : undefined;
}

async function moveByRole<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
): Promise<void> {
  for (const slot of sim.slots.list()) {
    const wanted = placementFor(slot.status.role);
    const host = slot.host;
    if (wanted === slot.placement || host === undefined || slot.placementRefused === wanted) {
      continue;
    }
    const exported = await invoke(sim, slot, 'export', (current) => current.exportState());
    if (!exported.ok) {
      fail(sim, slot, 'export', exported.error);
      continue;
    }
    const state = exported.value;
    if (state === null) continue;
    sim.trace.emit({
      type: 'machine-moved',
      timeMs: sim.nowMs,
      member: slot.spec.nodeId,
      placement: wanted,
    });
    try {
      slot.host = await sim.hostFactory({ kind: 'moved', state }, wanted);
    } catch {
      // The old host still runs the machine, untouched by the export: it stays where it was,
      // and works, only in the other thread. `failure` is kept for a machine that is down.
      slot.placementRefused = wanted;
      continue;
    }
    host.dispose();
    slot.placement = wanted;
    slot.rehost = false;
  }
}

/**
 * After a restore replayed on other hosts: from now on hosts come from the run's factory, and
 * every machine that has a host moves to one of those (`rehostPending`) as soon as it can.
 */
export function switchHostFactory<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  hostFactory: HostFactory<P, S, D>,
): void {
  sim.hostFactory = hostFactory;
  for (const slot of sim.slots.list()) slot.rehost = slot.host !== undefined;
}

/**
 * Moves machines replayed on in-process hosts to the hosts the run uses, each as soon as it
 * can be exported. A host change, not a role change: nothing is traced, and a host that
 * cannot be built leaves the machine where it is (in process, only slower).
 */
export function rehostPending<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
): Answer<void> {
  for (const slot of sim.slots.list()) if (slot.rehost) return rehostNow(sim);
  return undefined;
}

async function rehostNow<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
): Promise<void> {
  const moves: Promise<void>[] = [];
  for (const slot of sim.slots.list()) {
    const host = slot.host;
    if (!slot.rehost) continue;
    if (host === undefined) {
      slot.rehost = false;
      continue;
    }
    let state: MachineState<P, S, D> | null;
    try {
      state = await host.exportState();
    } catch {
      // The in-process host that answered every replayed call does not fail here; if it
      // did, the machine stays on it.
      slot.rehost = false;
      continue;
    }
    if (state === null) continue;
    slot.rehost = false;
    // Workers start in parallel: a worker takes ~150 ms to start, a restore moves them all.
    const source = { kind: 'moved', state } as const;
    moves.push(
      Promise.resolve(sim.hostFactory(source, slot.placement)).then(
        (built) => {
          slot.host = built;
          host.dispose();
        },
        () => undefined,
      ),
    );
  }
  await Promise.all(moves);
}
