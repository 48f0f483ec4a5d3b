import type { NodeDescription } from '../../api/swarm';
import { errorResponse, type DaemonFailure, type DaemonResponse } from '../../api/operations';
import type { MachineControl, SwarmChange, WireBody } from '../../machine-api';
import type { LeaderContext } from '../controlapi';
import type { SwarmError } from '../errors';
import { memberList, type RaftMemberStatus, type TransportActivity } from '../raftmembers';
import { allMembers, type StoreProposal, type StoreState } from '../store';

/**
 * The machine as every part of the swarm daemon sees it (machine-api `MachineControl`, over the
 * swarm store), and the small reads of it they all share: addresses, the store context the
 * control API takes, the Raft member list, the node's description, the trace.
 */
export type Control = MachineControl<StoreProposal, StoreState>;
/** Where an answer from another daemon (or the leader's own handler) goes. */
export type Reply = (control: Control, body: WireBody) => void;
/** Work for later in the same instant, run with the control of that later moment. */
export type Deferred = (control: Control) => void;

export const SWARM_PORT = 2377;

export function failure(error: SwarmError | DaemonFailure): DaemonResponse {
  return errorResponse(error);
}

export function stripPort(address: string): string {
  const colon = address.lastIndexOf(':');
  return colon < 0 ? address : address.slice(0, colon);
}

export function withPort(address: string): string {
  return address.includes(':') ? address : `${address}:${SWARM_PORT}`;
}

/** Unix milliseconds now, for the timestamps the swarm stores. */
export function epochNow(control: Control): number {
  return control.epochMs + control.nowMs;
}

export function storeContext(control: Control): {
  store: StoreState;
  nowMs: number;
  prng: Control['prng'];
} {
  return { store: control.appState, nowMs: epochNow(control), prng: control.prng };
}

/** The Raft members with their reachability as this member's transport (`activity`) sees them. */
export function raftMembers(control: Control, activity: TransportActivity): RaftMemberStatus[] {
  const raft = control.raft();
  if (raft === undefined) return [];
  return memberList(control.appState, {
    voters: raft.status().voters,
    leaderRaftId: raft.lead,
    selfRaftId: control.machineId,
    activity,
  });
}

export function leaderContext(control: Control, activity: TransportActivity): LeaderContext {
  return {
    ...storeContext(control),
    members: raftMembers(control, activity),
    selfRaftId: control.machineId,
  };
}

export function managerAddrs(control: Control): string[] {
  return allMembers(control.appState).map((member) => member.addr);
}

export function nodeDescription(control: Control): NodeDescription {
  return {
    Hostname: control.hostname,
    Platform: { Architecture: 'x86_64', OS: 'linux' },
    Resources: { NanoCPUs: 2_000_000_000, MemoryBytes: 4 * 1024 ** 3 - 180 * 1024 ** 2 },
    Engine: { EngineVersion: '27.5.1', Plugins: [] },
  };
}

export function tell(control: Control, change: SwarmChange, index?: number): void {
  control.emit({
    type: 'swarm-changed',
    timeMs: control.nowMs,
    member: control.machineId,
    change,
    ...(index === undefined ? {} : { index }),
  });
}
