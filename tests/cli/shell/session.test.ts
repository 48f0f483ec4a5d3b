import type { ProgramEntry } from '../../../src/cli/process';
import { describe, expect, it } from 'vitest';
import { blockingProgram, createSession, flush, testPrograms } from '../../support/shell-harness';

const prompt = 'root@manager1:~# ';

describe('ShellSession prompt and echo', () => {
  it('prints the prompt on start', () => {
    const { session, terminal } = createSession();
    session.input('');
    expect(terminal.take()).toBe('');
    const fresh = createSession();
    expect(fresh.terminal.output).toBe('');
  });

  it('echoes typed keys and runs the line on Enter', async () => {
    const { session, terminal } = createSession();
    session.input('echo hi');
    expect(terminal.take()).toBe('echo hi');
    session.input('\r');
    await flush();
    expect(terminal.take()).toBe(`\r\nhi\r\n${prompt}`);
  });

  it('resolves submit with the plain output and the status', async () => {
    const { session, terminal } = createSession();
    expect(await session.submit('echo hello world')).toEqual({
      output: 'hello world\n',
      exitCode: 0,
    });
    expect(terminal.take()).toBe(`echo hello world\r\nhello world\r\n${prompt}`);
  });

  it('strips escape sequences from what submit returns', async () => {
    const { session } = createSession();
    expect(await session.submit("printf '\\033[1mbold\\033[0m\\n'")).toEqual({
      output: 'bold\n',
      exitCode: 0,
    });
  });

  it('shows a new prompt for an empty line without running anything', () => {
    const { session, terminal } = createSession();
    session.input('\r');
    expect(terminal.take()).toBe(`\r\n${prompt}`);
  });
});

describe('ShellSession lists and status', () => {
  it.each([
    ['true && echo yes', 'yes\n', 0],
    ['false && echo yes', '', 1],
    ['false || echo no', 'no\n', 0],
    ['true || echo no', '', 0],
    ['false; echo $?', '1\n', 0],
    ['status 3; echo $?', '3\n', 0],
    ['status 3 || echo $?', '3\n', 0],
    ['false && echo a || echo b', 'b\n', 0],
    ['true && false || echo c', 'c\n', 0],
    ['status 4 | status 0; echo $?', '0\n', 0],
    ['status 0 | status 4', '', 4],
    ['! true', '', 1],
    ['! false', '', 0],
    ['nosuch; echo $?', 'bash: nosuch: command not found\n127\n', 0],
    ['nosuch', 'bash: nosuch: command not found\n', 127],
    ['./run.sh', 'bash: ./run.sh: No such file or directory\n', 127],
    ['echo a | ; echo b', "bash: syntax error near unexpected token `;'\n", 2],
  ])('runs %j', async (line, output, exitCode) => {
    const { session } = createSession();
    expect(await session.submit(line)).toEqual({ output, exitCode });
  });

  it('keeps $? across lines', async () => {
    const { session } = createSession();
    await session.submit('status 7');
    expect((await session.submit('echo $?')).output).toBe('7\n');
    expect((await session.submit('echo $?')).output).toBe('0\n');
  });

  it('sets $? to 2 after a syntax error', async () => {
    const { session } = createSession();
    await session.submit('echo |');
    await session.submit('| x');
    expect((await session.submit('echo $?')).output).toBe('2\n');
  });
});

