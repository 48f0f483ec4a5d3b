import type { Coordinator } from './coordinator';
import type { CoordinatorState } from './coordinator-state';
import type { SimInput } from './inputs';
import { SnapshotError, type CoordinatorSnapshot } from './snapshot';
import type { DaemonData } from '../../machine-api';

/** The operations a replay makes again, each through the coordinator's queue. */
type ReplayTarget<P, S, D extends DaemonData> = Pick<
  Coordinator<P, S, D>,
  | 'stopDaemon'
  | 'startDaemon'
  | 'partition'
  | 'heal'
  | 'blockLink'
  | 'setLinkWeather'
  | 'raftAdmin'
  | 'propose'
  | 'addMachine'
  | 'removeMachine'
  | 'call'
  | 'cancelCall'
  | 'systemctl'
  | 'files'
>;

/**
 * A queued advance to the recorded instant itself: an advance by the difference could land
 * elsewhere once times are fractional.
 */
type AdvanceTo = (toMs: number) => Promise<void>;

/**
 * Replays a save's inputs on a coordinator created from its config or from its checkpoint,
 * then checks that the run reached the saved trace hash and count. Throws SnapshotError when
 * it does not.
 */
export async function replaySave<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  save: CoordinatorSnapshot<P, S, D>,
  target: ReplayTarget<P, S, D>,
  advanceTo: AdvanceTo,
): Promise<void> {
  // A host failure is not replayed in sequence: it is injected into the call it hit.
  for (const input of save.inputs) {
    if (input.type === 'host-failed') sim.injections.add(input.atMs, input.hostname, input.call);
  }
  try {
    for (const input of save.inputs) await replayInput(sim, target, advanceTo, input);
    if (sim.nowMs < save.nowMs) await advanceTo(save.nowMs);
  } catch (error: unknown) {
    if (error instanceof SnapshotError) throw error;
    throw new SnapshotError(`the save does not replay: ${String(error)}`);
  }
  if (sim.trace.hash !== save.trace.hash || sim.trace.count !== save.trace.count) {
    throw new SnapshotError('the save replays to a different cluster (another version?)');
  }
}

async function replayInput<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  target: ReplayTarget<P, S, D>,
  advanceTo: AdvanceTo,
  input: SimInput<P>,
): Promise<void> {
  if (input.type !== 'advance' && input.type !== 'host-failed' && input.atMs !== sim.nowMs) {
    throw new SnapshotError(`the save's ${input.type} input is out of time order`);
  }
  switch (input.type) {
    case 'advance':
      return advanceTo(input.toMs);
    case 'stop-daemon':
      await target.stopDaemon(input.hostname);
      return;
    case 'start-daemon':
      await target.startDaemon(input.hostname);
      return;
    case 'partition':
      return target.partition(input.groups);
    case 'heal':
      return target.heal();
    case 'block-link':
      return target.blockLink(input.from, input.to);
    case 'link-weather':
      return target.setLinkWeather(input.link);
    case 'raft-admin':
      await target.raftAdmin(input.hostname, input.action);
      return;
    case 'propose':
      await target.propose(input.hostname, input.payload);
      return;
    case 'add-machine':
      return target.addMachine(input.machine);
    case 'remove-machine':
      return target.removeMachine(input.hostname);
    case 'call':
      await target.call(input.hostname, input.request);
      return;
    case 'cancel-call':
      return target.cancelCall(input.callId);
    case 'systemctl':
      return target.systemctl(input.hostname, input.action, input.units);
    case 'files':
      await target.files(input.hostname, input.request);
      return;
    case 'host-failed':
      // Injected where it happened (see replaySave); nothing to do in sequence.
      return;
  }
}
