import type { LinkOptions } from '../network';
import type { CoordinatorState } from './coordinator-state';
import type { DaemonData } from '../../machine-api';

/** Members in different groups cannot reach each other; machines in no group keep all links. */
export function partition<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  groups: readonly (readonly string[])[],
): void {
  const ids = groups.map((group) =>
    group.map((hostname) => sim.slots.require(hostname).spec.nodeId),
  );
  sim.inputs.record({
    type: 'partition',
    atMs: sim.nowMs,
    groups: groups.map((group) => [...group]),
  });
  sim.network.partition(ids);
  sim.trace.emit({ type: 'network-partitioned', timeMs: sim.nowMs, member: 0, groups: ids });
}

/** One direction only: `from` can no longer reach `to`, while `to` still reaches `from`. */
export function blockLink<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  from: string,
  to: string,
): void {
  const fromId = sim.slots.require(from).spec.nodeId;
  const toId = sim.slots.require(to).spec.nodeId;
  sim.inputs.record({ type: 'block-link', atMs: sim.nowMs, from, to });
  sim.network.blockLink(fromId, toId);
  sim.trace.emit({ type: 'link-blocked', timeMs: sim.nowMs, member: fromId, to: toId });
}

/** The weather of every link from now on: latency, loss, duplication and delay spikes. */
export function setLinkWeather<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  link: LinkOptions,
): void {
  sim.inputs.record({ type: 'link-weather', atMs: sim.nowMs, link });
  sim.network.setDefaultLink(link);
}

/** Whether a message sent from `from` to `to` now would get through (no partition or block). */
export function reaches<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  from: string,
  to: string,
): boolean {
  const fromId = sim.slots.require(from).spec.nodeId;
  const toId = sim.slots.require(to).spec.nodeId;
  return !sim.network.isBlocked(fromId, toId);
}

export function heal<P, S, D extends DaemonData>(sim: CoordinatorState<P, S, D>): void {
  sim.inputs.record({ type: 'heal', atMs: sim.nowMs });
  sim.network.heal();
  sim.trace.emit({ type: 'network-healed', timeMs: sim.nowMs, member: 0 });
}