describe('ShellSession expansion', () => {
  it.each([
    ['X=1; echo $X ${X}x "$X"', '1 1x 1\n'],
    ['X=\'a  b\'; args $X "$X"', '[a][b][a  b]\n'],
    ['args $UNSET "" "$UNSET" x', '[][][x]\n'],
    ['args ~ ~/x "~"', '[/root][/root/x][~]\n'],
    ['echo $HOSTNAME $HOME', 'manager1 /root\n'],
    ['args $(echo a b) "$(echo a b)"', '[a][b][a b]\n'],
    ['X=$(hostname); echo "[$X]"', '[manager1]\n'],
    ['echo `echo hi`', 'hi\n'],
    ['args \'a\'"b"c\\ d', '[abc d]\n'],
    ['X=1 Y=2; echo $X$Y', '12\n'],
    [
      'echo ${X:-default}',
      'bash: ${X:-default}: parameter operators are not simulated in this playground; use $NAME or ${NAME}\n',
    ],
  ])('expands %j', async (line, output) => {
    const { session } = createSession();
    expect((await session.submit(line)).output).toBe(output);
  });

  it('passes exported variables to programs, and prefix assignments to one command', async () => {
    const seen: (string | undefined)[] = [];
    const envProgram = {
      name: 'showenv',
      summary: 'Show FOO',
      run: ({ host }: { host: { env: ReadonlyMap<string, string> } }) => {
        seen.push(host.env.get('FOO'));
        return Promise.resolve(0);
      },
    };
    const { session } = createSession({ programs: [...testPrograms, envProgram] });
    await session.submit('FOO=1; showenv');
    await session.submit('FOO=2 showenv');
    await session.submit('showenv');
    await session.submit('export FOO=3; showenv');
    expect(seen).toEqual([undefined, '2', undefined, '3']);
    expect((await session.submit('echo $FOO')).output).toBe('3\n');
  });

  it('does not let a command substitution change the shell', async () => {
    const { session } = createSession();
    expect((await session.submit('X=1; Y=$(X=2; echo $X); echo $X $Y')).output).toBe('1 2\n');
  });
});

describe('ShellSession pipes and redirections', () => {
  it.each([
    ['echo hello | upper', 'HELLO\n'],
    ['echo hello | upper | upper', 'HELLO\n'],
    ['printf "b\\na\\nb\\n" | sort -u | wc -l', '2\n'],
    ['err oops | upper', 'oops\n'],
    ['err oops |& upper', 'OOPS\n'],
    ['err oops 2>&1 | upper', 'OOPS\n'],
    ['err oops 2>/dev/null', ''],
    ['echo out >/dev/null', ''],
    ['err x >/dev/null 2>&1', ''],
    ['err x 2>&1 >/dev/null', 'x\n'],
    ['err x &>/dev/null', ''],
    ['echo x 1>&2', 'x\n'],
    ['upper <<< "here string"', 'HERE STRING\n'],
    ['upper </dev/null; echo done', 'done\n'],
    [
      'echo x > out.txt; echo $?',
      'bash: out.txt: files are not simulated in this playground; only /dev/null can be written\n1\n',
    ],
    [
      'upper < in.txt',
      'bash: in.txt: reading files is not simulated in this playground; use echo ... | command\n',
    ],
  ])('runs %j', async (line, output) => {
    const { session } = createSession();
    expect((await session.submit(line)).output).toBe(output);
  });

  it('gives the terminal only to the ends of a pipeline that touch it', async () => {
    const { session } = createSession();
    expect((await session.submit('tty-check')).output).toBe('stdin:true stdout:true\n');
    expect((await session.submit('tty-check | upper')).output).toBe('STDIN:TRUE STDOUT:FALSE\n');
    expect((await session.submit('echo | tty-check')).output).toBe('stdin:false stdout:true\n');
    expect((await session.submit('tty-check > /dev/null; tty-check </dev/null')).output).toBe(
      'stdin:false stdout:true\n',
    );
  });

  it('converts program newlines to terminal newlines', async () => {
    const { session, terminal } = createSession();
    await session.submit('printf "a\\nb\\n"');
    expect(terminal.take()).toContain('a\r\nb\r\n');
  });
});

