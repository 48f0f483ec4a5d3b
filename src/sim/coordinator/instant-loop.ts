import { assert } from '../../lib/assert';
import type { Message, NodeId } from '../../raft';
import type { MachineOutput } from '../machine';
import type { DaemonWire } from '../../machine-api';
import type { CoordinatorState } from './coordinator-state';
import { invoke, fail, type Settled } from './host-calls';
import { isWire, type Packet } from './packets';
import { placeByRole, rehostPending } from './placement';
import { absorb } from './routing';
import type { Slot } from './slots';
import { activateDue } from './systemd';
import { TICK_MS } from './types';
import type { DaemonData } from '../../machine-api';

/** Zero-latency links may make messages due at the same instant; Raft settles long before this. */
const SAME_INSTANT_ROUNDS_MAX = 100_000;

/**
 * Runs every instant due up to `endMs`, one after the other, then stands at `endMs`. Nothing
 * happens between due instants, so idle time costs nothing.
 */
export async function advanceTo<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  endMs: number,
): Promise<void> {
  sim.inputs.record({ type: 'advance', toMs: endMs });
  let rounds = 0;
  for (;;) {
    const atMs = nextDueMs(sim);
    if (atMs > endMs) break;
    rounds = atMs === sim.nowMs ? rounds + 1 : 0;
    assert(rounds < SAME_INSTANT_ROUNDS_MAX, `virtual time stuck at ${atMs} ms`);
    sim.nowMs = atMs;
    await runInstant(sim);
  }
  sim.nowMs = endMs;
}

/** The earliest delivery, tick of a running machine, or socket activation. */
function nextDueMs<P, S, D extends DaemonData>(sim: CoordinatorState<P, S, D>): number {
  let dueMs = sim.network.nextDeliveryMs() ?? Infinity;
  for (const slot of sim.slots.values()) dueMs = Math.min(dueMs, slot.nextTickMs);
  return Math.min(dueMs, sim.units.nextActivationMs());
}

/** Delivers what is due now, ticks who is due now, then routes what they sent. */
async function runInstant<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
): Promise<void> {
  await activateDue(sim);
  const batches = collectDeliveries(sim);
  const calls: { slot: Slot<P, S, D>; result: Promise<Settled<MachineOutput<P, S, D>>> }[] = [];
  for (const slot of sim.slots.values()) {
    const packets = batches.get(slot.spec.nodeId) ?? [];
    const tick = slot.nextTickMs <= sim.nowMs;
    if (tick) slot.nextTickMs += TICK_MS;
    if (packets.length === 0 && !tick) continue;
    const messages: Message<P, S>[] = [];
    const wires: DaemonWire[] = [];
    for (const packet of packets) {
      if (isWire(packet)) wires.push(packet.wire);
      else messages.push(packet);
    }
    const input =
      wires.length === 0
        ? { nowMs: sim.nowMs, messages, tick }
        : { nowMs: sim.nowMs, messages, tick, wires };
    calls.push({ slot, result: invoke(sim, slot, 'step', (host) => host.step(input)) });
  }
  // In parallel: hosts that are Web Workers step at the same time.
  const results = await Promise.all(calls.map((call) => call.result));
  for (const [i, call] of calls.entries()) {
    const result = results[i];
    assert(result !== undefined, 'one result per call');
    if (result.ok) absorb(sim, call.slot, result.value);
    else fail(sim, call.slot, 'step', result.error);
  }
  await placeByRole(sim);
  await rehostPending(sim);
}

/**
 * Takes every message due now from the fabric, in the fabric's fixed order, batched by
 * receiver; drops (and traces) what a partition cut in flight or what a machine that is down
 * cannot receive.
 */
function collectDeliveries<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
): Map<NodeId, Packet<P, S>[]> {
  const batches = new Map<NodeId, Packet<P, S>[]>();
  for (;;) {
    const outcome = sim.network.deliverNext(sim.nowMs);
    if (outcome === undefined) return batches;
    const envelope = outcome.envelope;
    if (outcome.kind === 'dropped') {
      sim.trace.dropped(envelope, 'partition', sim.nowMs);
      continue;
    }
    const target = sim.slots.get(envelope.to);
    // A stopped daemon receives nothing; swarmkit refuses messages from removed members.
    if (target?.status.daemon !== 'running' || !sim.slots.has(envelope.from)) {
      sim.trace.dropped(envelope, 'member-down', sim.nowMs);
      continue;
    }
    sim.trace.delivered(envelope, sim.nowMs);
    const batch = batches.get(envelope.to);
    if (batch === undefined) batches.set(envelope.to, [envelope.message]);
    else batch.push(envelope.message);
  }
}
