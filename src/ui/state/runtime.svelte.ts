import type { ClusterView } from '../../sim/read-model';
import { hostFilesOver } from '../../lib/filesystem';
import type { ExecResult } from './exec-result';
import { lazyDockerProgram } from '../../cli/docker-lazy';
import type { LabControl, ProgramEntry, ServiceManager } from '../../cli/process';
import { builtinPrograms } from '../../cli/programs';
import { ShellSession } from '../../cli/shell/session';
import { Playground } from '../../sim/playground';
import { RpcAnimator } from '../graph/rpc-animator';
import { ChangeAnnouncer } from './announcements';
import { TerminalHost } from '../terminal/terminal-host';
import type { HistoryStore } from './history-store';

interface MachineShell {
  readonly terminal: TerminalHost;
  readonly session: ShellSession;
}

/**
 * One run of the playground: the simulated cluster plus a shell and a terminal per machine.
 * A reset throws the whole runtime away and builds a new one, so nothing leaks between runs.
 */
export class Runtime {
  readonly playground: Playground;
  /** The RPC dots in flight on the graph; fed once per frame with what the simulation sent. */
  readonly animator = new RpcAnimator();
  view = $state.raw<ClusterView>() as ClusterView;

  // Not reactive on purpose: the view is what renders; the shells follow the view's machines
  // before each new view is published, so a new machine's terminal exists when its tab does.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #shells = new Map<string, MachineShell>();
  readonly #disposers: (() => void)[] = [];
  readonly #history: HistoryStore;
  #fontSize: number;
  #screenReaderMode: boolean;
  readonly #programs: readonly ProgramEntry[] = [...builtinPrograms, lazyDockerProgram];
  readonly #lab: LabControl;

  /** What a screen reader is told of the last change worth it; a new one gets a new `id`. */
  announcement = $state.raw<{ readonly id: number; readonly text: string } | null>(null);
  readonly #announcer = new ChangeAnnouncer();

  constructor(
    playground: Playground,
    history: HistoryStore,
    fontSize: number,
    screenReaderMode = false,
  ) {
    this.playground = playground;
    this.#history = history;
    this.#fontSize = fontSize;
    this.#screenReaderMode = screenReaderMode;
    this.#lab = {
      machines: () => this.view.machines.map(({ hostname, address }) => ({ hostname, address })),
      addMachine: (role) => playground.addMachine(role),
      removeMachine: (hostname) => playground.removeMachine(hostname),
    };
    this.#syncShells();
    this.view = playground.view;
    this.#announcer.observe(this.view);
    this.#disposers.push(
      playground.subscribe((view) => {
        this.#syncShells();
        this.view = view;
        this.#announce(view);
      }),
      playground.subscribeRpcs((rpcs) => {
        this.animator.add(rpcs, performance.now());
      }),
    );
  }

  #announce(view: ClusterView): void {
    const text = this.#announcer.observe(view);
    if (text !== null) this.announcement = { id: (this.announcement?.id ?? 0) + 1, text };
  }

  /** One shell and terminal per machine: new machines get one, removed machines lose theirs. */
  #syncShells(): void {
    const hostnames = this.playground.hostnames();
    for (const hostname of hostnames) {
      if (!this.#shells.has(hostname)) this.#shells.set(hostname, this.#newShell(hostname));
    }
    for (const [hostname, shell] of this.#shells) {
      if (hostnames.includes(hostname)) continue;
      shell.terminal.dispose();
      this.#shells.delete(hostname);
    }
  }

  #newShell(hostname: string): MachineShell {
    const terminal = new TerminalHost(this.#fontSize, this.#screenReaderMode);
    const session = new ShellSession({
      hostname,
      programs: this.#programs,
      engine: this.playground.engine(hostname),
      clock: this.playground.clock,
      history: this.#history.load(hostname),
      onHistoryChange: (lines) => {
        this.#history.save(hostname, lines);
      },
      port: terminal,
      systemd: machineSystemd(this.playground, hostname),
      lab: this.#lab,
      files: hostFilesOver((request) => this.playground.files(hostname, request)),
    });
    terminal.connect(session);
    session.start();
    return { terminal, session };
  }

  terminal(hostname: string): TerminalHost | undefined {
    return this.#shells.get(hostname)?.terminal;
  }

  /** Runs `line` in a machine's terminal, exactly as if it were typed there. */
  exec(line: string, hostname: string): Promise<ExecResult> {
    const shell = this.#shells.get(hostname);
    if (shell === undefined) return Promise.reject(new Error(`no machine named ${hostname}`));
    return shell.session.submit(line);
  }

  advance(virtualMs: number): Promise<void> {
    return this.playground.advance(virtualMs);
  }

  partition(groups: readonly (readonly string[])[]): Promise<void> {
    return this.playground.partition(groups);
  }

  heal(): Promise<void> {
    return this.playground.heal();
  }

  setDaemon(hostname: string, daemon: 'running' | 'stopped'): Promise<void> {
    return this.playground.setDaemon(hostname, daemon);
  }

  setFontSize(size: number): void {
    this.#fontSize = size;
    for (const { terminal } of this.#shells.values()) terminal.setFontSize(size);
  }

  setScreenReaderMode(on: boolean): void {
    this.#screenReaderMode = on;
    for (const { terminal } of this.#shells.values()) terminal.setScreenReaderMode(on);
  }

  dispose(): void {
    for (const dispose of this.#disposers.splice(0)) dispose();
    for (const { terminal } of this.#shells.values()) terminal.dispose();
    this.#shells.clear();
    this.animator.clear();
    this.playground.dispose();
  }
}

/** The machine's systemd as `systemctl` sees it: the simulation's two docker units. */
function machineSystemd(playground: Playground, hostname: string): ServiceManager {
  const epochMs = playground.options.epochMs;
  return {
    units: () => {
      const units = playground.units(hostname);
      return {
        ...units,
        serviceSinceMs: epochMs + units.serviceSinceMs,
        socketSinceMs: epochMs + units.socketSinceMs,
      };
    },
    apply: (action, units) => playground.systemctl(hostname, action, units),
    nowEpochMs: () => epochMs + playground.view.timeMs,
  };
}
