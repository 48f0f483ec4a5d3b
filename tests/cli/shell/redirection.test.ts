import { describe, expect, it } from 'vitest';
import { builtinPrograms } from '../../../src/cli/programs';
import { createSession, memoryFiles } from '../../support/shell-harness';

function shell() {
  const machine = memoryFiles();
  const { session } = createSession({ programs: builtinPrograms, files: machine.files });
  return { session, tree: machine.tree };
}

describe('redirections to the machine files', () => {
  it('> creates or truncates, >> appends, < reads, relative to /root', async () => {
    const { session, tree } = shell();
    expect(await session.submit('echo one > notes.txt')).toEqual({ output: '', exitCode: 0 });
    await session.submit('echo two >> notes.txt');
    expect(tree.read('/root/notes.txt')).toEqual({ ok: true, value: 'one\ntwo\n' });
    expect(await session.submit('cat < notes.txt')).toEqual({ output: 'one\ntwo\n', exitCode: 0 });
    await session.submit("printf '%s\\n' x > notes.txt");
    expect(await session.submit('cat notes.txt /root/notes.txt')).toEqual({
      output: 'x\nx\n',
      exitCode: 0,
    });
  });

  it('opens the file before the command runs, as bash does', async () => {
    const { session, tree } = shell();
    await session.submit('false > empty');
    expect(tree.read('/root/empty')).toEqual({ ok: true, value: '' });
  });

  it("says bash's errors and does not run the command", async () => {
    const { session } = shell();
    expect(await session.submit('echo x > nodir/f')).toEqual({
      output: 'bash: nodir/f: No such file or directory\n',
      exitCode: 1,
    });
    expect(await session.submit('echo x > /tmp')).toEqual({
      output: 'bash: /tmp: Is a directory\n',
      exitCode: 1,
    });
    expect(await session.submit('cat < missing')).toEqual({
      output: 'bash: missing: No such file or directory\n',
      exitCode: 1,
    });
    expect(await session.submit('cat missing')).toEqual({
      output: 'cat: missing: No such file or directory\n',
      exitCode: 1,
    });
  });
});

describe('here-documents', () => {
  it('typed over several lines, with the > continuation prompt, expands an unquoted body', async () => {
    const machine = memoryFiles();
    const { session, terminal } = createSession({
      programs: builtinPrograms,
      files: machine.files,
    });
    const typed = async (line: string) => {
      for (const key of `${line}\r`) session.input(key);
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    await typed('NAME=db');
    terminal.take();
    await typed('cat > app.conf <<EOF');
    expect(terminal.take()).toContain('\r\n> ');
    await typed('host=$NAME');
    expect(terminal.take()).toContain('> ');
    await typed('EOF');
    expect(machine.tree.read('/root/app.conf')).toEqual({ ok: true, value: 'host=db\n' });
  });

  it('pasted as one block; a quoted delimiter keeps $ as typed; <<- strips tabs', async () => {
    const { session, tree } = shell();
    expect(await session.submit('cat > s.txt <<\'EOF\'\n$HOME "q"\n  kept\nEOF')).toEqual({
      // The terminal shows each pasted line after its `> ` prompt, as bash echoes them.
      output: '> $HOME "q"\n>   kept\n> EOF\n',
      exitCode: 0,
    });
    expect(tree.read('/root/s.txt')).toEqual({ ok: true, value: '$HOME "q"\n  kept\n' });
    await session.submit('cat <<-END > t.txt\n\tone\n\t\ttwo\n\tEND');
    expect(tree.read('/root/t.txt')).toEqual({ ok: true, value: 'one\ntwo\n' });
    expect(await session.submit('cat <<EOF\n$HOME "x"\nEOF')).toEqual({
      output: '> $HOME "x"\n> EOF\n/root "x"\n',
      exitCode: 0,
    });
  });
});
