import type { ManagerStatus, Node, Reachability } from '../../api/swarm';
import type { NodeRecord, StoreState } from '../store';
import { memberByRaftId } from '../store';
import { isPeerActive, type TransportActivity } from './transport';

/**
 * The Raft member list as one manager sees it (swarmkit raft.go `GetMemberlist`): every voter
 * with its node ID and address, whether it is the leader this manager knows of, and whether
 * this manager's transport reaches it. A manager always counts itself as reachable.
 */
export interface RaftMemberStatus {
  readonly raftId: number;
  readonly nodeId: string;
  readonly addr: string;
  readonly leader: boolean;
  readonly reachability: Exclude<Reachability, 'unknown'>;
}

export interface MemberListInput {
  /** Raft's current voters (the configuration applied so far). */
  readonly voters: readonly number[];
  /** The leader this manager knows of, or 0 (`NO_NODE`). */
  readonly leaderRaftId: number;
  readonly selfRaftId: number;
  readonly activity: TransportActivity;
}

export function memberList(store: StoreState, input: MemberListInput): RaftMemberStatus[] {
  return [...input.voters]
    .sort((a, b) => a - b)
    .flatMap((raftId) => {
      const record = memberByRaftId(store, raftId);
      if (record === undefined) return [];
      const reachable = raftId === input.selfRaftId || isPeerActive(input.activity, raftId);
      return [
        {
          raftId,
          nodeId: record.nodeId,
          addr: record.addr,
          leader: raftId === input.leaderRaftId,
          reachability: reachable ? 'reachable' : 'unreachable',
        },
      ];
    });
}

export function memberForNode(
  members: readonly RaftMemberStatus[],
  nodeId: string,
): RaftMemberStatus | undefined {
  return members.find((member) => member.nodeId === nodeId);
}

/**
 * Whether removing member `raftId` keeps a quorum (raft.go `CanRemoveMember`): the members left
 * that this manager reaches, itself included, must be at least ⌊(N−1)/2⌋+1, where N counts the
 * member being removed.
 */
export function canRemoveMember(
  members: readonly RaftMemberStatus[],
  selfRaftId: number,
  raftId: number,
): boolean {
  const reachableAfter = members.filter(
    (member) =>
      member.raftId !== raftId &&
      (member.raftId === selfRaftId || member.reachability === 'reachable'),
  ).length;
  const quorumAfter = Math.floor((members.length - 1) / 2) + 1;
  return reachableAfter >= quorumAfter;
}

/** `ManagerStatus` of a node as swarmkit fills it in on read; `Leader` only on the leader. */
export function managerStatus(member: RaftMemberStatus): ManagerStatus {
  return member.leader
    ? { Leader: true, Reachability: member.reachability, Addr: member.addr }
    : { Reachability: member.reachability, Addr: member.addr };
}

/** The API node as `GET /nodes` returns it: the stored node plus its ManagerStatus if a member. */
export function nodeWithManagerStatus(
  record: NodeRecord,
  members: readonly RaftMemberStatus[],
): Node {
  const member = memberForNode(members, record.node.ID);
  return member === undefined
    ? record.node
    : { ...record.node, ManagerStatus: managerStatus(member) };
}
