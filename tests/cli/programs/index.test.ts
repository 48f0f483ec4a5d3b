import { describe, expect, it } from 'vitest';
import { builtinPrograms } from '../../../src/cli/programs';
import { clearProgram } from '../../../src/cli/programs/clear';
import { exitProgram } from '../../../src/cli/programs/exit';
import { falseProgram } from '../../../src/cli/programs/false';
import { helpProgram } from '../../../src/cli/programs/help';
import { historyProgram } from '../../../src/cli/programs/history';
import { hostnameProgram } from '../../../src/cli/programs/hostname';
import { trueProgram } from '../../../src/cli/programs/true';
import { runProgram } from '../../support/shell-harness';

describe('small programs', () => {
  it('true and false exit 0 and 1', async () => {
    expect((await runProgram(trueProgram, [])).status).toBe(0);
    expect((await runProgram(falseProgram, [])).status).toBe(1);
  });

  it('clear writes the screen-clearing sequence', async () => {
    expect((await runProgram(clearProgram, [])).stdout).toBe('\x1b[H\x1b[2J\x1b[3J');
  });

  it('hostname prints the machine name and refuses to rename it', async () => {
    expect(await runProgram(hostnameProgram, [])).toEqual({
      stdout: 'manager1\n',
      stderr: '',
      status: 0,
    });
    expect(await runProgram(hostnameProgram, ['newname'])).toEqual({
      stdout: '',
      stderr: 'hostname: changing the host name is not simulated in this playground\n',
      status: 1,
    });
  });

  it('exit says in one line that the shell stays open', async () => {
    expect(await runProgram(exitProgram, [])).toEqual({
      stdout: '',
      stderr: "bash: exit: the playground cannot close this machine's shell\n",
      status: 1,
    });
  });
});

describe('history', () => {
  const history = ['docker node ls', 'docker service ls', 'history'];

  it.each([
    [[], '    1  docker node ls\n    2  docker service ls\n    3  history\n', 0],
    [['2'], '    2  docker service ls\n    3  history\n', 0],
    [['0'], '', 0],
    [['x'], 'bash: history: x: numeric argument required\n', 1],
    [['-c'], 'bash: history: -c: not simulated in this playground\n', 1],
    [['-z'], 'bash: history: -z: invalid option\n', 2],
  ])('history %j', async (args, output, status) => {
    const result = await runProgram(historyProgram, args, { history });
    expect(result.status).toBe(status);
    expect((result.stdout + result.stderr).startsWith(output)).toBe(true);
  });
});

describe('help', () => {
  it('lists every program with its summary', async () => {
    const { stdout, status } = await runProgram(helpProgram, []);
    expect(status).toBe(0);
    expect(stdout).toContain('Swarm Playground shell');
    for (const program of builtinPrograms) {
      expect(stdout).toContain(program.name);
      expect(stdout).toContain(program.summary);
    }
  });

  it('describes one program, or says there is no such topic', async () => {
    expect((await runProgram(helpProgram, ['grep'])).stdout).toMatch(/^grep: Print lines/);
    expect(await runProgram(helpProgram, ['nope'])).toEqual({
      stdout: '',
      stderr: "bash: help: no help topics match `nope'.  Try `help' to list the commands.\n",
      status: 1,
    });
  });
});

describe('builtinPrograms', () => {
  it('has unique names and a summary for each', () => {
    const names = builtinPrograms.map((program) => program.name);
    expect(new Set(names).size).toBe(names.length);
    for (const program of builtinPrograms) expect(program.summary.length).toBeGreaterThan(10);
  });
});
