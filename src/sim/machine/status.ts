import type { MemoryStorage, RawNode } from '../../raft';
import type { SwarmStatusView } from '../../machine-api';
import type { DurableView, MachineStatusData, RaftView } from './types';

/**
 * A machine reports its status after every call, and most calls (an idle tick, a heartbeat)
 * change none of it. The machine keeps the status it last built and builds a new one only when a
 * field differs, so an idle instant allocates nothing here and an unchanged status keeps its
 * identity. Statuses are plain data and never mutated, so sharing one is safe.
 */

/** Whether `view` still describes the running core `node`, with `applied` applied. */
export function raftViewMatches<P, S>(
  view: RaftView | null,
  node: RawNode<P, S> | undefined,
  applied: number,
): boolean {
  if (view === null || node === undefined) return view === null && node === undefined;
  return (
    view.role === node.role &&
    view.term === node.term &&
    view.lead === node.lead &&
    view.commit === node.commitIndex &&
    view.lastIndex === node.lastIndex &&
    view.applied === applied &&
    view.voters === node.voters() &&
    view.transferee === node.leadTransferee
  );
}

export function raftViewOf<P, S>(
  node: RawNode<P, S> | undefined,
  applied: number,
): RaftView | null {
  if (node === undefined) return null;
  return {
    role: node.role,
    term: node.term,
    lead: node.lead,
    commit: node.commitIndex,
    lastIndex: node.lastIndex,
    applied,
    voters: node.voters(),
    transferee: node.leadTransferee,
  };
}

/** What the durable view reads of a log, open or sealed: both keep these readable. */
export type DurableLog = Pick<MemoryStorage<unknown, unknown>, 'hardState' | 'lastIndex'>;

/** Whether `view` still describes what `storage` holds on disk. */
export function durableViewMatches(
  view: DurableView | null,
  storage: DurableLog | undefined,
): boolean {
  if (view === null || storage === undefined) return view === null && storage === undefined;
  const { hardState } = storage;
  return (
    view.term === hardState.term &&
    view.vote === hardState.vote &&
    view.commit === hardState.commit &&
    view.lastIndex === storage.lastIndex()
  );
}

export function durableViewOf(storage: DurableLog | undefined): DurableView | null {
  if (storage === undefined) return null;
  const { hardState } = storage;
  return {
    term: hardState.term,
    vote: hardState.vote,
    commit: hardState.commit,
    lastIndex: storage.lastIndex(),
  };
}

/** The daemon builds its view afresh on each call; field by field it is usually the same. */
export function swarmViewMatches(
  previous: SwarmStatusView | null | undefined,
  next: SwarmStatusView | undefined,
): boolean {
  if (previous === undefined || previous === null || next === undefined) {
    return previous === next;
  }
  return (
    previous.localNodeState === next.localNodeState &&
    previous.nodeId === next.nodeId &&
    previous.role === next.role &&
    previous.controlAvailable === next.controlAvailable &&
    previous.nodes === next.nodes &&
    previous.tasks === next.tasks &&
    previous.pending === next.pending
  );
}

/** The status a machine reports, reusing `previous` when nothing in it changed. */
export function machineStatus<P, S>(
  previous: MachineStatusData | undefined,
  current: {
    readonly identity: Pick<MachineStatusData, 'hostname' | 'address' | 'nodeId'>;
    readonly role: MachineStatusData['role'];
    readonly daemon: MachineStatusData['daemon'];
    readonly node: RawNode<P, S> | undefined;
    readonly applied: number;
    readonly storage: DurableLog | undefined;
    readonly swarm: SwarmStatusView | undefined;
  },
): MachineStatusData {
  const { node, applied, storage, swarm } = current;
  if (
    previous !== undefined &&
    previous.role === current.role &&
    previous.daemon === current.daemon &&
    raftViewMatches(previous.raft, node, applied) &&
    durableViewMatches(previous.durable, storage) &&
    swarmViewMatches(previous.swarm, swarm)
  ) {
    return previous;
  }
  return {
    hostname: current.identity.hostname,
    address: current.identity.address,
    nodeId: current.identity.nodeId,
    role: current.role,
    daemon: current.daemon,
    raft: raftViewOf(node, applied),
    durable: durableViewOf(storage),
    ...(swarm === undefined ? {} : { swarm }),
  };
}
