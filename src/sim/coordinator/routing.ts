import type { MachineOutput } from '../machine';
import type { DaemonWire } from '../../machine-api';
import type { CoordinatorState } from './coordinator-state';
import type { Packet } from './packets';
import type { Slot } from './slots';
import { TICK_MS } from './types';
import type { DaemonData } from '../../machine-api';

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
  if (output.durable !== undefined) slot.mirror.apply(output.durable);
  const running = output.status.daemon === 'running';
  // Daemons do not start in the same millisecond: each gets its own tick phase.
  if (running && !wasRunning)
    slot.nextTickMs = sim.nowMs + 1 + sim.prng.intInclusive(0, TICK_MS - 1);
  if (!running) slot.nextTickMs = Infinity;
  for (const event of output.events) sim.trace.emit(event);
  for (const message of output.messages) send(sim, message);
  for (const wire of output.wires ?? []) sendWire(sim, slot, wire);
  for (const answer of output.answers ?? []) sim.calls.answer(answer.callId, answer.response);
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
