import {
  Machine,
  MachineRunner,
  emissionWithStatus,
  proposalWithStatus,
  withStatus,
} from '../sim/machine';
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
  let runner: MachineRunner<P, S, D> | undefined;
  const require = (): MachineRunner<P, S, D> => {
    if (runner === undefined) throw new ProtocolError('the worker was not initialised');
    return runner;
  };
  return {
    init(untrusted) {
      if (runner !== undefined) throw new ProtocolError('the worker hosts one machine only');
      const source = checkSource<P, S, D>(untrusted);
      runner = new MachineRunner(
        source.kind === 'disk'
          ? Machine.fromSnapshot(source.snapshot, stateMachine)
          : Machine.fromState(source.state, stateMachine),
      );
    },
    step(input) {
      const { nowMs, messages, tick, wires } = checkStepInput<P, S>(input);
      const current = require();
      return current.emit(
        () => current.machine.step(nowMs, messages, tick, wires ?? []),
        emissionWithStatus,
      );
    },
    propose(input) {
      const { nowMs, proposalId, payload } = checkProposeInput(input, stateMachine.isPayload);
      const current = require();
      return current.emit(
        () => current.machine.propose(nowMs, proposalId, payload),
        proposalWithStatus,
      );
    },
    setDaemon(input) {
      const { nowMs, daemon } = checkDaemonInput(input);
      const current = require();
      return current.emit(() => current.machine.setDaemon(nowMs, daemon), emissionWithStatus);
    },
    raftAdmin(input) {
      const { nowMs, action } = checkRaftAdminInput(input);
      const current = require();
      return current.emit(() => current.machine.raftAdmin(nowMs, action), proposalWithStatus);
    },
    call(input) {
      const { nowMs, callId, request } = checkCallInput(input);
      const current = require();
      return current.emit(() => current.machine.call(nowMs, callId, request), emissionWithStatus);
    },
    files(input) {
      const { nowMs, request } = checkFilesInput(input);
      const current = require();
      return current.emit(() => current.machine.files(nowMs, request), withStatus);
    },
    status: () => require().read(() => require().machine.status()),
    snapshot: () => require().read(() => require().machine.snapshot()),
    exportState: () => require().read(() => require().machine.exportState()),
  };
}
