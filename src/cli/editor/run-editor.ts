import { errorText, resolvePath, type HostFiles } from '../../lib/filesystem';
import type { ProcessContext, TerminalControl } from '../process';
import { ENTER_ALTERNATE_SCREEN, LEAVE_ALTERNATE_SCREEN } from './screen';
import type { SaveFile } from './save-file';

/** A full-screen editor as the runner drives it: one key at a time, then a fresh screen. */
export interface FullScreenEditor {
  press(key: string): Promise<'continue' | 'exit'>;
  render(rows: number, columns: number): string;
}

/** What an editor finds when it opens a file. */
export type OpenedFile =
  | { readonly kind: 'read'; readonly text: string }
  | { readonly kind: 'new' }
  | { readonly kind: 'directory' }
  | { readonly kind: 'error'; readonly error: string };

/** What an editor needs before it starts: the machine's files, and the terminal to draw on. */
export interface EditorSetup {
  readonly files: HostFiles;
  readonly terminal: TerminalControl;
  readonly resolve: (name: string) => string;
  readonly save: SaveFile;
}

/**
 * Checks that `program` can run here: a terminal to draw on (a pipe or a redirect has none)
 * and the machine's files. Prints why not and returns the exit status otherwise.
 */
export function editorSetup(context: ProcessContext, program: string): EditorSetup | number {
  const { files } = context.host;
  if (context.terminal === null) {
    context.stderr.write(
      `${program}: the playground's ${program} needs the terminal as its output\n`,
    );
    return 1;
  }
  if (files === undefined) {
    context.stderr.write(`${program}: this machine has no files in this playground\n`);
    return 1;
  }
  const cwd = context.host.cwd ?? '/root';
  const resolve = (name: string) => resolvePath(name, cwd);
  const save: SaveFile = async (path, text) => {
    const written = await files.write(path, text, false);
    return written.ok ? { ok: true } : { ok: false, error: errorText(written.error) };
  };
  return { files, terminal: context.terminal, resolve, save };
}

export async function openFile(setup: EditorSetup, name: string): Promise<OpenedFile> {
  if (name === '') return { kind: 'new' };
  const read = await setup.files.read(setup.resolve(name));
  if (read.ok) return { kind: 'read', text: read.value };
  if (read.error === 'ENOENT') return { kind: 'new' };
  if (read.error === 'EISDIR') return { kind: 'directory' };
  return { kind: 'error', error: errorText(read.error) };
}

/**
 * Runs an editor on the alternate screen, the terminal raw, until the editor exits; the
 * shell's screen then comes back as it was, as it does after nano or vim in xterm.
 */
export async function runFullScreen(
  context: ProcessContext,
  terminal: TerminalControl,
  editor: FullScreenEditor,
): Promise<void> {
  const raw = terminal.raw();
  const draw = () => editor.render(terminal.rows, terminal.columns);
  context.stdout.write(ENTER_ALTERNATE_SCREEN + draw());
  try {
    for (;;) {
      const input = await raw.next();
      if (input === null) return;
      if (input.kind === 'key' && (await editor.press(input.key)) === 'exit') return;
      context.stdout.write(draw());
    }
  } finally {
    raw.close();
    context.stdout.write(LEAVE_ALTERNATE_SCREEN);
  }
}
