import { describe, expect, it } from 'vitest';
import type { OperationFields } from '../../../../src/api/operations';
import { DaemonError } from '../../../../src/api/errors';
import { inspectContainer } from '../../../../src/swarm/agent/exec/container-inspect';
import { runDocker } from '../../../support/docker-run';
import { fakeEngine } from '../../../support/fake-engine';
import { containerRecord } from '../../../support/container-record';

type ExecFields = OperationFields<'containerExec'>;

function engineWith(calls: ExecFields[], exitCode = 0) {
  return fakeEngine({
    containerInspect: ({ id }) =>
      id === 'web'
        ? Promise.resolve(inspectContainer(containerRecord(), 0))
        : Promise.reject(new DaemonError('not-found', `No such container: ${id}`)),
    containerExec: (fields) => {
      calls.push(fields);
      return Promise.resolve({ stdout: 'out\n', stderr: 'err\n', exitCode });
    },
  });
}

describe('docker exec', () => {
  it('sends the command and its options, and writes both streams', async () => {
    const calls: ExecFields[] = [];
    const result = await runDocker(
      ['exec', '-e', 'A=1', '-e', 'UNSET', '-w', '/tmp', '-u', 'nobody', 'web', 'ls', '-l'],
      { engine: engineWith(calls) },
    );
    expect(result).toEqual({ stdout: 'out\n', stderr: 'err\n', code: 0 });
    expect(calls).toEqual([
      {
        id: 'web',
        cmd: ['ls', '-l'],
        env: ['A=1'],
        workdir: '/tmp',
        user: 'nobody',
        tty: false,
        stdin: '',
      },
    ]);
  });

  it("exits with the command's code, and sends a pipe to -i", async () => {
    const calls: ExecFields[] = [];
    const result = await runDocker(['exec', '-i', 'web', 'cat'], {
      engine: engineWith(calls, 3),
      stdin: 'piped\n',
    });
    expect(result.code).toBe(3);
    expect(calls[0]?.stdin).toBe('piped\n');
  });

  it('looks the container up first, and checks the TTY before it runs anything', async () => {
    const calls: ExecFields[] = [];
    const missing = await runDocker(['exec', 'nosuch', 'ls'], { engine: engineWith(calls) });
    // Oracle (engine 20.10.24).
    expect(missing).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such container: nosuch\n',
      code: 1,
    });
    const notTty = await runDocker(['exec', '-it', 'web', 'sh'], {
      engine: engineWith(calls),
      stdin: '',
    });
    expect(notTty).toEqual({ stdout: '', stderr: 'the input device is not a TTY\n', code: 1 });
    expect(calls).toEqual([]);
  });

  it('says an interactive shell is not simulated, and runs one command on a TTY', async () => {
    const calls: ExecFields[] = [];
    const shell = await runDocker(['exec', '-it', 'web', 'sh'], {
      engine: engineWith(calls),
      columns: 120,
    });
    expect(shell.code).toBe(1);
    expect(shell.stderr).toContain('not simulated in this playground yet');
    const ls = await runDocker(['exec', '-it', 'web', 'ls'], {
      engine: engineWith(calls),
      columns: 120,
    });
    expect(ls.code).toBe(0);
    expect(calls.map((call) => call.tty)).toEqual([true]);
  });

  it('needs a container and a command', async () => {
    const result = await runDocker(['exec', 'web'], { engine: engineWith([]) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('requires at least 2 arguments');
  });
});