describe('ShellSession Ctrl+C', () => {
  it('cancels the running command with ^C and status 130', async () => {
    const blocker = blockingProgram();
    const { session, terminal } = createSession({ programs: [...testPrograms, blocker.entry] });
    const result = session.submit('block; echo after');
    await flush();
    expect(blocker.started()).toBe(true);
    expect(session.busy).toBe(true);
    session.input('\x03');
    expect(await result).toEqual({ output: 'waiting\n^C\n', exitCode: 130 });
    expect(blocker.cancelledSeen()).toBe(true);
    expect(terminal.take()).toBe(`block; echo after\r\nwaiting\r\n^C\r\n${prompt}`);
    expect((await session.submit('echo $?')).output).toBe('130\n');
  });

  it("lets a program that traps Ctrl+C finish and print, as docker's progress display does", async () => {
    const trapper: ProgramEntry = {
      name: 'trapper',
      summary: 'waits for Ctrl+C, then says so',
      run: async ({ stdout, cancel, trapInterrupt }) => {
        const release = trapInterrupt?.() ?? (() => undefined);
        stdout.write('waiting\n');
        await new Promise<void>((resolve) => cancel.onCancel(resolve));
        stdout.write('Operation continuing in background.\n');
        release();
        return 0;
      },
    };
    const { session } = createSession({ programs: [...testPrograms, trapper] });
    const result = session.submit('trapper');
    await flush();
    session.input('\x03');
    expect((await result).output).toBe('waiting\n^COperation continuing in background.\n');
  });

  it('interrupt() does what Ctrl+C does', async () => {
    const blocker = blockingProgram();
    const { session } = createSession({ programs: [...testPrograms, blocker.entry] });
    const result = session.submit('block && echo no || echo no');
    await flush();
    session.interrupt();
    expect(await result).toEqual({ output: 'waiting\n^C\n', exitCode: 130 });
  });

  it('drops what a cancelled program writes afterwards', async () => {
    let late: ((text: string) => void) | undefined;
    const lateProgram = {
      name: 'late',
      summary: 'Writes after cancel',
      run: ({ stdout }: { stdout: { write(text: string): void } }) => {
        late = (text) => {
          stdout.write(text);
        };
        return new Promise<number>(() => undefined);
      },
    };
    const { session, terminal } = createSession({ programs: [...testPrograms, lateProgram] });
    const result = session.submit('late');
    await flush();
    session.interrupt();
    await result;
    late?.('too late\n');
    expect((await session.submit('echo ok')).output).toBe('ok\n');
    expect(terminal.take()).not.toContain('too late');
  });

  it('abandons the line being typed, with $? 130', async () => {
    const { session, terminal } = createSession();
    session.input('echo abc\x1b[D\x03');
    expect(terminal.take()).toBe(`echo abc\x1b[1D\x1b[1C^C\r\n${prompt}`);
    expect((await session.submit('echo $?')).output).toBe('130\n');
  });

  it('drops type-ahead on Ctrl+C, as the terminal driver does', async () => {
    const blocker = blockingProgram();
    const { session, terminal } = createSession({ programs: [...testPrograms, blocker.entry] });
    session.input('block\recho typed-ahead\r');
    await flush();
    session.input('\x03');
    await flush();
    expect(terminal.take()).not.toContain('typed-ahead');
  });
});

describe('ShellSession type-ahead and paste', () => {
  it('runs a pasted block line by line', async () => {
    const { session, terminal } = createSession();
    session.input('echo one\recho two\r');
    await flush();
    await flush();
    expect(terminal.take()).toBe(`echo one\r\none\r\n${prompt}echo two\r\ntwo\r\n${prompt}`);
  });

  it('treats CRLF in a paste as one Enter', async () => {
    const { session, terminal } = createSession();
    session.input('echo one\r\necho two\r\n');
    await flush();
    await flush();
    expect(terminal.take()).toBe(`echo one\r\none\r\n${prompt}echo two\r\ntwo\r\n${prompt}`);
  });

  it('buffers keys typed while a command runs and shows them at the next prompt', async () => {
    const blocker = blockingProgram();
    const { session, terminal } = createSession({ programs: [...testPrograms, blocker.entry] });
    session.input('block\r');
    await flush();
    session.input('echo la');
    session.input('ter');
    expect(terminal.take()).toBe(`block\r\nwaiting\r\n`);
    blocker.release(0);
    await flush();
    expect(terminal.take()).toBe(`${prompt}echo later`);
    session.input('\r');
    await flush();
    expect(terminal.take()).toBe(`\r\nlater\r\n${prompt}`);
  });

  it('runs submissions one after another, after the running command', async () => {
    const blocker = blockingProgram();
    const { session } = createSession({ programs: [...testPrograms, blocker.entry] });
    const first = session.submit('block');
    const second = session.submit('echo second');
    await flush();
    blocker.release(5);
    expect(await first).toEqual({ output: 'waiting\n', exitCode: 5 });
    expect(await second).toEqual({ output: 'second\n', exitCode: 0 });
  });

  it('abandons a half-typed line before running a submission', async () => {
    const { session, terminal } = createSession();
    session.input('docker no');
    expect(await session.submit('echo ok')).toEqual({ output: 'ok\n', exitCode: 0 });
    expect(terminal.take()).toBe(`docker no^C\r\n${prompt}echo ok\r\nok\r\n${prompt}`);
  });

  it('captures every line of a multi-line submission', async () => {
    const { session } = createSession();
    expect(await session.submit('echo a\necho b')).toEqual({
      output: `a\n${prompt}echo b\nb\n`,
      exitCode: 0,
    });
  });
});

