import { placementFor, type Answer, type MachineHost } from '../machine';
import type { CoordinatorState } from './coordinator-state';
import type { HostCall } from './inputs';
import { absorb } from './routing';
import type { Slot } from './slots';
import type { DaemonData } from '../../machine-api';

export type Settled<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/**
 * Every call to a host goes through here, so that each is counted, a failure recorded in the
 * save is injected at the same call of a replay, and a host that throws or dies becomes a value
 * the caller turns into a crashed machine (`fail`). A host that answers at once gets its result
 * back at once; only a host's promise makes this one.
 */
export function invoke<P, S, D extends DaemonData, T>(
  sim: CoordinatorState<P, S, D>,
  slot: Slot<P, S, D>,
  call: HostCall,
  work: (host: MachineHost<P, S, D>) => Answer<T>,
): Answer<Settled<T>> {
  sim.hostCalls++;
  const host = slot.host;
  if (host === undefined) return { ok: false, error: new Error('the machine has no host') };
  if (sim.injections.take(sim.nowMs, slot.spec.hostname, call)) {
    return { ok: false, error: new Error('host failure replayed from the save') };
  }
  let answer: Answer<T>;
  try {
    answer = work(host);
  } catch (error: unknown) {
    return { ok: false, error };
  }
  if (!(answer instanceof Promise)) return { ok: true, value: answer };
  return answer.then(
    (value): Settled<T> => ({ ok: true, value }),
    (error: unknown): Settled<T> => ({ ok: false, error }),
  );
}

/**
 * A host that threw or died: the machine shows as crashed and can be started again, from the
 * disk its host last reported (the mirror). The host is not asked: a dead worker cannot answer,
 * and a replay must rebuild the same disk whichever way the host failed.
 */
export function fail<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  slot: Slot<P, S, D>,
  call: HostCall,
  error: unknown,
): void {
  const hostname = slot.spec.hostname;
  sim.inputs.record({ type: 'host-failed', atMs: sim.nowMs, hostname, call });
  slot.host?.dispose();
  slot.host = undefined;
  slot.failure = error instanceof Error ? error.message : String(error);
  slot.status = { ...slot.status, daemon: 'crashed', raft: null };
  slot.nextTickMs = Infinity;
  sim.trace.emit({ type: 'member-crashed', timeMs: sim.nowMs, member: slot.spec.nodeId });
}

/** Starts or stops the daemon; false when the host failed (the machine is then crashed). */
export async function setDaemon<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  slot: Slot<P, S, D>,
  daemon: 'running' | 'stopped',
): Promise<boolean> {
  const input = { nowMs: sim.nowMs, daemon };
  const result = await invoke(sim, slot, 'set-daemon', (host) => host.setDaemon(input));
  if (!result.ok) {
    fail(sim, slot, 'set-daemon', result.error);
    return false;
  }
  absorb(sim, slot, result.value);
  return true;
}

/** A fresh host for a crashed machine, built from its mirrored disk where its role asks. */
export async function rebuildHost<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  slot: Slot<P, S, D>,
): Promise<boolean> {
  const placement = placementFor(slot.mirror.role);
  try {
    const snapshot = slot.mirror.snapshot('crashed');
    slot.host = await sim.hostFactory({ kind: 'disk', snapshot }, placement);
  } catch (error: unknown) {
    slot.failure = error instanceof Error ? error.message : String(error);
    return false;
  }
  slot.placement = placement;
  slot.placementRefused = null;
  return true;
}
