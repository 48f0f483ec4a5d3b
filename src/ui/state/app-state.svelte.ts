import type { PresetId } from '../../api/read-model';
import { createHistoryStore, type HistoryStore } from './history-store';
import { Playback } from './playback.svelte';
import { Runtime } from './runtime.svelte';
import type { StartOptions } from './url-options';

export const FONT_SIZES = [12, 13, 14, 15, 16, 18, 20, 22, 24, 28] as const;
const DEFAULT_FONT_SIZE = 15;
const FONT_SIZE_KEY = 'swarm-playground:font-size:v1';

/**
 * The page's state: the current runtime, which machine's terminal is open, playback and the
 * presenter's font size. Svelte components read it; only these methods change it.
 */
export class AppState {
  runtime = $state.raw<Runtime>() as Runtime;
  selected = $state('');
  fontSize = $state(DEFAULT_FONT_SIZE);
  notices = $state<string[]>([]);
  readonly playback = new Playback();
  readonly #history: HistoryStore;
  readonly #storage: Storage | null;

  constructor(options: StartOptions, storage: Storage | null, warnings: readonly string[]) {
    this.#storage = storage;
    this.notices = [...warnings];
    this.#history = createHistoryStore(storage, (message) => {
      this.notify(message);
    });
    this.fontSize = readFontSize(storage);
    this.runtime = new Runtime(options, this.#history, this.fontSize);
    this.selected = this.runtime.playground.hostnames()[0] ?? '';
  }

  reset(options: { preset: PresetId; seed: number }): void {
    this.runtime.dispose();
    this.runtime = new Runtime(options, this.#history, this.fontSize);
    const hostnames = this.runtime.playground.hostnames();
    if (!hostnames.includes(this.selected)) this.selected = hostnames[0] ?? '';
  }

  select(hostname: string): void {
    this.selected = hostname;
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
