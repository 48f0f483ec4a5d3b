import { Machine } from './machine';
import {
  MachineRunner,
  emissionWithStatus,
  proposalWithStatus,
  withStatus,
} from './machine-runner';
import type {
  Answer,
  CallInput,
  DaemonInput,
  FilesInput,
  FilesOutput,
  HostFactory,
  MachineHost,
  MachineSource,
  MachineOutput,
  ProposeInput,
  ProposeOutput,
  RaftAdminInput,
  StepInput,
} from './host';
import type { DaemonWire, ReplicatedStateMachine } from '../../machine-api';
import type { MachineSnapshot, MachineState, MachineStatusData } from './types';
import type { DaemonData } from '../../machine-api';

/** A step without daemon traffic (most steps) passes this rather than a new empty list. */
const NO_WIRES: readonly DaemonWire[] = Object.freeze([]);

/**
 * Runs a machine in the caller's thread: in Node for tests, sweeps and benchmarks, and in the
 * page for the machines that share its simulation thread. It answers at once (see `Answer`): a
 * throw is the host failing, as a rejection is for a worker.
 */
export class LocalHost<P, S, D extends DaemonData> implements MachineHost<P, S, D> {
  readonly #runner: MachineRunner<P, S, D>;
  #disposed = false;

  constructor(source: MachineSource<P, S, D>, stateMachine: ReplicatedStateMachine<P, S, D>) {
    this.#runner = new MachineRunner(
      source.kind === 'disk'
        ? Machine.fromSnapshot(source.snapshot, stateMachine)
        : Machine.fromState(source.state, stateMachine),
    );
  }

  /**
   * A factory that keeps every machine in process, whatever its placement. Moves still happen
   * (export, then a new host from the state), so in-process runs take the same path as workers.
   */
  static factory<P, S, D extends DaemonData>(
    stateMachine: ReplicatedStateMachine<P, S, D>,
  ): HostFactory<P, S, D> {
    return (source) => new LocalHost(source, stateMachine);
  }

  step(input: StepInput<P, S>): Answer<MachineOutput<P, S, D>> {
    this.#refuseDisposed();
    const runner = this.#runner;
    const machine = runner.machine;
    const wires = input.wires ?? NO_WIRES;
    if (!runner.idle) {
      return runner.emit(
        () => machine.step(input.nowMs, input.messages, input.tick, wires),
        emissionWithStatus,
      );
    }
    // Without a closure: a step runs for every machine at every instant, and a step never
    // leaves cipher work.
    const emitted = machine.step(input.nowMs, input.messages, input.tick, wires);
    return emissionWithStatus(emitted, machine.status());
  }

  propose(input: ProposeInput<P>): Answer<ProposeOutput<P, S, D>> {
    this.#refuseDisposed();
    const machine = this.#runner.machine;
    return this.#runner.emit(
      () => machine.propose(input.nowMs, input.proposalId, input.payload),
      proposalWithStatus,
    );
  }

  setDaemon(input: DaemonInput): Answer<MachineOutput<P, S, D>> {
    this.#refuseDisposed();
    const machine = this.#runner.machine;
    return this.#runner.emit(
      () => machine.setDaemon(input.nowMs, input.daemon),
      emissionWithStatus,
    );
  }

  raftAdmin(input: RaftAdminInput): Answer<ProposeOutput<P, S, D>> {
    this.#refuseDisposed();
    const machine = this.#runner.machine;
    return this.#runner.emit(
      () => machine.raftAdmin(input.nowMs, input.action),
      proposalWithStatus,
    );
  }

  call(input: CallInput): Answer<MachineOutput<P, S, D>> {
    this.#refuseDisposed();
    const machine = this.#runner.machine;
    return this.#runner.emit(
      () => machine.call(input.nowMs, input.callId, input.request),
      emissionWithStatus,
    );
  }

  files(input: FilesInput): Answer<FilesOutput<P, S, D>> {
    this.#refuseDisposed();
    const machine = this.#runner.machine;
    return this.#runner.emit(() => machine.files(input.nowMs, input.request), withStatus);
  }

  status(): Answer<MachineStatusData> {
    this.#refuseDisposed();
    const machine = this.#runner.machine;
    return this.#runner.read(() => machine.status());
  }

  snapshot(): Answer<MachineSnapshot<P, S, D>> {
    this.#refuseDisposed();
    const machine = this.#runner.machine;
    return this.#runner.read(() => machine.snapshot());
  }

  /**
   * A deep copy, as a worker's answer would be: the new host must share nothing with this one.
   * JSON rather than structuredClone, which the core layers do not see; the state is plain data.
   */
  exportState(): Answer<MachineState<P, S, D> | null> {
    this.#refuseDisposed();
    const machine = this.#runner.machine;
    return this.#runner.read(() => {
      const state = machine.exportState();
      return state === null ? null : (JSON.parse(JSON.stringify(state)) as MachineState<P, S, D>);
    });
  }

  dispose(): void {
    this.#disposed = true;
  }

  /** Refuses calls after dispose, as a terminated worker would. */
  #refuseDisposed(): void {
    if (this.#disposed)
      throw new Error(`host of ${this.#runner.machine.spec.hostname} is disposed`);
  }
}
