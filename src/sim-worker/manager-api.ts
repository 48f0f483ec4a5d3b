import { Machine } from '../sim/machine';
import {
  ProtocolError,
  checkCallInput,
  checkFilesInput,
  checkDaemonInput,
  checkProposeInput,
  checkRaftAdminInput,
  checkSource,
  checkStepInput,
  type ManagerWorkerApi,
} from './protocol';
import type { DaemonData, ReplicatedStateMachine } from '../machine-api';

/**
 * The object a manager's worker exposes: one Machine, driven synchronously, with every input
 * checked as it arrives. It is a plain module (no `self`), so tests can expose it on a
 * MessageChannel. It reuses the machine code LocalHost runs, so both hosts run one code.
 */
export function createManagerWorkerApi<P, S, D extends DaemonData>(
  stateMachine: ReplicatedStateMachine<P, S, D>,
): ManagerWorkerApi<P, S, D> {
  let machine: Machine<P, S, D> | undefined;
  const require = (): Machine<P, S, D> => {
    if (machine === undefined) throw new ProtocolError('the worker was not initialised');
    return machine;
  };
  return {
    init(untrusted) {
      if (machine !== undefined) throw new ProtocolError('the worker hosts one machine only');
      const source = checkSource<P, S, D>(untrusted);
      machine =
        source.kind === 'disk'
          ? Machine.fromSnapshot(source.snapshot, stateMachine)
          : Machine.fromState(source.state, stateMachine);
    },
    step(input) {
      const { nowMs, messages, tick, wires } = checkStepInput<P, S>(input);
      const current = require();
      return { ...current.step(nowMs, messages, tick, wires ?? []), status: current.status() };
    },
    propose(input) {
      const { nowMs, proposalId, payload } = checkProposeInput(input, stateMachine.isPayload);
      const current = require();
      return { ...current.propose(nowMs, proposalId, payload), status: current.status() };
    },
    setDaemon(input) {
      const { nowMs, daemon } = checkDaemonInput(input);
      const current = require();
      return { ...current.setDaemon(nowMs, daemon), status: current.status() };
    },
    raftAdmin(input) {
      const { nowMs, action } = checkRaftAdminInput(input);
      const current = require();
      return { ...current.raftAdmin(nowMs, action), status: current.status() };
    },
    call(input) {
      const { nowMs, callId, request } = checkCallInput(input);
      const current = require();
      return { ...current.call(nowMs, callId, request), status: current.status() };
    },
    files(input) {
      const { nowMs, request } = checkFilesInput(input);
      const current = require();
      return { ...current.files(nowMs, request), status: current.status() };
    },
    status: () => require().status(),
    snapshot: () => require().snapshot(),
    exportState: () => require().exportState(),
  };
}
