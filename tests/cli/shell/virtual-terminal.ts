/**
 * A tiny model of how xterm.js draws what the shell writes: printable characters with xterm's
 * deferred wrap at the right margin, CR, LF, backspace, and the cursor and erase sequences the
 * line editor uses. Enough to check that a redraw leaves the screen and cursor where they belong.
 */
// A CSI sequence: ESC [ parameters final-letter.
const csiPattern = new RegExp(`^${String.fromCharCode(0x1b)}\\[([0-9;]*)([A-Za-z])`);

export class VirtualTerminal {
  readonly columns: number;
  readonly rows: string[][] = [[]];
  row = 0;
  column = 0;
  #pendingWrap = false;

  constructor(columns: number) {
    this.columns = columns;
  }

  write(data: string): void {
    let index = 0;
    while (index < data.length) {
      const csi = csiPattern.exec(data.slice(index));
      if (csi !== null) {
        this.#control(csi[2] ?? '', Number(csi[1] || '0'));
        index += csi[0].length;
        continue;
      }
      this.#character(data.charAt(index));
      index++;
    }
  }

  /** The screen's text, one string per row, without trailing blanks. */
  lines(): string[] {
    const lines = this.rows.map((row) => row.join('').replace(/\s+$/, ''));
    while (lines.length > 0 && lines.at(-1) === '') lines.pop();
    return lines;
  }

  #rowAt(row: number): string[] {
    while (this.rows.length <= row) this.rows.push([]);
    return this.rows[row] ?? [];
  }

  #character(character: string): void {
    switch (character) {
      case '\r':
        this.column = 0;
        this.#pendingWrap = false;
        return;
      case '\n':
        this.row++;
        this.#pendingWrap = false;
        return;
      case '\b':
        this.column = Math.max(0, this.column - 1);
        this.#pendingWrap = false;
        return;
      case '\x07':
        return;
    }
    if (this.#pendingWrap) {
      this.row++;
      this.column = 0;
      this.#pendingWrap = false;
    }
    const row = this.#rowAt(this.row);
    while (row.length < this.column) row.push(' ');
    row[this.column] = character;
    if (this.column === this.columns - 1) this.#pendingWrap = true;
    else this.column++;
  }

  #control(final: string, parameter: number): void {
    const count = Math.max(1, parameter);
    this.#pendingWrap = false;
    switch (final) {
      case 'A':
        this.row = Math.max(0, this.row - count);
        return;
      case 'B':
        this.row += count;
        return;
      case 'C':
        this.column = Math.min(this.columns - 1, this.column + count);
        return;
      case 'D':
        this.column = Math.max(0, this.column - count);
        return;
      case 'H':
        this.row = 0;
        this.column = 0;
        return;
      case 'J':
        if (parameter === 0) this.#eraseBelow();
        else this.rows.splice(0, this.rows.length, []);
        return;
      case 'K':
        this.#rowAt(this.row).splice(this.column);
        return;
    }
  }

  #eraseBelow(): void {
    this.#rowAt(this.row).splice(this.column);
    this.rows.splice(this.row + 1);
  }
}
