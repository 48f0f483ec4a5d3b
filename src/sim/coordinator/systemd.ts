import type { CoordinatorState } from './coordinator-state';
import { fail, invoke, rebuildHost, setDaemon } from './host-calls';
import { absorb } from './routing';
import { isRunning, type Slot } from './slots';
import type { SystemdAction, SystemdUnit } from './types';
import type { DaemonData } from '../../machine-api';

/**
 * docker.service and docker.socket as systemd runs them (semantics §13): `systemctl`, the
 * graph's power control, and socket activation, which starts a stopped service when a call
 * reaches its listening socket. The units' state is `SystemdUnits`'s; this drives the daemons.
 */

/** The graph's power off: both units stop, so no call can socket-activate the daemon. */
export async function stopDaemon<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  hostname: string,
): Promise<boolean> {
  const slot = sim.slots.require(hostname);
  const id = slot.spec.nodeId;
  if (slot.status.daemon !== 'running' && !sim.units.socketListening(id)) return false;
  sim.inputs.record({ type: 'stop-daemon', atMs: sim.nowMs, hostname });
  sim.units.set(id, 'service', 'inactive', sim.nowMs);
  sim.units.set(id, 'socket', 'inactive', sim.nowMs);
  if (slot.status.daemon !== 'running') return true;
  return setDaemon(sim, slot, 'stopped');
}

/** The graph's power on, also for a crashed machine (whose host is then rebuilt). */
export async function startDaemon<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  hostname: string,
): Promise<boolean> {
  const slot = sim.slots.require(hostname);
  const id = slot.spec.nodeId;
  if (slot.status.daemon === 'running') return false;
  sim.inputs.record({ type: 'start-daemon', atMs: sim.nowMs, hostname });
  if (slot.host === undefined && !(await rebuildHost(sim, slot))) return false;
  slot.failure = null;
  sim.units.set(id, 'socket', 'active', sim.nowMs);
  const started = await setDaemon(sim, slot, 'running');
  sim.units.set(id, 'service', started ? 'active' : 'failed', sim.nowMs);
  return started;
}

/** `systemctl start|stop|restart` of docker.service and docker.socket on `hostname`. */
export async function systemctl<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  hostname: string,
  action: SystemdAction,
  units: readonly SystemdUnit[],
): Promise<void> {
  const slot = sim.slots.require(hostname);
  sim.inputs.record({
    type: 'systemctl',
    atMs: sim.nowMs,
    hostname,
    action,
    units: [...units],
  });
  await applySystemctl(sim, slot, action, units);
}

async function applySystemctl<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  slot: Slot<P, S, D>,
  action: SystemdAction,
  units: readonly SystemdUnit[],
): Promise<void> {
  const id = slot.spec.nodeId;
  const service = units.includes('docker.service');
  const socket = units.includes('docker.socket');
  if (action === 'stop' || action === 'restart') {
    if (service) {
      if (slot.status.daemon === 'running') await setDaemon(sim, slot, 'stopped');
      sim.units.set(id, 'service', 'inactive', sim.nowMs);
    }
    if (socket) sim.units.set(id, 'socket', 'inactive', sim.nowMs);
  }
  if (action === 'start' || action === 'restart') {
    if (socket) sim.units.set(id, 'socket', 'active', sim.nowMs);
    if (service) {
      if (slot.host === undefined && (await rebuildHost(sim, slot))) slot.failure = null;
      if (slot.host !== undefined && slot.status.daemon !== 'running') {
        await setDaemon(sim, slot, 'running');
      }
      sim.units.set(id, 'service', isRunning(slot) ? 'active' : 'failed', sim.nowMs);
    }
  }
}

/**
 * True when a call to `slot` now would start its daemon through the socket and wait for it:
 * the service is down, the socket listens, and there is a host to start.
 */
export function activates<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  slot: Slot<P, S, D>,
): boolean {
  return (
    slot.status.daemon !== 'running' &&
    sim.units.socketListening(slot.spec.nodeId) &&
    slot.host !== undefined
  );
}

/** Starts the daemons whose socket activation is due, then hands them the calls that waited. */
export function activateDue<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
): Promise<void> | undefined {
  // Almost every instant activates nothing, and then nothing waits.
  if (sim.units.nextActivationMs() > sim.nowMs) return undefined;
  return activateDueNow(sim);
}

async function activateDueNow<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
): Promise<void> {
  for (const slot of sim.slots.list()) {
    const activation = sim.units.takeDue(slot.spec.nodeId, sim.nowMs);
    if (activation === null) continue;
    if (activates(sim, slot)) {
      const started = await setDaemon(sim, slot, 'running');
      if (started) sim.units.set(slot.spec.nodeId, 'service', 'active', sim.nowMs);
    }
    for (const { callId, request } of activation.calls) {
      if (!sim.calls.has(callId)) continue;
      if (!isRunning(slot)) {
        sim.calls.answer(callId, { status: 'connection' });
        continue;
      }
      const input = { nowMs: sim.nowMs, callId, request };
      const result = await invoke(sim, slot, 'call', (host) => host.call(input));
      if (result.ok) {
        absorb(sim, slot, result.value);
      } else {
        fail(sim, slot, 'call', result.error);
        sim.calls.answer(callId, { status: 'connection' });
      }
    }
  }
}
