import { describe, expect, it } from 'vitest';
import { DaemonError } from '../../src/api/errors';
import { dockerProgram } from '../../src/cli/docker';
import { fakeEngine, stoppedEngine } from '../support/fake-engine';
import { runDocker } from '../support/docker-run';

const CONNECTION_ERROR =
  'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';

const NODE_USAGE = `Usage:  docker node COMMAND

Manage Swarm nodes

Commands:
  demote      Demote one or more nodes from manager in the swarm
  inspect     Display detailed information on one or more nodes
  ls          List nodes in the swarm
  promote     Promote one or more nodes to manager in the swarm
  ps          List tasks running on one or more nodes, defaults to current node
  rm          Remove one or more nodes from the swarm
  update      Update a node

Run 'docker node COMMAND --help' for more information on a command.
`;

describe('docker command errors (Docker 27.5.1 forms)', () => {
  it('prints group help to stderr with exit 0 when a group runs alone', async () => {
    const result = await runDocker(['node']);
    expect(result).toEqual({ stdout: '', stderr: `\n${NODE_USAGE}`, code: 0 });
  });

  it('prints a blank line and the group usage for an unknown subcommand, exit 1', async () => {
    const result = await runDocker(['node', 'foo']);
    expect(result).toEqual({ stdout: '', stderr: `\n${NODE_USAGE}`, code: 1 });
  });

  it('rejects an unknown top-level command', async () => {
    const result = await runDocker(['foo', 'bar']);
    expect(result).toEqual({
      stdout: '',
      stderr: "docker: 'foo' is not a docker command.\nSee 'docker --help'\n",
      code: 1,
    });
  });

  it.each([
    {
      args: ['swarm', 'leave', 'x'],
      first: '"docker swarm leave" accepts no arguments.',
      usage: 'docker swarm leave [OPTIONS]',
      short: 'Leave the swarm',
    },
    {
      args: ['service', 'update'],
      first: '"docker service update" requires exactly 1 argument.',
      usage: 'docker service update [OPTIONS] SERVICE',
      short: 'Update a service',
    },
    {
      args: ['service', 'create'],
      first: '"docker service create" requires at least 1 argument.',
      usage: 'docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]',
      short: 'Create a new service',
    },
    {
      args: ['secret', 'create'],
      first: '"docker secret create" requires at least 1 and at most 2 arguments.',
      usage: 'docker secret create [OPTIONS] SECRET [file|-]',
      short: 'Create a secret from a file or STDIN as content',
    },
    {
      args: ['exec', 'web'],
      first: '"docker exec" requires at least 2 arguments.',
      usage: 'docker exec [OPTIONS] CONTAINER COMMAND [ARG...]',
      short: 'Execute a command in a running container',
    },
  ])('reports a wrong argument count: $args', async ({ args, first, usage, short }) => {
    const path = `docker ${args.slice(0, args[0] === 'exec' ? 1 : 2).join(' ')}`;
    const result = await runDocker(args);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${first}\nSee '${path} --help'.\n\nUsage:  ${usage}\n\n${short}\n`);
    expect(result.code).toBe(1);
  });

  it.each([
    {
      args: ['swarm', 'update', '--availability', 'active'],
      stderr: "unknown flag: --availability\nSee 'docker swarm update --help'.\n",
    },
    {
      args: ['service', 'update', '-p', '80', 'web'],
      stderr: "unknown shorthand flag: 'p' in -p\nSee 'docker service update --help'.\n",
    },
    {
      args: ['node', 'ls', '-f', 'foo'],
      stderr:
        'invalid argument "foo" for "-f, --filter" flag: bad format of filter (expected name=value)\n' +
        "See 'docker node ls --help'.\n",
    },
    {
      args: ['service', 'create', '--replicas'],
      stderr: "flag needs an argument: --replicas\nSee 'docker service create --help'.\n",
    },
  ])('reports flag errors with exit 125: $args', async ({ args, stderr }) => {
    const result = await runDocker(args);
    expect(result).toEqual({ stdout: '', stderr, code: 125 });
  });

  it('appends the group usage to a flag error on a group', async () => {
    const result = await runDocker(['node', '--bogus']);
    expect(result.code).toBe(125);
    expect(result.stderr).toBe(
      `unknown flag: --bogus\nSee 'docker node --help'.\n\n${NODE_USAGE}\n`,
    );
  });

  it('checks flags and arguments before saying a command is not simulated', async () => {
    expect(await runDocker(['swarm', 'ca', '--rotate'])).toEqual({
      stdout: '',
      stderr: 'docker swarm ca: not simulated in this playground yet\n',
      code: 1,
    });
    expect((await runDocker(['swarm', 'ca', '--rotate', 'x'])).stderr).toMatch(
      /^"docker swarm ca" accepts no arguments\./,
    );
    expect((await runDocker(['swarm', 'ca', '--rotate', '--bogus'])).code).toBe(125);
  });

  it('does not parse global options after the command', async () => {
    const result = await runDocker(['version', '--debug']);
    expect(result.stderr).toBe("unknown flag: --debug\nSee 'docker version --help'.\n");
    expect(result.code).toBe(125);
  });

  it('prints the version line for --version', async () => {
    expect(await runDocker(['--version'])).toEqual({
      stdout: 'Docker version 27.5.1, build 9f9e405\n',
      stderr: '',
      code: 0,
    });
  });

  it('takes -h with the deprecation notice and shows help on stdout', async () => {
    const result = await runDocker(['swarm', 'leave', '-h']);
    expect(result.stdout).toMatch(
      /^Flag shorthand -h has been deprecated, use --help\n\nUsage: {2}docker swarm leave \[OPTIONS\]\n/,
    );
    expect(result.code).toBe(0);
  });

  it('prints a daemon error from a command that reaches the daemon', async () => {
    const engine = fakeEngine({
      version: () => Promise.reject(new DaemonError('internal', 'something broke')),
    });
    const result = await runDocker(['version'], { engine });
    expect(result.stderr).toBe('Error response from daemon: something broke\n');
    expect(result.code).toBe(1);
  });

  it('answers `docker help <command>` and rejects unknown topics', async () => {
    const help = await runDocker(['help', 'node']);
    expect(help.stdout).toBe(`\n${NODE_USAGE}`);
    const unknown = await runDocker(['help', 'node', 'foo']);
    expect(unknown).toEqual({ stdout: '', stderr: 'unknown help topic: foo\n', code: 1 });
  });
});

describe('hidden commands (reference §1.5)', () => {
  it('hides swarm groups and manager-only swarm subcommands on an inactive node', async () => {
    const root = await runDocker(['--help']);
    expect(root.stdout).not.toMatch(/^ {2}node /m);
    expect(root.stdout).toMatch(/^ {2}swarm {7}Manage Swarm$/m);
    const swarm = await runDocker(['swarm']);
    expect(swarm.stderr).toContain('  init        Initialize a swarm');
    expect(swarm.stderr).not.toContain('join-token');
    expect(swarm.stderr).not.toContain('  leave ');
  });

  it('shows everything when the daemon does not answer', async () => {
    const root = await runDocker(['--help'], { engine: stoppedEngine() });
    expect(root.stdout).toMatch(/^ {2}node {8}Manage Swarm nodes$/m);
  });

  it('still runs a hidden command', async () => {
    const result = await runDocker(['node', 'ls']);
    expect(result.stderr).toBe(
      'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n',
    );
  });
});

describe('docker completion', () => {
  const complete = dockerProgram.complete;
  it('completes subcommands and flags from the tree', () => {
    expect(complete?.({ words: ['docker'], current: 'no' })).toEqual(['node']);
    expect(complete?.({ words: ['docker', 'node'], current: 'p' })).toEqual(['promote', 'ps']);
    expect(complete?.({ words: ['docker', 'node', 'ls'], current: '--f' })).toEqual([
      '--filter',
      '--format',
    ]);
    expect(complete?.({ words: ['docker', 'node', 'ls', '--format'], current: '' })).toEqual([]);
  });
});

export const CONNECTION_ERROR_TEXT = CONNECTION_ERROR;
