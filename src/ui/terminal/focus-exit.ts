/**
 * The way out of a terminal. The terminal keeps Tab for completion, as a shell must, so Tab
 * alone cannot move the focus (the keyboard trap of WCAG 2.1.2 if nothing else could). Escape
 * followed by Tab or Shift+Tab leaves it, as in VS Code's terminal and CodeMirror; F6 always
 * does. The Escape itself still reaches the terminal, as it would in a real one (the line
 * editor ignores a lone Escape).
 */

/** The parts of a KeyboardEvent this decision reads. */
export interface KeyPress {
  readonly type: string;
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
}

/** Whether xterm.js handles a key (`terminal`) or leaves it to the page (`page`). */
export type KeyOwner = 'terminal' | 'page';

const MODIFIERS: ReadonlySet<string> = new Set(['Shift', 'Control', 'Alt', 'Meta']);

export class FocusExit {
  #armed = false;

  /** Whether the next Tab leaves the terminal. */
  get armed(): boolean {
    return this.#armed;
  }

  decide(press: KeyPress): KeyOwner {
    // F6 is the page's region key wherever the focus is; the terminal never sees it.
    if (press.key === 'F6') return 'page';
    if (press.type !== 'keydown') return 'terminal';
    // Holding Shift for Shift+Tab must not disarm the Escape that came before.
    if (MODIFIERS.has(press.key)) return 'terminal';
    const plain = !press.ctrlKey && !press.altKey && !press.metaKey;
    if (press.key === 'Tab' && this.#armed && plain) {
      this.#armed = false;
      return 'page';
    }
    this.#armed = press.key === 'Escape' && plain && !press.shiftKey;
    return 'terminal';
  }
}
