/**
 * Elastic tabstops as Go's text/tabwriter computes them, in the form docker's fork
 * (cli/command/formatter/tabwriter) uses for every table: cells are terminated by `\t` (or `\v`),
 * lines by `\n` (or `\f`, which also ends every column). Tab-terminated cells in consecutive lines
 * form a column block whose width is max(minWidth, widest cell + padding). The text after the
 * last tab of a line belongs to no column and is never padded. Widths are display cells.
 *
 * Not supported, because docker passes no flags: AlignRight, DiscardEmptyColumns, TabIndent,
 * FilterHTML, Debug and the 0xff escape character (which would swallow a real `ÿ`).
 */
import { displayWidth } from './display-width';

export interface TabWriterOptions {
  /** Minimal width of a column, padding included. */
  readonly minWidth: number;
  /** Width of a tab when padChar is a tab. */
  readonly tabWidth: number;
  /** Cells added to the widest cell of a column. */
  readonly padding: number;
  /** One character used for padding. */
  readonly padChar: string;
}

interface Cell {
  readonly text: string;
  readonly width: number;
}

/** docker's table settings (cli/command/formatter `NewContext`): minwidth 10, tabwidth 1, padding 3. */
export const DOCKER_TABLE_OPTIONS: TabWriterOptions = {
  minWidth: 10,
  tabWidth: 1,
  padding: 3,
  padChar: ' ',
};

export class TabWriter {
  private readonly options: TabWriterOptions;
  private output: string[] = [];
  /** Completed cells of each buffered line; the last entry is the line being written. */
  private lines: Cell[][] = [[]];
  private pendingText = '';
  /** Column widths of the blocks enclosing the lines being printed, outermost first. */
  private readonly widths: number[] = [];

  constructor(options: TabWriterOptions) {
    if (options.minWidth < 0 || options.tabWidth < 0 || options.padding < 0) {
      throw new RangeError('negative minwidth, tabwidth, or padding');
    }
    if (Array.from(options.padChar).length !== 1) {
      throw new RangeError('padChar must be exactly one character');
    }
    this.options = options;
  }

  write(text: string): void {
    let start = 0;
    for (let index = 0; index < text.length; index++) {
      const character = text[index];
      if (character !== '\t' && character !== '\v' && character !== '\n' && character !== '\f') {
        continue;
      }
      this.pendingText += text.slice(start, index);
      start = index + 1;
      const cellCount = this.terminateCell();
      if (character === '\n' || character === '\f') {
        this.lines.push([]);
        // A line with a single cell cannot widen any column below it, so everything buffered
        // can be laid out now; a form feed forces that and so closes every open column.
        if (character === '\f' || cellCount === 1) this.formatBuffered();
      }
    }
    this.pendingText += text.slice(start);
  }

  /** Lays out everything written so far and returns it; the writer starts afresh. */
  flush(): string {
    if (this.pendingText !== '') this.terminateCell();
    this.formatBuffered();
    const result = this.output.join('');
    this.output = [];
    return result;
  }

  private terminateCell(): number {
    const line = this.currentLine();
    line.push({ text: this.pendingText, width: displayWidth(this.pendingText) });
    this.pendingText = '';
    return line.length;
  }

  private currentLine(): Cell[] {
    const line = this.lines[this.lines.length - 1];
    if (line === undefined) throw new Error('tabwriter: no current line');
    return line;
  }

  private formatBuffered(): void {
    this.formatBlock(0, this.lines.length);
    // The pending text (if any) stays; it belongs to the line being written.
    this.lines = [[]];
    this.widths.length = 0;
  }

  /**
   * Prints lines [first, end). Each maximal run of lines that has a cell in the next column
   * forms a block: its width is fixed, then the lines are formatted again one column further.
   */
  private formatBlock(first: number, end: number): void {
    const column = this.widths.length;
    let unprinted = first;
    let lineIndex = first;
    while (lineIndex < end) {
      if (!this.hasColumn(lineIndex, column)) {
        lineIndex++;
        continue;
      }
      this.writeLines(unprinted, lineIndex);
      const blockStart = lineIndex;
      let width = this.options.minWidth;
      while (lineIndex < end && this.hasColumn(lineIndex, column)) {
        const cell = this.lines[lineIndex]?.[column];
        if (cell !== undefined) width = Math.max(width, cell.width + this.options.padding);
        lineIndex++;
      }
      this.widths.push(width);
      this.formatBlock(blockStart, lineIndex);
      this.widths.pop();
      unprinted = lineIndex;
    }
    this.writeLines(unprinted, end);
  }

  /** The last cell of a line is not tab-terminated, so it never belongs to a column. */
  private hasColumn(lineIndex: number, column: number): boolean {
    const line = this.lines[lineIndex];
    return line !== undefined && column < line.length - 1;
  }

  private writeLines(first: number, end: number): void {
    for (let lineIndex = first; lineIndex < end; lineIndex++) {
      const line = this.lines[lineIndex] ?? [];
      line.forEach((cell, column) => {
        this.output.push(cell.text);
        const width = this.widths[column];
        if (width !== undefined) this.output.push(this.padding(cell.width, width));
      });
      // The last buffered line is the one still being written: it has no newline yet.
      if (lineIndex + 1 < this.lines.length) this.output.push('\n');
    }
  }

  private padding(textWidth: number, cellWidth: number): string {
    const { padChar, tabWidth } = this.options;
    if (padChar !== '\t') return padChar.repeat(Math.max(0, cellWidth - textWidth));
    // With tab padding, the viewer expands tabs: round the cell up to a whole number of tabs.
    if (tabWidth === 0) return '';
    const roundedWidth = Math.ceil(cellWidth / tabWidth) * tabWidth;
    return '\t'.repeat(Math.ceil((roundedWidth - textWidth) / tabWidth));
  }
}
