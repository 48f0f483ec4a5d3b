import { describe, expect, it } from 'vitest';
import { flush } from '../../support/shell-harness';
import { editorSession, lastFrame } from '../../support/editor-screen';

const CONTROL_O = '\x0f';
const CONTROL_X = '\x18';

const nanoSession = (columns = 60, rows = 12) => editorSession(columns, rows);

describe('nano', () => {
  it('writes a new file typed over several lines, then exits to the shell as it was', async () => {
    const { machine, session, terminal, type } = nanoSession();
    const done = session.submit('nano stack.yml');
    await flush();
    let screen = lastFrame(terminal.output);
    expect(screen.rows[0]).toMatch(/^ {2}GNU nano 7\.2 +stack\.yml$/);
    expect(screen.rows[9]).toContain('[ New File ]');
    expect(screen.rows[10]).toContain('^O Write Out');
    expect(screen.rows[11]).toContain('^X Exit');

    await type('services:\r', '  web:\r', '    image: nginx');
    screen = lastFrame(terminal.output);
    expect(screen.rows.slice(1, 4)).toEqual(['services:', '  web:', '    image: nginx']);
    expect(screen.rows[0]).toMatch(/Modified$/);
    expect(screen.cursor).toEqual({ row: 3, column: 16 });

    await type(CONTROL_O);
    expect(lastFrame(terminal.output).rows[9]).toBe('File Name to Write: stack.yml');
    await type('\r');
    expect(lastFrame(terminal.output).rows[9]).toContain('[ Wrote 3 lines ]');
    expect(machine.tree.read('/root/stack.yml')).toEqual({
      ok: true,
      value: 'services:\n  web:\n    image: nginx\n',
    });
    terminal.take();
    await type(CONTROL_X);
    expect(await done).toMatchObject({ exitCode: 0 });
    expect(terminal.output).toContain('\x1b[?1049l');
    expect((await session.submit('cat stack.yml')).output).toBe(
      'services:\n  web:\n    image: nginx\n',
    );
  });

  it('reads a file, edits it with the arrows, Backspace and ^K/^U, and asks before leaving it modified', async () => {
    const { machine, session, terminal, type } = nanoSession();
    await session.submit("printf 'one\\ntwo\\nthree\\n' > list.txt");
    const done = session.submit('nano list.txt');
    await flush();
    expect(lastFrame(terminal.output).rows[9]).toContain('[ Read 3 lines ]');
    // Down to "two", cut it, down past "three", paste it below.
    await type('\x1b[B', '\x0b', '\x1b[B', '\x15');
    expect(lastFrame(terminal.output).rows.slice(1, 5)).toEqual(['one', 'three', 'two', '']);
    // End of "one", erase its last letter, type a new one.
    await type('\x1b[A', '\x1b[A', '\x1b[A', '\x05', '\x7f', 'E');
    expect(lastFrame(terminal.output).rows[1]).toBe('onE');

    await type(CONTROL_X);
    expect(lastFrame(terminal.output).rows[9]).toBe('Save modified buffer?');
    expect(lastFrame(terminal.output).rows[10]).toContain('Y Yes');
    // ^C cancels the question; the buffer stays.
    await type('\x03');
    expect(lastFrame(terminal.output).rows[9]).toContain('[ Cancelled ]');
    await type(CONTROL_X, 'y', '\r');
    expect(await done).toMatchObject({ exitCode: 0 });
    expect(machine.tree.read('/root/list.txt')).toEqual({
      ok: true,
      value: 'onE\nthree\ntwo\n',
    });
  });

  it('leaves without saving on N, and says so when a write fails', async () => {
    const { machine, session, terminal, type } = nanoSession();
    const done = session.submit('nano notes');
    await flush();
    await type('draft', CONTROL_O, '\x15', 'no/such/notes', '\r');
    expect(lastFrame(terminal.output).rows[9]).toContain(
      '[ Error writing no/such/notes: No such file or directory ]',
    );
    await type(CONTROL_X, 'n');
    expect(await done).toMatchObject({ exitCode: 0 });
    expect(machine.tree.read('/root/notes')).toMatchObject({ ok: false });
  });

  it('finds text with ^W, and shows where the cursor is with ^C', async () => {
    const { session, terminal, type } = nanoSession();
    await session.submit("printf 'alpha\\nbeta\\ngamma\\n' > g.txt");
    const done = session.submit('nano g.txt');
    await flush();
    await type('\x17', 'mm', '\r');
    expect(lastFrame(terminal.output).cursor).toEqual({ row: 3, column: 2 });
    await type('\x03');
    expect(lastFrame(terminal.output).rows[9]).toContain(
      '[ line 3/4 (75%), col 3/6 (50%), char 13/17 (76%) ]',
    );
    // Alt+W (the browser keeps ^W) finds the same text again: the only match, from itself.
    await type('\x1bw');
    expect(lastFrame(terminal.output).rows[9]).toContain('[ This is the only occurrence ]');
    await type('\x17', 'zeta', '\r');
    expect(lastFrame(terminal.output).rows[9]).toContain('[ "zeta" not found ]');
    await type(CONTROL_X);
    expect(await done).toMatchObject({ exitCode: 0 });
  });

  it('needs the terminal, and refuses options it does not have', async () => {
    const { session } = nanoSession();
    expect(await session.submit('nano x > /dev/null')).toEqual({
      output: "nano: the playground's nano needs the terminal as its output\n",
      exitCode: 1,
    });
    expect(await session.submit('nano -w x')).toEqual({
      output: "nano: the playground's nano takes no options (-w)\n",
      exitCode: 1,
    });
  });
});
