import type { NodeAvailability, NodeDescription, NodeRole } from '../api/swarm';
import type { ControlRequest, DaemonResponse } from '../api/operations';

/**
 * What daemons say to each other over the lab network, besides Raft: swarmkit's gRPC calls
 * (CA join, the Raft proxy for control-API calls, dispatcher sessions). Addressed by IP, as a
 * real connection to `ip:2377` is; the coordinator maps addresses to machines and carries these
 * through the same fabric as Raft messages, so latency and partitions apply to them too.
 */
export interface DaemonWire {
  readonly from: string;
  readonly to: string;
  readonly body: WireBody;
}

export type WireBody =
  /** A follower forwards a control-API call to the leader (swarmkit's raft proxy). */
  | { readonly type: 'proxy-call'; readonly reqId: string; readonly request: ControlRequest }
  | { readonly type: 'proxy-reply'; readonly reqId: string; readonly response: DaemonResponse }
  /** `docker swarm join`: the CA checks the token and creates the node. */
  | {
      readonly type: 'join';
      readonly reqId: string;
      readonly token: string;
      readonly availability: NodeAvailability | '';
      /** The joiner's machine id: its Raft ID if it joins as a manager. */
      readonly machineId: number;
      readonly advertiseAddr: string;
    }
  | {
      readonly type: 'join-reply';
      readonly reqId: string;
      readonly response: DaemonResponse;
      readonly nodeId: string;
      readonly role: NodeRole;
      readonly managers: readonly string[];
    }
  /** An agent's dispatcher session: register (no session yet) or heartbeat. */
  | {
      readonly type: 'heartbeat';
      readonly reqId: string;
      readonly nodeId: string;
      readonly sessionId: string;
      readonly description: NodeDescription;
      readonly addr: string;
      /** The agent's machine id: the Raft ID it takes once promoted. */
      readonly machineId: number;
      /**
       * Whether this machine's Raft storage holds a log. A manager the store no longer names
       * (removed while it was away) still holds its old one, and must wipe it before the
       * leader adds it again.
       */
      readonly holdsRaftLog: boolean;
    }
  | {
      readonly type: 'heartbeat-reply';
      readonly reqId: string;
      readonly ok: boolean;
      readonly sessionId: string;
      readonly periodMs: number;
      readonly managers: readonly string[];
      /** The node's role as the store has it, so a promoted or demoted node follows. */
      readonly role: NodeRole | null;
      /** The cluster's unlock key, so a manager keeps its key material in step. */
      readonly unlockKey: string | null;
      /** Whether the store names a Raft member for this node. */
      readonly member: boolean;
    };

export function wireRpcName(body: WireBody): string {
  return body.type;
}
