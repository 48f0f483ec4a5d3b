import { Machine } from './machine';
import type {
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
import type { ReplicatedStateMachine } from '../../machine-api';
import type { MachineSnapshot, MachineState, MachineStatusData } from './types';
import type { DaemonData } from '../../machine-api';

/**
 * Runs a machine in the caller's thread: in Node for tests, sweeps and benchmarks, and in the
 * page for the machines that share its simulation thread. It answers at once (see `Answer`): a
 * throw is the host failing, as a rejection is for a worker.
 */
export class LocalHost<P, S, D extends DaemonData> implements MachineHost<P, S, D> {
  readonly #machine: Machine<P, S, D>;
  #disposed = false;

  constructor(source: MachineSource<P, S, D>, stateMachine: ReplicatedStateMachine<P, S, D>) {
    this.#machine =
      source.kind === 'disk'
        ? Machine.fromSnapshot(source.snapshot, stateMachine)
        : Machine.fromState(source.state, stateMachine);
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

  step(input: StepInput<P, S>): MachineOutput<P, S, D> {
    // Without `run`'s closure, and field by field rather than a spread: a step runs for every
    // machine at every instant.
    this.#refuseDisposed();
    const emitted = this.#machine.step(input.nowMs, input.messages, input.tick, input.wires ?? []);
    return {
      messages: emitted.messages,
      events: emitted.events,
      wires: emitted.wires,
      answers: emitted.answers,
      durable: emitted.durable,
      durableAfterEvents: emitted.durableAfterEvents,
      status: this.#machine.status(),
    };
  }

  propose(input: ProposeInput<P>): ProposeOutput<P, S, D> {
    return this.run(() => {
      const emitted = this.#machine.propose(input.nowMs, input.proposalId, input.payload);
      return { ...emitted, status: this.#machine.status() };
    });
  }

  setDaemon(input: DaemonInput): MachineOutput<P, S, D> {
    return this.run(() => {
      const emitted = this.#machine.setDaemon(input.nowMs, input.daemon);
      return { ...emitted, status: this.#machine.status() };
    });
  }

  raftAdmin(input: RaftAdminInput): ProposeOutput<P, S, D> {
    return this.run(() => {
      const emitted = this.#machine.raftAdmin(input.nowMs, input.action);
      return { ...emitted, status: this.#machine.status() };
    });
  }

  call(input: CallInput): MachineOutput<P, S, D> {
    return this.run(() => {
      const emitted = this.#machine.call(input.nowMs, input.callId, input.request);
      return { ...emitted, status: this.#machine.status() };
    });
  }

  files(input: FilesInput): FilesOutput<P, S, D> {
    return this.run(() => {
      const emitted = this.#machine.files(input.nowMs, input.request);
      return { ...emitted, status: this.#machine.status() };
    });
  }

  status(): MachineStatusData {
    return this.run(() => this.#machine.status());
  }

  snapshot(): MachineSnapshot<P, S, D> {
    return this.run(() => this.#machine.snapshot());
  }

  /**
   * A deep copy, as a worker's answer would be: the new host must share nothing with this one.
   * JSON rather than structuredClone, which the core layers do not see; the state is plain data.
   */
  exportState(): MachineState<P, S, D> | null {
    return this.run(() => {
      const state = this.#machine.exportState();
      return state === null ? null : (JSON.parse(JSON.stringify(state)) as MachineState<P, S, D>);
    });
  }

  dispose(): void {
    this.#disposed = true;
  }

  /** Refuses calls after dispose, as a terminated worker would. */
  private run<T>(work: () => T): T {
    this.#refuseDisposed();
    return work();
  }

  #refuseDisposed(): void {
    if (this.#disposed) throw new Error(`host of ${this.#machine.spec.hostname} is disposed`);
  }
}
