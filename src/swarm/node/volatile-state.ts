import type { SwarmDaemonState } from './daemon-state';
import { sortedEntries } from '../record-utils';
import type { SwarmDaemonVolatile } from './volatile';

/**
 * Moving a running daemon to another host: its state in memory, but the disk, as plain data
 * (`SwarmDaemonVolatile`), and back.
 */

/**
 * Everything in memory but the disk, as plain data; null while a continuation is pending (a
 * call forwarded for a local caller, a proposal or conf change awaited, a call waiting for a
 * leader), since a closure cannot move: the caller tries again at a later instant. Relayed
 * requests and the agent's heartbeat are data and move along. The data shares no mutable
 * object with the daemon, so later steps do not change an export already taken.
 */
export function exportVolatile(daemon: SwarmDaemonState): SwarmDaemonVolatile | null {
  if (hasContinuations(daemon)) return null;
  const leader = daemon.leader;
  return {
    locked: daemon.locked,
    nextReq: daemon.requests.nextReq,
    ticksNoLeader: daemon.ticksNoLeader,
    // The dispatcher state, the transport activity and the node views are replaced, never
    // mutated, so they are shared; the leader and agent records are mutated in place: copied.
    leader:
      leader === null
        ? null
        : {
            dispatcher: leader.dispatcher,
            nextReconcileMs: leader.nextReconcileMs,
            busy: sortedEntries(leader.busy),
            orchestrator: leader.orchestrator,
            assignmentsSent: sortedEntries(leader.assignmentsSent),
          },
    agent: daemon.agent.exportAgent(),
    agentStarts: daemon.agent.starts,
    // Insertion order, not sorted: expired relays are answered in this order.
    forwards: daemon.requests.exportForwards(),
    activity: daemon.peers.activity,
    lastHeard: daemon.peers.exportLastHeard(),
    initPending: daemon.initPending,
    removalSeen: daemon.removalSeen,
    nodeViews: daemon.nodeViews.views,
    pendingViews: daemon.pendingViews.views,
    reachability: daemon.nodeViews.exportReachability(),
    worker: daemon.worker.state,
    reportInFlight: daemon.reportInFlight,
  };
}

/**
 * The deferred work is drained by `settled()`, which the machine runs after every Ready loop,
 * the only place entries apply; it is checked anyway, so that an export taken mid-call can never
 * drop work.
 */
function hasContinuations(daemon: SwarmDaemonState): boolean {
  return (
    daemon.requests.hasContinuations() ||
    !daemon.continuations.isEmpty() ||
    (daemon.leader?.statusQueue.length ?? 0) > 0
  );
}

/** Puts `volatile`, an export, into `daemon`, a daemon just built beside the same disk. */
export function loadVolatile(daemon: SwarmDaemonState, volatile: SwarmDaemonVolatile): void {
  const leader = volatile.leader;
  daemon.locked = volatile.locked;
  daemon.ticksNoLeader = volatile.ticksNoLeader;
  // Fresh records and Maps: the daemon mutates them, and the caller may still hold `volatile`.
  daemon.leader =
    leader === null
      ? null
      : {
          dispatcher: leader.dispatcher,
          nextReconcileMs: leader.nextReconcileMs,
          busy: new Map(leader.busy),
          orchestrator: leader.orchestrator,
          // Nothing is in flight in an export: a proposal waiting is a continuation.
          inFlight: new Set(),
          statusQueue: [],
          quietIndex: -1,
          assignmentsSent: new Map(leader.assignmentsSent),
        };
  daemon.agent.load(volatile.agent, volatile.agentStarts);
  // In the exported order, which is the order they were sent in: see `exportVolatile()`.
  daemon.requests.load(volatile.nextReq, volatile.forwards);
  daemon.peers.load(volatile.activity, volatile.lastHeard);
  daemon.worker.load(volatile.worker);
  daemon.reportInFlight = volatile.reportInFlight;
  daemon.initPending = volatile.initPending;
  daemon.removalSeen = volatile.removalSeen;
  daemon.nodeViews.load(volatile.nodeViews, volatile.reachability);
  daemon.pendingViews.load(volatile.pendingViews);
}
