import type { NodeId } from '../../raft';
import type { DaemonData } from '../../machine-api';
import {
  DurableMirror,
  restingSnapshot,
  type MachineSnapshot,
  type MachineState,
  type MachineStatusData,
  type Placement,
} from '../machine';
import type { NetworkSnapshot } from '../network';
import type { CoordinatorState } from './coordinator-state';
import type { Packet } from './packets';
import { emptyInbox, type Slot, type SlotNames } from './slots';
import type { TraceResume } from './tracing';
import type { SystemdUnitsData } from './units';

/**
 * When a save takes a new checkpoint: once this much virtual time or this many inputs have
 * passed since the last one. A restore replays at most about that much, so a day-long session
 * reloads about as fast as a fresh one, and the machines are exported only now and then.
 */
export interface CheckpointPolicy {
  readonly afterMs: number;
  readonly afterInputs: number;
}

export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = { afterMs: 60_000, afterInputs: 200 };

/** One machine in a checkpoint, as its slot held it. */
export interface MachineCheckpoint<P, S, D extends DaemonData> {
  readonly status: MachineStatusData;
  /** Null for a machine that never ticks (its daemon is down): JSON has no Infinity. */
  readonly nextTickMs: number | null;
  readonly placement: Placement;
  readonly placementRefused: Placement | null;
  readonly failure: string | null;
  /** A machine with a host: everything it holds, running or stopped. */
  readonly state: MachineState<P, S, D> | null;
  /** A machine whose host failed: the disk it restarts from. */
  readonly disk: MachineSnapshot<P, S, D> | null;
}

/**
 * The whole coordinator at one quiet instant, as plain data: every machine, the fabric with
 * what is in flight, the names, systemd's units, the seeds and counters, and where the trace
 * stood. Quiet means that no Engine API call waits for its answer and every machine can be
 * exported, so nothing that lives only in a promise is left out. Restoring it and replaying
 * the inputs that came after gives the same run as replaying every input from time 0.
 */
export interface CoordinatorCheckpoint<P, S, D extends DaemonData> {
  readonly nowMs: number;
  readonly prngState: number;
  readonly network: NetworkSnapshot<Packet<P, S>, NodeId>;
  readonly names: SlotNames;
  readonly machines: readonly MachineCheckpoint<P, S, D>[];
  readonly units: SystemdUnitsData;
  readonly trace: TraceResume;
  readonly nextCallNumber: number;
  readonly nextProposal: number;
  readonly hostCalls: number;
  readonly messagesSent: number;
}

/** Whether the policy asks for a new checkpoint now. */
export function checkpointDue<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  policy: CheckpointPolicy,
): boolean {
  const sinceMs = sim.nowMs - (sim.checkpoint?.nowMs ?? 0);
  return sinceMs >= policy.afterMs || sim.inputs.size >= policy.afterInputs;
}

/**
 * Takes a checkpoint of the run as it stands between two instants, or null when the run is
 * not quiet (a call waits, or a machine's daemon waits on something that cannot be exported).
 * Exports are not host calls of the run: they are not counted and nothing is traced, so a run
 * that is checkpointed goes on exactly as one that is not. A host that fails to export leaves
 * the checkpoint for the next save; the run finds the failure at its next call.
 */
export async function takeCheckpoint<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
): Promise<CoordinatorCheckpoint<P, S, D> | null> {
  if (sim.calls.size > 0 || sim.units.nextActivationMs() !== Infinity) return null;
  const slots = sim.slots.list();
  let states: (MachineState<P, S, D> | null)[];
  try {
    states = await Promise.all(
      slots.map((slot) => Promise.resolve(slot.host?.exportState() ?? null)),
    );
  } catch {
    return null;
  }
  const machines: MachineCheckpoint<P, S, D>[] = [];
  for (const [i, slot] of slots.entries()) {
    const state = states[i] ?? null;
    if (slot.host !== undefined && state === null) return null;
    machines.push({
      status: slot.status,
      nextTickMs: Number.isFinite(slot.nextTickMs) ? slot.nextTickMs : null,
      placement: slot.placement,
      placementRefused: slot.placementRefused,
      failure: slot.failure,
      state,
      // A failed host's disk as it rests: sealed, without the keys only memory held.
      disk: state === null ? await restingSnapshot(slot.mirror.snapshot('crashed')) : null,
    });
  }
  return {
    nowMs: sim.nowMs,
    prngState: sim.prng.state,
    network: sim.network.snapshot(),
    names: sim.slots.names(),
    machines,
    units: sim.units.toData(),
    trace: sim.trace.resumePoint(),
    nextCallNumber: sim.calls.nextNumber,
    nextProposal: sim.nextProposal,
    hostCalls: sim.hostCalls,
    messagesSent: sim.messagesSent,
  };
}

/**
 * Puts a checkpoint's machines back into a coordinator state that was created from it (see
 * `createCoordinatorState`): each machine that had a host gets one built from its exported
 * state, which carries on where it was without a boot, as a machine moved between hosts does.
 */
export async function restoreMachines<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  checkpoint: CoordinatorCheckpoint<P, S, D>,
): Promise<void> {
  const slots = checkpoint.machines.map((machine): Slot<P, S, D> => {
    const disk = machine.state?.snapshot ?? machine.disk;
    if (disk === null) throw new Error('a checkpointed machine has neither state nor disk');
    return {
      spec: disk.spec,
      host: undefined,
      status: machine.status,
      nextTickMs: machine.nextTickMs ?? Infinity,
      mirror: new DurableMirror(disk),
      placement: machine.placement,
      placementRefused: machine.placementRefused,
      rehost: false,
      inbox: emptyInbox(),
      stepped: undefined,
      failure: machine.failure,
    };
  });
  for (const slot of slots) sim.slots.add(slot);
  // Built in parallel: each worker takes a while to start.
  await Promise.all(
    checkpoint.machines.map(async (machine, i) => {
      const slot = slots[i];
      if (slot === undefined || machine.state === null) return;
      slot.host = await sim.hostFactory({ kind: 'moved', state: machine.state }, slot.placement);
    }),
  );
}
