import { builtinPrograms } from '../../src/cli/programs';
import { createSession, flush, memoryFiles } from './shell-harness';

const ESC = String.fromCharCode(0x1b);
const CLEAR = `${ESC}[H${ESC}[2J`;
const COLOURS = new RegExp(`${ESC}\\[[0-9]*m`, 'g');
const MOVES = new RegExp(`${ESC}\\[(\\d+);(\\d+)H`, 'g');
const LEAVE = `${ESC}[?1049l`;

/**
 * The last screen an editor drew, read back from what it wrote: each frame clears the screen,
 * then draws its rows from their starts, then places the cursor. Colours are dropped.
 */
export function lastFrame(output: string): {
  readonly rows: string[];
  readonly cursor: { readonly row: number; readonly column: number };
} {
  const start = output.lastIndexOf(CLEAR);
  if (start === -1) throw new Error('no frame was drawn');
  const body = output.slice(start + CLEAR.length).replace(COLOURS, '');
  const rows: string[] = [];
  let cursor = { row: 0, column: 0 };
  const moves = [...body.matchAll(MOVES)];
  moves.forEach((move, index) => {
    const row = Number(move[1]) - 1;
    const column = Number(move[2]) - 1;
    const textStart = move.index + move[0].length;
    const textEnd = moves[index + 1]?.index ?? body.length;
    let text = body.slice(textStart, textEnd);
    if (text.endsWith(LEAVE)) text = text.slice(0, -LEAVE.length);
    if (index === moves.length - 1 && text === '') cursor = { row, column };
    else rows[row] = text.replace(/\s+$/, '');
  });
  return { rows: Array.from(rows, (row) => row || ''), cursor };
}

/**
 * A shell on a machine with files, in a terminal of `columns` by `rows`, for driving an editor:
 * `type` feeds keys one call at a time, as xterm delivers them, and lets the editor draw.
 */
export function editorSession(columns: number, rows: number) {
  const machine = memoryFiles();
  const { session, terminal } = createSession({
    programs: builtinPrograms,
    files: machine.files,
    columns,
  });
  terminal.rows = rows;
  const type = async (...keys: string[]) => {
    for (const key of keys) {
      session.input(key);
      await flush();
    }
  };
  const screen = () => lastFrame(terminal.output);
  return { machine, session, terminal, type, screen };
}