describe('ShellSession continuation', () => {
  it('continues an unterminated quote on a > prompt', async () => {
    const { session, terminal } = createSession();
    session.input("echo 'a\r");
    expect(terminal.take()).toBe(`echo 'a\r\n> `);
    session.input("b'\r");
    await flush();
    expect(terminal.take()).toBe(`b'\r\na\r\nb\r\n${prompt}`);
    expect(session.history).toEqual(["echo 'a\nb'"]);
  });

  it('continues after a pipe and after a backslash', async () => {
    const { session } = createSession();
    expect(await session.submit('echo abc |')).toEqual({ output: '', exitCode: 0 });
    expect(await session.submit('upper')).toEqual({ output: 'ABC\n', exitCode: 0 });
    await session.submit('echo x \\');
    expect((await session.submit('y')).output).toBe('x y\n');
    expect(session.history).toEqual(['echo abc | upper', 'echo x y']);
  });

  it('abandons a continuation on Ctrl+C', async () => {
    const { session, terminal } = createSession();
    session.input("echo 'a\r\x03");
    expect(terminal.take()).toBe(`echo 'a\r\n> ^C\r\n${prompt}`);
    expect((await session.submit('echo b')).output).toBe('b\n');
  });

  it('reports end of file on Ctrl+D in a continuation', () => {
    const { session, terminal } = createSession();
    session.input('echo "a\r\x04');
    expect(terminal.take()).toBe(
      `echo "a\r\n> \r\nbash: syntax error: unexpected end of file\r\n${prompt}`,
    );
  });
});

describe('ShellSession history', () => {
  it('adds lines, skips blanks and repeats, and reports each change', async () => {
    const changes: (readonly string[])[] = [];
    const { session } = createSession({
      history: ['old'],
      onHistoryChange: (history) => changes.push(history),
    });
    await session.submit('echo a');
    await session.submit('echo a');
    await session.submit('   ');
    await session.submit('nosuch');
    expect(session.history).toEqual(['old', 'echo a', 'nosuch']);
    expect(changes).toEqual([
      ['old', 'echo a'],
      ['old', 'echo a', 'nosuch'],
    ]);
  });

  it('recalls earlier lines with Up', async () => {
    const { session, terminal } = createSession({ history: ['echo first'] });
    await session.submit('echo second');
    terminal.take();
    session.input('\x1b[A\x1b[A\r');
    await flush();
    expect(terminal.take()).toContain('first\r\n');
  });

  it('numbers the history as bash does, including the history command itself', async () => {
    const { session } = createSession({ history: ['echo a'] });
    expect((await session.submit('history')).output).toBe('    1  echo a\n    2  history\n');
  });

  it('caps the history at 1000 entries', async () => {
    const old = Array.from({ length: 1000 }, (_, index) => `echo ${index}`);
    const { session } = createSession({ history: old });
    await session.submit('echo new');
    expect(session.history).toHaveLength(1000);
    expect(session.history[0]).toBe('echo 1');
    expect(session.history.at(-1)).toBe('echo new');
  });
});

