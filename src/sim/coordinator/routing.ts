import type { MachineOutput } from '../machine';
import type { DaemonWire } from '../../machine-api';
import type { CoordinatorState } from './coordinator-state';
import type { Packet } from './packets';
import type { Slot } from './slots';
import type { RunObserver } from './observer';
import { retireMember } from './retire';
import { TICK_MS } from './types';
import type { DaemonData } from '../../machine-api';
import type { TraceEvent } from '../trace';

/**
 * Takes one host's output: its status, its disk writes, its events, then its messages into the
 * fabric, and the answers to calls. The loop absorbs outputs in node-id order whichever host
 * answered first, so the fabric sees the same sends in the same order on every host.
 */
export function absorb<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  slot: Slot<P, S, D>,
  output: MachineOutput<P, S, D>,
): void {
  const wasRunning = slot.status.daemon === 'running';
  slot.status = output.status;
  // Indexed loops here and below: this runs for every output of every instant, and its for-of
  // loops were a tenth of what a fault sweep allocated (an iterator result per element).
  if (sim.observer === undefined) {
    if (output.durable !== undefined) slot.mirror.apply(output.durable);
    const { events } = output;
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      if (event !== undefined) sim.trace.emit(event);
    }
  } else {
    takeInObserved(sim, sim.observer, slot, output);
  }
  const running = output.status.daemon === 'running';
  // Daemons do not start in the same millisecond: each gets its own tick phase.
  if (running && !wasRunning)
    slot.nextTickMs = sim.nowMs + 1 + sim.prng.intInclusive(0, TICK_MS - 1);
  if (!running) slot.nextTickMs = Infinity;
  if (sim.stateMachine.daemon === undefined) retireRemoved(sim, output);
  const { messages, wires = NONE, answers = NONE } = output;
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i];
    if (message !== undefined) send(sim, message);
  }
  for (let i = 0; i < wires.length; i++) {
    const wire = wires[i];
    if (wire !== undefined) sendWire(sim, slot, wire);
  }
  for (let i = 0; i < answers.length; i++) {
    const answer = answers[i];
    if (answer !== undefined) sim.calls.answer(answer.callId, answer.response);
  }
}

/** What an output without wires or answers has of them. */
const NONE: readonly never[] = Object.freeze([]);

/**
 * The output's disk writes and events in the order the machine made them, each shown to the
 * observer with the mirrored log as it stood then. The mirror and the trace end exactly as
 * without an observer.
 */
function takeInObserved<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  observer: RunObserver<P, S, D>,
  slot: Slot<P, S, D>,
  output: MachineOutput<P, S, D>,
): void {
  const member = slot.spec.nodeId;
  const { events } = output;
  const durable = output.durable ?? NONE;
  const marks = output.durableAfterEvents ?? NONE;
  const mirror = slot.mirror;
  // Plain loops, no closure: this runs for every output of every instant of a sweep.
  let emitted = 0;
  for (let i = 0; i < durable.length; i++) {
    const change = durable[i];
    if (change === undefined) continue;
    const mark = marks[i] ?? 0;
    for (; emitted < mark && emitted < events.length; emitted++) {
      takeInEvent(sim, observer, mirror, events[emitted]);
    }
    // The events of the Ready this write belongs to come right after its last write.
    let end = i + 1;
    while (end < marks.length && (marks[end] ?? 0) <= mark) end++;
    const following = events.slice(mark, marks[end] ?? events.length);
    observer.durable({ nowMs: sim.nowMs, member, change, log: mirror.log, following });
    mirror.applyOne(change);
  }
  for (; emitted < events.length; emitted++) takeInEvent(sim, observer, mirror, events[emitted]);
}

function takeInEvent<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  observer: RunObserver<P, S, D>,
  mirror: Slot<P, S, D>['mirror'],
  event: TraceEvent | undefined,
): void {
  if (event === undefined) return;
  sim.trace.emit(event);
  observer.event(event, mirror.log);
}

/**
 * A bare Raft machine has no daemon to act on its own removal, so the coordinator stands in for
 * swarmkit's transport: once the leader (or the member itself) applies a member's removal, the
 * member is gone, and nothing it sends is delivered. With daemon logic, the swarm layer does this.
 */
function retireRemoved<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  output: MachineOutput<P, S, D>,
): void {
  const applier = output.status.nodeId;
  const leads = output.status.raft?.role === 'leader';
  const { events } = output;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (event?.type !== 'membership-applied' || event.change.kind !== 'remove-voter') continue;
    const removed = event.change.nodeId;
    if ((leads || removed === applier) && sim.slots.has(removed)) retireMember(sim, removed);
  }
}

/** Daemon traffic is addressed by IP; an address no machine has goes nowhere. */
function sendWire<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  slot: Slot<P, S, D>,
  wire: DaemonWire,
): void {
  const to = sim.slots.nodeAt(wire.to);
  if (to === undefined) return;
  send(sim, { type: 'DaemonRpc', from: slot.spec.nodeId, to, term: 0, wire });
}

/** Into the seeded fabric, which may drop it at once (loss, or a partition between the ends). */
function send<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  message: Packet<P, S>,
): void {
  const nowMs = sim.nowMs;
  sim.messagesSent++;
  const outcome = sim.network.send(message.from, message.to, message, nowMs);
  if (outcome.kind === 'dropped') {
    const envelope = {
      from: message.from,
      to: message.to,
      message,
      sentAtMs: nowMs,
      deliverAtMs: nowMs,
      sequence: -1,
    };
    sim.trace.dropped(envelope, outcome.reason, nowMs);
  } else {
    sim.trace.sent(message, nowMs);
  }
}
