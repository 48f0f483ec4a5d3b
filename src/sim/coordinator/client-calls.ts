import type { DaemonRequest, DaemonResponse } from '../../api/operations';
import type { ProposeOutput, RaftAdminAction } from '../machine';
import type { CoordinatorState } from './coordinator-state';
import { fail, invoke } from './host-calls';
import { absorb } from './routing';
import { isRunning } from './slots';
import { activates } from './systemd';
import type { ProposeResult } from './types';
import type { DaemonData } from '../../machine-api';

/** A client write on `hostname`; only a leader accepts it. */
export async function propose<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  hostname: string,
  payload: P,
): Promise<ProposeResult> {
  const slot = sim.slots.require(hostname);
  if (slot.status.daemon !== 'running') {
    return { accepted: false, index: 0, term: 0, reason: 'daemon-not-running', leader: null };
  }
  sim.inputs.record({ type: 'propose', atMs: sim.nowMs, hostname, payload });
  const input = { nowMs: sim.nowMs, proposalId: `p${sim.nextProposal++}`, payload };
  const result = await invoke(sim, slot, 'propose', (host) => host.propose(input));
  if (!result.ok) {
    fail(sim, slot, 'propose', result.error);
    return { accepted: false, index: 0, term: 0, reason: 'host-failed', leader: null };
  }
  absorb(sim, slot, result.value);
  return proposeResult(sim, result.value);
}

/** A membership change or leadership transfer asked of `hostname`'s Raft member. */
export async function raftAdmin<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  hostname: string,
  action: RaftAdminAction,
): Promise<ProposeResult> {
  const slot = sim.slots.require(hostname);
  if (slot.status.daemon !== 'running') {
    return { accepted: false, index: 0, term: 0, reason: 'daemon-not-running', leader: null };
  }
  sim.inputs.record({ type: 'raft-admin', atMs: sim.nowMs, hostname, action });
  const input = { nowMs: sim.nowMs, action };
  const result = await invoke(sim, slot, 'raft-admin', (host) => host.raftAdmin(input));
  if (!result.ok) {
    fail(sim, slot, 'raft-admin', result.error);
    return { accepted: false, index: 0, term: 0, reason: 'host-failed', leader: null };
  }
  absorb(sim, slot, result.value);
  return proposeResult(sim, result.value);
}

function proposeResult<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  output: ProposeOutput<P, S, D>,
): ProposeResult {
  const raft = output.status.raft;
  return {
    accepted: output.accepted,
    index: output.index,
    term: raft?.term ?? 0,
    reason: output.reason,
    leader: sim.slots.name(raft?.lead ?? 0),
  };
}

/**
 * An Engine API call on `hostname`'s daemon. The answer comes with the output of a later host
 * call (`absorb` resolves it), or at once when nothing listens: the connection error.
 */
export async function call<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  hostname: string,
  request: DaemonRequest,
): Promise<{ callId: string; response: Promise<DaemonResponse> }> {
  const slot = sim.slots.require(hostname);
  const callId = sim.calls.nextId();
  sim.inputs.record({ type: 'call', atMs: sim.nowMs, hostname, callId, request });
  const response = sim.calls.wait(callId);
  // Socket activation (semantics §13): a call through a listening socket starts the service,
  // and waits for it.
  if (activates(sim, slot)) {
    sim.units.queueActivation(slot.spec.nodeId, sim.nowMs, { callId, request });
    return { callId, response };
  }
  if (!isRunning(slot)) {
    sim.calls.forget(callId);
    return { callId, response: Promise.resolve({ status: 'connection' }) };
  }
  const input = { nowMs: sim.nowMs, callId, request };
  const result = await invoke(sim, slot, 'call', (host) => host.call(input));
  if (!result.ok) {
    fail(sim, slot, 'call', result.error);
    sim.calls.forget(callId);
    return { callId, response: Promise.resolve({ status: 'connection' }) };
  }
  absorb(sim, slot, result.value);
  return { callId, response };
}

/** Ctrl+C: the caller stops waiting; the answer, if it comes, is dropped. */
export function cancelCall<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  callId: string,
): void {
  if (!sim.calls.has(callId)) return;
  sim.inputs.record({ type: 'cancel-call', atMs: sim.nowMs, callId });
  sim.calls.answer(callId, { status: 'cancelled' });
}