describe('ShellSession secret input and end of file', () => {
  it('reads a hidden line without echoing it', async () => {
    const { session, terminal } = createSession();
    const result = session.submit('secret');
    await flush();
    session.input('SWMKEY-1-abc');
    session.input('\x7f\r');
    expect(await result).toEqual({
      output: 'Enter unlock key: \nread 11 characters\n',
      exitCode: 0,
    });
    expect(terminal.take()).not.toContain('SWMKEY');
  });

  it('reads the hidden line from type-ahead, as a pasted key would be', async () => {
    const { session, terminal } = createSession();
    session.input('secret\rabc\r');
    await flush();
    await flush();
    expect(terminal.take()).toBe(`secret\r\nEnter unlock key: \r\nread 3 characters\r\n${prompt}`);
  });

  it('echoes a confirmation line as it is typed and erased', async () => {
    const { session, terminal } = createSession();
    const result = session.submit('confirm');
    await flush();
    terminal.take();
    session.input('yn');
    session.input('\x7f\r');
    expect(await result).toMatchObject({ exitCode: 0 });
    // What the terminal drew: each key as typed, the erased one rubbed out, then the answer.
    expect(terminal.take()).toContain('yn\b \b\r\nanswer y');
  });

  it('gives up the hidden read on Ctrl+C', async () => {
    const { session } = createSession();
    const result = session.submit('secret');
    await flush();
    session.input('abc\x03');
    expect(await result).toEqual({ output: 'Enter unlock key: ^C\n', exitCode: 130 });
  });

  it('gives a program reading the terminal each typed line, until Ctrl+D on an empty line', async () => {
    const { session, terminal } = createSession();
    const result = session.submit('upper');
    await flush();
    terminal.take();
    session.input('ab\rc');
    await flush();
    // Still reading: Enter handed over a line, and the input has not ended.
    expect(terminal.take()).toBe('ab\r\nc');
    // Ctrl+D after text hands the text over without a newline; a second one ends the input.
    session.input('d\x04\x04');
    expect(await result).toEqual({ output: 'ab\ncdAB\nCD', exitCode: 0 });
  });

  it('ends a program reading the terminal on Ctrl+C, with what it read dropped', async () => {
    const { session } = createSession();
    const result = session.submit('upper; echo $?');
    await flush();
    session.input('abc\r\x03');
    expect(await result).toEqual({ output: 'abc\n^C\n', exitCode: 130 });
  });

  it('refuses to close the shell on Ctrl+D or exit', async () => {
    const { session, terminal } = createSession();
    session.input('\x04');
    expect(terminal.take()).toBe(
      `\r\nbash: exit: the playground cannot close this machine's shell\r\n${prompt}`,
    );
    expect(await session.submit('exit')).toEqual({
      output: "bash: exit: the playground cannot close this machine's shell\n",
      exitCode: 1,
    });
  });
});

describe('ShellSession screen and completion', () => {
  it('clears the screen with Ctrl+L and keeps the line', () => {
    const { session, terminal } = createSession();
    session.input('echo a\x0c');
    expect(terminal.take()).toBe(`echo a\x1b[H\x1b[2J${prompt}echo a\x1b[J`);
  });

  it('completes a program name with a trailing space', () => {
    const { session, terminal } = createSession();
    session.input('hostn\t');
    expect(terminal.take()).toBe('hostname ');
  });

  it('rings, then lists candidates on a second Tab', () => {
    const { session, terminal } = createSession();
    session.input('h');
    terminal.take();
    session.input('\t');
    expect(terminal.take()).toBe('\x07');
    session.input('\t');
    expect(terminal.take()).toBe(`\r\nhead      help      history   hostname\r\n${prompt}h\x1b[J`);
  });

  it('completes the common prefix first', () => {
    const { session, terminal } = createSession();
    session.input('hi\t');
    expect(terminal.take()).toBe('history ');
    session.input('\x15he\t');
    expect(terminal.take()).toContain('he');
  });

  it('asks the program for later words', () => {
    const completing = {
      name: 'docker',
      summary: 'fake',
      run: () => Promise.resolve(0),
      complete: ({ words }: { words: readonly string[] }) =>
        words.length === 1 ? ['node', 'network', 'service'] : ['ls', 'ps'],
    };
    const { session, terminal } = createSession({ programs: [...testPrograms, completing] });
    session.input('docker s\t');
    expect(terminal.take()).toBe('docker service ');
    session.input('l\t');
    expect(terminal.take()).toBe('ls ');
    session.input('| docker n\t');
    expect(terminal.take()).toBe('| docker n\x07');
    session.input('\t');
    expect(terminal.take()).toContain('network  node');
  });
});
