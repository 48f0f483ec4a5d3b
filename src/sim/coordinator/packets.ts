import type { Message, NodeId } from '../../raft';
import type { DaemonWire } from '../../machine-api';

/**
 * Daemon-to-daemon traffic travels the fabric beside Raft's messages, shaped like one (type,
 * from, to, term) so that the trace and the graph treat both alike.
 */
export interface WirePacket {
  readonly type: 'DaemonRpc';
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: 0;
  readonly wire: DaemonWire;
}

/** What the fabric carries between machines. */
export type Packet<P, S> = Message<P, S> | WirePacket;

export function isWire<P, S>(packet: Packet<P, S>): packet is WirePacket {
  return packet.type === 'DaemonRpc';
}
