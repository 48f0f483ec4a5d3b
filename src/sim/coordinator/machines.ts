import { assert } from '../../lib/assert';
import type { NodeId } from '../../raft';
import { DurableMirror, newMachineSnapshot, placementFor, type MachineSpec } from '../machine';
import type { CoordinatorState } from './coordinator-state';
import { fail, invoke, setDaemon } from './host-calls';
import { retireMember } from './retire';
import { absorb } from './routing';
import { emptyInbox, type Slot } from './slots';
import type { MachineInit } from './types';
import type { DaemonData } from '../../machine-api';

/** Installs the machines (node ids in list order), then starts every daemon at time 0. */
export async function boot<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  machines: readonly MachineInit[],
): Promise<void> {
  const managerIds = machines.flatMap((machine, i) => (machine.role === 'manager' ? [i + 1] : []));
  const slots: Slot<P, S, D>[] = [];
  for (const machine of machines) slots.push(await install(sim, machine, managerIds));
  const started = await Promise.all(
    slots.map((slot) =>
      Promise.resolve(
        invoke(sim, slot, 'set-daemon', (host) => host.setDaemon({ nowMs: 0, daemon: 'running' })),
      ),
    ),
  );
  for (const [i, slot] of slots.entries()) {
    const result = started[i];
    assert(result !== undefined, 'one result per machine');
    if (result.ok) absorb(sim, slot, result.value);
    else fail(sim, slot, 'set-daemon', result.error);
  }
}

/** Installs a machine and starts its daemon. A new manager knows no configuration yet. */
export async function addMachine<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  machine: MachineInit,
): Promise<void> {
  sim.inputs.record({ type: 'add-machine', atMs: sim.nowMs, machine });
  const slot = await install(sim, machine, []);
  await setDaemon(sim, slot, 'running');
}

/** Takes a machine away for good (its Raft membership is the swarm layer's business). */
export function removeMachine<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  hostname: string,
): void {
  const slot = sim.slots.require(hostname);
  sim.inputs.record({ type: 'remove-machine', atMs: sim.nowMs, hostname });
  retireMember(sim, slot.spec.nodeId);
}

/** Assigns the next node id, builds the machine's host and records the slot. */
async function install<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  machine: MachineInit,
  voters: readonly NodeId[],
): Promise<Slot<P, S, D>> {
  assert(!sim.slots.isTaken(machine.hostname), `hostname ${machine.hostname} is taken`);
  const spec: MachineSpec = {
    ...machine,
    nodeId: sim.slots.takeNodeId(),
    epochMs: sim.config.epochMs,
  };
  const recovery = newMachineSnapshot({
    spec,
    voters,
    raftOptions: sim.raftOptions,
    seed: sim.prng.nextUint32(),
    stateMachine: sim.stateMachine,
  });
  const mirror = new DurableMirror(recovery);
  const slot: Slot<P, S, D> = {
    spec,
    host: undefined,
    status: { ...spec, daemon: 'stopped', raft: null, durable: null },
    nextTickMs: Infinity,
    mirror,
    placement: placementFor(mirror.role),
    placementRefused: null,
    rehost: false,
    inbox: emptyInbox(),
    stepped: undefined,
    failure: null,
  };
  sim.slots.add(slot);
  sim.units.install(spec.nodeId);
  try {
    slot.host = await sim.hostFactory({ kind: 'disk', snapshot: recovery }, slot.placement);
  } catch (error: unknown) {
    slot.failure = error instanceof Error ? error.message : String(error);
  }
  return slot;
}
