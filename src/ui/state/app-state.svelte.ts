import type { PresetId } from '../../sim/read-model';
import type { Playground } from '../../sim/playground';
import { saveRun, startFresh } from './boot';
import { createHistoryStore, type HistoryStore } from './history-store';
import { Playback, STEP_MS } from './playback.svelte';
import type { RunStore } from './run-store';
import { Runtime } from './runtime.svelte';
import {
  DEFAULT_LAYOUT,
  clampSplit,
  readLayout,
  writeLayout,
  type LayoutPrefs,
} from './layout-prefs';
import { readTerminalPrefs, writeTerminalPrefs } from './terminal-prefs';

export const FONT_SIZES = [12, 13, 14, 15, 16, 18, 20, 22, 24, 28] as const;
/** 13 px: the widest docker tables fit 100 columns at 1280 pixels wide (see `layout-prefs.ts`). */
const DEFAULT_FONT_SIZE = 13;
const FONT_SIZE_KEY = 'swarm-playground:font-size:v1';
/**
 * How often the running cluster is saved while time passes, in wall milliseconds. Inputs are
 * saved as they are made (`Playground.persistInputs`); this only keeps the clock.
 */
const SAVE_INTERVAL_MS = 2000;
/** The name of each save's `performance.measure`, for `npm run bench:browser` to read. */
export const SAVE_MEASURE = 'swarm-playground:save';

export interface AppStateOptions {
  readonly playground: Playground;
  readonly storage: Storage | null;
  readonly runs: RunStore;
  readonly notices: readonly string[];
}

/**
 * The page's state: the current runtime, which machine's terminal is open, playback and the
 * presenter's font size. Svelte components read it; only these methods change it.
 */
export class AppState {
  runtime = $state.raw<Runtime>() as Runtime;
  selected = $state('');
  fontSize = $state(DEFAULT_FONT_SIZE);
  notices = $state<string[]>([]);
  layout = $state.raw<LayoutPrefs>(DEFAULT_LAYOUT);
  /** xterm.js's screen-reader mode in every terminal; kept across reloads. */
  screenReaderMode = $state(false);
  /**
   * Counts the requests to put the keyboard focus in the selected terminal: a click on a tab or
   * a machine, Enter on one. Space on a machine selects it and leaves the focus on the graph.
   */
  terminalFocusRequests = $state(0);
  /** Set when a new version of the playground is installed and waits for a reload. */
  update = $state.raw<(() => Promise<void>) | null>(null);
  readonly playback = new Playback();
  readonly #history: HistoryStore;
  readonly #storage: Storage | null;
  readonly #runs: RunStore;
  #savedTraceHash = '';
  /** Saves run one after another, so a later snapshot is never overwritten by an earlier one. */
  #saving: Promise<void> = Promise.resolve();

