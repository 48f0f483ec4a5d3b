import type { ClusterView } from '../../api/read-model';
import type { ExecResult } from '../automation-api';
import { lazyDockerProgram } from '../../cli/docker-lazy';
import type { ProgramEntry, ServiceManager } from '../../cli/process';
import { builtinPrograms } from '../../cli/programs';
import { ShellSession } from '../../cli/shell/session';
import { Playground } from '../../sim/playground';
import { RpcAnimator } from '../graph/rpc-animator';
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

  // Not reactive on purpose: the shells are fixed for the runtime's life; the view is what renders.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #shells = new Map<string, MachineShell>();
  readonly #disposers: (() => void)[] = [];

  constructor(playground: Playground, history: HistoryStore, fontSize: number) {
    this.playground = playground;
    this.view = playground.view;
    this.#disposers.push(
      playground.subscribe((view) => (this.view = view)),
      playground.subscribeRpcs((rpcs) => {
        this.animator.add(rpcs, performance.now());
      }),
    );
    const programs: ProgramEntry[] = [...builtinPrograms, lazyDockerProgram];
    for (const hostname of playground.hostnames()) {
      const terminal = new TerminalHost(fontSize);
      const session = new ShellSession({
        hostname,
        programs,
        engine: playground.engine(hostname),
        history: history.load(hostname),
        onHistoryChange: (lines) => {
          history.save(hostname, lines);
        },
        port: terminal,
        systemd: machineSystemd(playground, hostname),
      });
      terminal.connect(session);
      session.start();
      this.#shells.set(hostname, { terminal, session });
    }
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
    for (const { terminal } of this.#shells.values()) terminal.setFontSize(size);
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
