import type { EngineApi } from '../api/engine';
import type {
  ClusterEvent,
  ClusterEventKind,
  ClusterView,
  DaemonState,
  MachineView,
  PresetId,
} from '../api/read-model';
import { assert } from '../lib/assert';
import { uuidFromBytes } from '../lib/go-time';
import { Prng } from '../lib/prng';
import { MachineEngine } from './machine-engine';
import { presetById, type MachineSpec } from './presets';

/** The event log keeps this many events; older ones scroll away, as in a terminal. */
export const EVENT_LOG_CAPACITY = 500;

export interface PlaygroundOptions {
  readonly preset: PresetId;
  readonly seed: number;
  /**
   * The wall-clock instant at which virtual time 0 falls, in Unix milliseconds: the machines'
   * clocks read `epochMs + timeMs`. An input like any other, so a run replays exactly.
   */
  readonly epochMs: number;
}

/** The epoch used when none is given: fixed, so tests and sweeps are repeatable. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 10, 25, 9, 0, 0);

const GIB = 1024 ** 3;

interface MachineState {
  readonly spec: MachineSpec;
  daemon: DaemonState;
  readonly engine: MachineEngine;
}

/**
 * The cluster as the page sees it: machines, virtual time and the event stream.
 *
 * This is the foundation's placeholder simulation: machines are plain docker hosts outside any
 * swarm. The Web Worker coordinator (Raft managers, network fabric) replaces the inside of this
 * class; its surface (view, engine, advance, listeners) is what the UI and the automation API
 * are written against.
 */
export class Playground {
  readonly #options: PlaygroundOptions;
  readonly #machines = new Map<string, MachineState>();
  readonly #listeners = new Set<(view: ClusterView) => void>();
  #events: ClusterEvent[] = [];
  #eventSequence = 0;
  #timeMs = 0;
  #view: ClusterView | null = null;
  /** Kept while no machine changes, so a time step alone re-renders no machine. */
  #machineViews: readonly MachineView[] | null = null;
  readonly #prng: Prng;

  constructor(options: PlaygroundOptions) {
    this.#options = options;
    this.#prng = new Prng(options.seed);
    for (const spec of presetById(options.preset).machines) this.#addMachine(spec);
  }

  get view(): ClusterView {
    this.#view ??= {
      preset: this.#options.preset,
      seed: this.#options.seed,
      timeMs: this.#timeMs,
      machines: (this.#machineViews ??= [...this.#machines.values()].map(toMachineView)),
      events: this.#events,
    };
    return this.#view;
  }

  get timeMs(): number {
    return this.#timeMs;
  }

  hostnames(): string[] {
    return [...this.#machines.keys()];
  }

  engine(hostname: string): EngineApi {
    const machine = this.#machines.get(hostname);
    assert(machine !== undefined, `no machine ${hostname}`);
    return machine.engine;
  }

  /** Moves virtual time on. Idle time costs nothing: nothing is scheduled yet. */
  advance(milliseconds: number): void {
    assert(milliseconds >= 0, 'time only moves forward');
    if (milliseconds === 0) return;
    this.#timeMs += milliseconds;
    this.#changed();
  }

  setDaemon(hostname: string, daemon: 'running' | 'stopped'): void {
    const machine = this.#machines.get(hostname);
    assert(machine !== undefined, `no machine ${hostname}`);
    if (machine.daemon === daemon) return;
    machine.daemon = daemon;
    this.#machineViews = null;
    const kind = daemon === 'running' ? 'daemon-started' : 'daemon-stopped';
    const text = daemon === 'running' ? 'docker daemon started' : 'docker daemon stopped';
    this.#record(kind, hostname, text);
  }

  /** Calls `listener` after every change, with the new view. Returns a disposer. */
  subscribe(listener: (view: ClusterView) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #addMachine(spec: MachineSpec): void {
    const state: MachineState = {
      spec,
      daemon: 'running',
      engine: new MachineEngine({
        facts: {
          hostname: spec.hostname,
          engineId: uuidFromBytes(Array.from({ length: 16 }, () => this.#prng.nextUint32() & 0xff)),
          cpuCount: 2,
          memoryBytes: 4 * GIB - 180 * 1024 ** 2,
          kernelAbi: 30,
        },
        isDaemonRunning: () => state.daemon === 'running',
        nowEpochMs: () => this.#options.epochMs + this.#timeMs,
      }),
    };
    this.#machines.set(spec.hostname, state);
    this.#machineViews = null;
    this.#record(
      'machine-added',
      spec.hostname,
      `machine ${spec.hostname} (${spec.address}) is up`,
    );
  }

  #record(kind: ClusterEventKind, machine: string, text: string): void {
    this.#eventSequence += 1;
    const event = { sequence: this.#eventSequence, timeMs: this.#timeMs, kind, machine, text };
    this.#events = [...this.#events.slice(-(EVENT_LOG_CAPACITY - 1)), event];
    this.#changed();
  }

  #changed(): void {
    this.#view = null;
    if (this.#listeners.size === 0) return;
    const view = this.view;
    for (const listener of this.#listeners) listener(view);
  }
}

function toMachineView(machine: MachineState): MachineView {
  return {
    hostname: machine.spec.hostname,
    address: machine.spec.address,
    daemon: machine.daemon,
    swarmRole: null,
    intendedRole: machine.spec.intendedRole,
    raft: null,
  };
}
