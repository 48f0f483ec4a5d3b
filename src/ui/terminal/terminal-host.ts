import { FitAddon } from '@xterm/addon-fit';
import { Terminal, type ITheme } from '@xterm/xterm';
import { FocusExit } from './focus-exit';

/** What the terminal needs from the shell session that runs behind it. */
export interface TerminalSession {
  input(data: string): void;
  resize(columns: number): void;
}

/** The terminal side the session writes to. */
export interface TerminalPort {
  write(data: string): void;
  readonly columns: number;
  readonly rows: number;
}

/** Every colour a program writes in meets 4.5:1 on the background (`tests/ui/contrast.test.ts`). */
export const THEME: ITheme = {
  background: '#0b1220',
  foreground: '#d8e1f0',
  cursor: '#f5c542',
  selectionBackground: '#35507a',
  black: '#1b2333',
  brightBlack: '#7a89a3',
  blue: '#4aa8ff',
  brightBlue: '#7cc0ff',
  green: '#5fd38d',
  brightGreen: '#8de8b0',
  red: '#ff6b6b',
  brightRed: '#ff9a9a',
  yellow: '#f5c542',
  brightYellow: '#ffe08a',
  cyan: '#4fd1d9',
  magenta: '#c792ea',
  white: '#d8e1f0',
  brightWhite: '#ffffff',
};

const DEFAULT_COLUMNS = 100;
const DEFAULT_ROWS = 30;

/**
 * Owns one xterm.js instance and connects it to a shell session. The session exists before the
 * terminal is first shown (the automation API can run commands on any machine), so output is
 * buffered until the xterm is attached to an element.
 */
export class TerminalHost implements TerminalPort {
  #terminal: Terminal | null = null;
  #fit: FitAddon | null = null;
  #pending = '';
  #session: TerminalSession | null = null;
  #fontSize: number;
  #screenReaderMode: boolean;
  readonly #exit = new FocusExit();
  readonly #disposers: (() => void)[] = [];

  constructor(fontSize: number, screenReaderMode = false) {
    this.#fontSize = fontSize;
    this.#screenReaderMode = screenReaderMode;
  }

  get columns(): number {
    return this.#terminal?.cols ?? DEFAULT_COLUMNS;
  }

  get rows(): number {
    return this.#terminal?.rows ?? DEFAULT_ROWS;
  }

  connect(session: TerminalSession): void {
    this.#session = session;
  }

  write(data: string): void {
    if (this.#terminal === null) this.#pending += data;
    else this.#terminal.write(data);
  }

  /** Creates the xterm inside `element`. Returns a disposer for when the element goes away. */
  attach(element: HTMLElement): () => void {
    this.dispose();
    const terminal = new Terminal({
      fontFamily: '"DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, monospace',
      fontSize: this.#fontSize,
      theme: THEME,
      // A blinking cursor is motion too; with reduced motion it stays still.
      cursorBlink: !matchMedia('(prefers-reduced-motion: reduce)').matches,
      screenReaderMode: this.#screenReaderMode,
      scrollback: 5000,
      rightClickSelectsWord: false,
      allowProposedApi: false,
    });
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    terminal.open(element);
    this.#terminal = terminal;
    this.#fit = fit;
    // Listening before the first fit: that fit is the resize from xterm's 80 columns to the
    // pane's, and a session that missed it wrapped its input line at 80 ever after.
    const onData = terminal.onData((data) => this.#session?.input(data));
    const onResize = terminal.onResize(({ cols }) => this.#session?.resize(cols));
    this.fit();
    if (this.#pending !== '') {
      terminal.write(this.#pending);
      this.#pending = '';
    }
    terminal.attachCustomKeyEventHandler(
      (event) => this.#exit.decide(event) === 'terminal' && this.#handleClipboardKeys(event),
    );
    const onContextMenu = (event: MouseEvent) => {
      event.preventDefault();
      void this.#copyOrPaste();
    };
    element.addEventListener('contextmenu', onContextMenu);
    this.#disposers.push(
      () => {
        onData.dispose();
      },
      () => {
        onResize.dispose();
      },
      () => {
        element.removeEventListener('contextmenu', onContextMenu);
      },
    );
    return () => {
      this.dispose();
    };
  }

  focus(): void {
    this.#terminal?.focus();
  }

  /** Fits the terminal to its element; call when it becomes visible or its box changes. */
  fit(): void {
    const element = this.#terminal?.element;
    if (this.#fit === null || element === undefined || element.offsetParent === null) return;
    this.#fit.fit();
  }

  /** xterm.js's screen-reader mode: its rows as an accessibility tree, output announced. */
  setScreenReaderMode(on: boolean): void {
    this.#screenReaderMode = on;
    if (this.#terminal !== null) this.#terminal.options.screenReaderMode = on;
  }

  setFontSize(size: number): void {
    this.#fontSize = size;
    if (this.#terminal === null) return;
    this.#terminal.options.fontSize = size;
    this.fit();
  }

  dispose(): void {
    for (const dispose of this.#disposers.splice(0)) dispose();
    this.#terminal?.dispose();
    this.#terminal = null;
    this.#fit = null;
  }

  /**
   * Ctrl+Shift+C copies and Ctrl+Shift+V pastes, as in GNOME Terminal and Windows Terminal.
   * Plain Ctrl+C stays the interrupt key, as in any shell.
   */
  #handleClipboardKeys(event: KeyboardEvent): boolean {
    if (event.type !== 'keydown' || !event.ctrlKey || !event.shiftKey) return true;
    const key = event.key.toLowerCase();
    // Handled here, so the browser's own action must not run as well: Chrome's Ctrl+Shift+V
    // (paste as plain text) reached xterm as a second paste of the same text.
    if (key === 'c') {
      event.preventDefault();
      void this.#copySelection();
      return false;
    }
    if (key === 'v') {
      event.preventDefault();
      void this.#paste();
      return false;
    }
    return true;
  }

  /** Right-click copies the selection when there is one and pastes otherwise (PuTTY's rule). */
  async #copyOrPaste(): Promise<void> {
    if (this.#terminal?.hasSelection() === true) await this.#copySelection();
    else await this.#paste();
  }

  async #copySelection(): Promise<void> {
    const selection = this.#terminal?.getSelection() ?? '';
    if (selection === '') return;
    try {
      await navigator.clipboard.writeText(selection);
      this.#terminal?.clearSelection();
    } catch {
      // The browser refused clipboard access; the selection stays so Ctrl+C/menu copy still work.
    }
  }

  async #paste(): Promise<void> {
    try {
      const text = await navigator.clipboard.readText();
      // xterm turns the pasted text into onData input (newlines become \r), so a multi-line
      // paste reaches the shell as several lines, as it does in a real terminal.
      if (text !== '') this.#terminal?.paste(text);
    } catch {
      // No clipboard permission: the browser's own paste (middle click, menu) still works.
    }
  }
}
