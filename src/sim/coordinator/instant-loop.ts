import { assert } from '../../lib/assert';
import type { Answer } from '../machine';
import type { CoordinatorState } from './coordinator-state';
import { invoke, fail } from './host-calls';
import { isWire } from './packets';
import { placeByRole, rehostPending } from './placement';
import { absorb } from './routing';
import type { Slot } from './slots';
import { activateDue } from './systemd';
import { TICK_MS } from './types';
import type { DaemonData } from '../../machine-api';

/** Zero-latency links may make messages due at the same instant; Raft settles long before this. */
const SAME_INSTANT_ROUNDS_MAX = 100_000;

/**
 * How much work an advance may do before it stops early: a run that floods itself (a broken
 * core in a fault sweep) is stopped between two instants, as soon as it passes either count.
 */
export interface AdvanceLimits {
  readonly hostCalls: number;
  readonly messagesSent: number;
}

/**
 * Runs every instant due up to `endMs`, one after the other, then stands at `endMs`. Nothing
 * happens between due instants, so idle time costs nothing. With `limits`, it stops at the
 * first instant after which the coordinator's counts pass them, and stands there.
 */
export async function advanceTo<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  endMs: number,
  limits?: AdvanceLimits,
): Promise<void> {
  sim.inputs.record({ type: 'advance', toMs: endMs });
  let rounds = 0;
  for (;;) {
    const atMs = nextDueMs(sim);
    if (atMs > endMs) break;
    rounds = atMs === sim.nowMs ? rounds + 1 : 0;
    // The message is built only on failure: this runs at every instant.
    if (rounds >= SAME_INSTANT_ROUNDS_MAX) assert(false, `virtual time stuck at ${atMs} ms`);
    sim.nowMs = atMs;
    // Only a host that answers later (a worker) makes the loop wait; in-process hosts do not.
    const waiting = runInstant(sim);
    if (waiting !== undefined) await waiting;
    if (limits !== undefined && overLimits(sim, limits)) {
      // The advance ends here: the save must say so, or a replay would run on past it.
      sim.inputs.endAdvanceAt(sim.nowMs);
      return;
    }
  }
  sim.nowMs = endMs;
}

function overLimits<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  limits: AdvanceLimits,
): boolean {
  return sim.hostCalls > limits.hostCalls || sim.messagesSent > limits.messagesSent;
}

/** The earliest delivery, tick of a running machine, or socket activation. */
export function nextDueMs<P, S, D extends DaemonData>(sim: CoordinatorState<P, S, D>): number {
  let dueMs = sim.network.nextDeliveryMs() ?? Infinity;
  for (const slot of sim.slots.list()) dueMs = Math.min(dueMs, slot.nextTickMs);
  return Math.min(dueMs, sim.units.nextActivationMs());
}

/** Delivers what is due now, ticks who is due now, then routes what they sent. */
function runInstant<P, S, D extends DaemonData>(sim: CoordinatorState<P, S, D>): Answer<void> {
  const activating = activateDue(sim);
  if (activating === undefined) return stepMachines(sim);
  return activating.then(() => stepMachines(sim));
}

function stepMachines<P, S, D extends DaemonData>(sim: CoordinatorState<P, S, D>): Answer<void> {
  collectDeliveries(sim);
  // The list as it stands now: absorbing an output may retire a member, which replaces the
  // list, and every machine stepped here has its output absorbed all the same.
  const slots = sim.slots.list();
  let waiting = false;
  for (const slot of slots) {
    const inbox = slot.inbox;
    const { messages, wires } = inbox;
    const delivered = messages.length > 0 || wires.length > 0;
    const tick = slot.nextTickMs <= sim.nowMs;
    if (tick) slot.nextTickMs += TICK_MS;
    if (!delivered && !tick) continue;
    // The host takes the arrays it was given; only those are replaced (wires are rare).
    if (messages.length > 0) inbox.messages = [];
    if (wires.length > 0) inbox.wires = [];
    const input =
      wires.length === 0
        ? { nowMs: sim.nowMs, messages, tick }
        : { nowMs: sim.nowMs, messages, tick, wires };
    const answer = invoke(sim, slot, 'step', (host) => host.step(input));
    if (answer instanceof Promise) waiting = true;
    slot.stepped = answer;
  }
  // In parallel: hosts that are Web Workers step at the same time.
  if (!waiting) return routeAndPlace(sim, slots);
  return Promise.all(slots.map(settleStep)).then(() => routeAndPlace(sim, slots));
}

/** Waits for a host that answers later, and keeps its settled answer on the slot. */
async function settleStep<P, S, D extends DaemonData>(slot: Slot<P, S, D>): Promise<void> {
  if (slot.stepped instanceof Promise) slot.stepped = await slot.stepped;
}

/**
 * Takes the outputs in node-id order, whichever host answered first, then moves machines whose
 * role asks for another host.
 */
function routeAndPlace<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  slots: readonly Slot<P, S, D>[],
): Answer<void> {
  for (const slot of slots) {
    const result = slot.stepped;
    if (result === undefined) continue;
    slot.stepped = undefined;
    assert(!(result instanceof Promise), 'results are settled before they are routed');
    if (result.ok) absorb(sim, slot, result.value);
    else fail(sim, slot, 'step', result.error);
  }
  const placing = placeByRole(sim);
  if (placing === undefined) return rehostPending(sim);
  return placing.then(() => rehostPending(sim));
}

/**
 * Takes every message due now from the fabric, in the fabric's fixed order, into its receiver's
 * inbox; drops (and traces) what a partition cut in flight or what a machine that is down cannot
 * receive.
 */
function collectDeliveries<P, S, D extends DaemonData>(sim: CoordinatorState<P, S, D>): void {
  for (;;) {
    const outcome = sim.network.deliverNext(sim.nowMs);
    if (outcome === undefined) return;
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
    const packet = envelope.message;
    if (isWire(packet)) target.inbox.wires.push(packet.wire);
    else target.inbox.messages.push(packet);
  }
}
