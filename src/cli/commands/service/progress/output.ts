import type { OutputStream, TerminalControl } from '../../../process';

/**
 * The progress stream of docker's service commands and how the CLI draws it: moby's
 * progress.Progress records, written as JSON messages and shown by jsonmessage's
 * DisplayJSONMessagesStream. On a terminal each ID keeps its own line, redrawn in place with
 * cursor-up, erase-line and carriage return; a bar is drawn only on a terminal wider than 110
 * columns. Without a terminal every record is a new line, and records that carry a bar
 * (Current or Total set) are not shown at all.
 */

/** moby's progress.Progress: a Message (a plain line) or an Action with optional counts. */
export interface Progress {
  readonly id: string;
  readonly message?: string;
  readonly action?: string;
  readonly current?: number;
  readonly total?: number;
}

export interface ProgressOutput {
  write(progress: Progress): void;
}

/** Where progress goes with `-q`: nowhere. */
export const DISCARD_PROGRESS: ProgressOutput = { write: () => undefined };

const ESC = '\u001b[';
const BAR_WIDTH = 50;
const BARS_MIN_COLUMNS = 110;

/** JSONProgress.String() for a progress record with HideCounts, on a terminal `columns` wide. */
function progressText(progress: Progress, columns: number): string {
  const current = progress.current ?? 0;
  const total = progress.total ?? 0;
  if (current <= 0 && total <= 0) return '';
  if (columns <= BARS_MIN_COLUMNS || total <= 0) return '';
  const percentage = Math.min(Math.trunc(Math.trunc((current / total) * 100) / 2), BAR_WIDTH);
  const spaces = Math.max(BAR_WIDTH - percentage, 0);
  return `[${'='.repeat(percentage)}>${' '.repeat(spaces)}] `;
}

/** DisplayJSONMessagesStream over one output stream. */
export class ProgressDisplay implements ProgressOutput {
  /** The line of each progress ID, counted from the first; cleared by a plain message. */
  #lines = new Map<string, number>();

  constructor(
    private readonly out: OutputStream,
    private readonly terminal: Pick<TerminalControl, 'columns'> | null,
  ) {}

  write(progress: Progress): void {
    if (progress.message !== undefined && progress.message !== '') {
      this.#lines = new Map();
      const prefix = progress.id === '' ? '' : `${progress.id}: `;
      this.out.write(`${prefix}${progress.message}\n`);
      return;
    }
    if (this.terminal === null) {
      this.#writePlain(progress);
      return;
    }
    this.#writeOnTerminal(progress, this.terminal.columns);
  }

  #lineOf(id: string): { diff: number; isNew: boolean } {
    let line = this.#lines.get(id);
    const isNew = line === undefined;
    if (line === undefined) {
      line = this.#lines.size;
      this.#lines.set(id, line);
    }
    return { diff: this.#lines.size - line, isNew };
  }

  #writePlain(progress: Progress): void {
    if (progress.id !== '') this.#lineOf(progress.id);
    else this.#lines = new Map();
    // Without a terminal a record with counts would be a bar: jsonmessage drops it.
    if ((progress.current ?? 0) > 0 || (progress.total ?? 0) > 0) return;
    const prefix = progress.id === '' ? '' : `${progress.id}: `;
    this.out.write(`${prefix}${progress.action ?? ''}\n`);
  }

  #writeOnTerminal(progress: Progress, columns: number): void {
    let diff = 0;
    if (progress.id !== '') {
      const line = this.#lineOf(progress.id);
      diff = line.diff;
      if (line.isNew) this.out.write('\n');
      this.out.write(`${ESC}${diff}A`);
    } else {
      this.#lines = new Map();
    }
    const prefix = progress.id === '' ? '' : `${progress.id}: `;
    const text = progressText(progress, columns);
    this.out.write(`${ESC}2K\r${prefix}${progress.action ?? ''} ${text}\r`);
    if (progress.id !== '') this.out.write(`${ESC}${diff}B`);
  }
}