  constructor(options: AppStateOptions) {
    this.#storage = options.storage;
    this.#runs = options.runs;
    this.notices = [...options.notices];
    this.#history = createHistoryStore(options.storage, (message) => {
      this.notify(message);
    });
    this.fontSize = readFontSize(options.storage);
    this.layout = readLayout(options.storage);
    this.screenReaderMode = readTerminalPrefs(options.storage).screenReaderMode;
    this.runtime = new Runtime(
      options.playground,
      this.#history,
      this.fontSize,
      this.screenReaderMode,
    );
    this.#persistInputsOf(options.playground);
    this.selected = this.runtime.playground.hostnames()[0] ?? '';
  }

  async reset(options: { preset: PresetId; seed: number }): Promise<void> {
    const playground = await startFresh(options);
    this.runtime.dispose();
    this.runtime = new Runtime(playground, this.#history, this.fontSize, this.screenReaderMode);
    this.#persistInputsOf(playground);
    const hostnames = playground.hostnames();
    if (!hostnames.includes(this.selected)) this.selected = hostnames[0] ?? '';
    await this.save();
  }

  /**
   * Saves the cluster while time passes, and once more when the page is hidden or left (a
   * phone switching apps may never come back to it). Returns a disposer.
   */
  autosave(): () => void {
    const timer = setInterval(() => void this.save(), SAVE_INTERVAL_MS);
    const onHide = () => void this.save();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void this.save();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }

  /** Saves the cluster when its trace moved on since the last save. */
  save(): Promise<void> {
    const runtime = this.runtime;
    if (runtime.view.traceHash === this.#savedTraceHash) return this.#saving;
    return this.#write(runtime.playground);
  }

  /** Pauses and moves time on by one Raft tick; a time control, so it is saved at once. */
  async step(): Promise<void> {
    this.playback.paused = true;
    const playground = this.runtime.playground;
    await playground.advance(STEP_MS);
    await this.#write(playground);
  }

  #persistInputsOf(playground: Playground): void {
    playground.persistInputs(() => this.#write(playground));
  }

  /** Queues a save of `playground`'s run as it is now (its snapshot is taken in turn). */
  #write(playground: Playground): Promise<void> {
    this.#saving = this.#saving.then(async () => {
      // A reset replaced the run while this waited: the new one saves itself.
      if (playground !== this.runtime.playground) return;
      // The snapshot is at least as new as the view read before it is asked for.
      const hash = playground.view.traceHash;
      try {
        const start = performance.now();
        await saveRun(this.#runs, playground);
        performance.measure(SAVE_MEASURE, { start });
        this.#savedTraceHash = hash;
      } catch (error) {
        // Saving is best effort (private windows may refuse IndexedDB); the cluster keeps running.
        console.warn('The cluster could not be saved:', error);
      }
    });
    return this.#saving;
  }

  /** Opens a machine's terminal tab; the focus goes into it unless `focusTerminal` is false. */
  select(hostname: string, focusTerminal = true): void {
    this.selected = hostname;
    if (focusTerminal) this.terminalFocusRequests++;
  }

  setScreenReaderMode(on: boolean): void {
    this.screenReaderMode = on;
    this.runtime.setScreenReaderMode(on);
    writeTerminalPrefs(this.#storage, { screenReaderMode: on });
  }

  /** Adds a machine from the UI and opens its terminal; a refusal becomes a notice. */
  async addMachine(role: 'manager' | 'worker'): Promise<void> {
    const result = await this.runtime.playground.addMachine(role);
    if ('error' in result) this.notify(`No machine was added: ${result.error}.`);
    else this.select(result.hostname);
  }

  async removeMachine(hostname: string): Promise<void> {
    const result = await this.runtime.playground.removeMachine(hostname);
    if ('error' in result) {
      this.notify(`${hostname} was not removed: ${result.error}.`);
      return;
    }
    if (this.selected === hostname) this.selected = this.runtime.playground.hostnames()[0] ?? '';
  }

  setFontSize(size: number): void {
    this.fontSize = size;
    this.runtime.setFontSize(size);
    try {
      this.#storage?.setItem(FONT_SIZE_KEY, String(size));
    } catch {
      // A presenter's font size is a preference; failing to keep it must not break the page.
    }
  }

  /** A new version is installed: offer it (`applyUpdate`), never force it on a session. */
  offerUpdate(activate: () => Promise<void>): void {
    this.update = activate;
  }

  /** Saves the run, then reloads into the new version, which restores it. */
  async applyUpdate(): Promise<void> {
    const activate = this.update;
    if (activate === null) return;
    await this.#write(this.runtime.playground);
    await activate();
  }

  /** The terminals' share of the width, from the split's drag or its arrow keys. */
  setSplit(split: number): void {
    this.#setLayout({ ...this.layout, split: clampSplit(split) });
  }

  toggleTerminalMaximised(): void {
    this.#setLayout({ ...this.layout, terminalMaximised: !this.layout.terminalMaximised });
  }

  toggleLog(): void {
    this.#setLayout({ ...this.layout, logHidden: !this.layout.logHidden });
  }

  #setLayout(layout: LayoutPrefs): void {
    this.layout = layout;
    writeLayout(this.#storage, layout);
  }

  notify(message: string): void {
    this.notices = [...this.notices, message];
  }

  dismissNotice(index: number): void {
    this.notices = this.notices.filter((_, i) => i !== index);
  }
}

function readFontSize(storage: Storage | null): number {
  try {
    const size = Number(storage?.getItem(FONT_SIZE_KEY) ?? NaN);
    return (FONT_SIZES as readonly number[]).includes(size) ? size : DEFAULT_FONT_SIZE;
  } catch {
    return DEFAULT_FONT_SIZE;
  }
}
