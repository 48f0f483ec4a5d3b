import type { FileRequest } from '../../src/lib/filesystem';
import type { MachineInit, SystemdAction, SystemdUnit } from '../../src/sim/coordinator';
import type { DaemonRequest } from '../../src/api/operations';
import { ElectionSafetyChecker, type Violation } from '../../src/sim/checkers';
import type { SimulationPort } from '../../src/sim/simulation-port';
import type { TraceEvent } from '../../src/sim/trace';

/** Passes every call through, and taps the trace of each frame for the checkers. */
export class TappedPort implements SimulationPort {
  readonly #inner: SimulationPort;
  readonly #onEvents: (events: readonly TraceEvent[]) => void;

  constructor(inner: SimulationPort, onEvents: (events: readonly TraceEvent[]) => void) {
    this.#inner = inner;
    this.#onEvents = onEvents;
  }

  advanceBy(durationMs: number) {
    return this.#inner.advanceBy(durationMs);
  }
  stopDaemon(hostname: string) {
    return this.#inner.stopDaemon(hostname);
  }
  startDaemon(hostname: string) {
    return this.#inner.startDaemon(hostname);
  }
  partition(groups: readonly (readonly string[])[]) {
    return this.#inner.partition(groups);
  }
  heal() {
    return this.#inner.heal();
  }
  call(hostname: string, request: DaemonRequest, token: string) {
    return this.#inner.call(hostname, request, token);
  }
  cancelCall(token: string) {
    return this.#inner.cancelCall(token);
  }
  systemctl(hostname: string, action: SystemdAction, units: readonly SystemdUnit[]) {
    return this.#inner.systemctl(hostname, action, units);
  }
  files(hostname: string, request: FileRequest) {
    return this.#inner.files(hostname, request);
  }
  addMachine(machine: MachineInit) {
    return this.#inner.addMachine(machine);
  }
  removeMachine(hostname: string) {
    return this.#inner.removeMachine(hostname);
  }
  snapshot() {
    return this.#inner.snapshot();
  }
  async frame() {
    const frame = await this.#inner.frame();
    this.#onEvents(frame.events);
    return frame;
  }
  raftLog(hostname: string) {
    return this.#inner.raftLog(hostname);
  }
  dispose() {
    this.#inner.dispose();
  }
}

/**
 * Two of Raft's safety properties checked over a run's trace events: Election Safety (one leader
 * per term) and agreement of applied entries (no two members apply different entries at one
 * index, State Machine Safety). `onEvents` takes each frame's events.
 */
export class RaftSafety {
  readonly violations: Violation[] = [];
  readonly #elections = new ElectionSafetyChecker((violation) => this.violations.push(violation));
  readonly #appliedAt = new Map<number, string>();

  /** How many log indexes some member applied. */
  get applied(): number {
    return this.#appliedAt.size;
  }

  readonly onEvents = (events: readonly TraceEvent[]): void => {
    for (const event of events) {
      if (event.type === 'role-changed' && event.role === 'leader') {
        this.#elections.onLeaderElected(event.timeMs, event.member, event.term);
      } else if (event.type === 'entry-applied') {
        const entry = `${event.term}:${event.kind}:${event.digest}`;
        const known = this.#appliedAt.get(event.index);
        if (known === undefined) this.#appliedAt.set(event.index, entry);
        else if (known !== entry) {
          this.violations.push({
            invariant: 'state-machine-safety',
            timeMs: event.timeMs,
            member: event.member,
            detail: `index ${event.index} applied as ${entry}, elsewhere ${known}`,
          });
        }
      }
    }
  };
}
