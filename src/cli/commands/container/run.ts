import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { addContainerFlags, newContainerOptions, type ContainerOptions } from './container-flags';
import { addPlatformFlag, addTrustVerificationFlag } from '../common-flags';

export interface RunOptions extends ContainerOptions {
  detach: boolean;
  detachKeys: string;
  disableContentTrust: boolean;
  name: string;
  platform: string;
  pull: string;
  quiet: boolean;
  sigProxy: boolean;
}

/** `docker container run`: create and run a new container from an image. */
export function newRunCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: RunOptions = {
    ...newContainerOptions(),
    detach: false,
    detachKeys: '',
    disableContentTrust: true,
    name: '',
    platform: '',
    pull: 'missing',
    quiet: false,
    sigProxy: true,
  };
  const command = new Command({
    use: 'run [OPTIONS] IMAGE [COMMAND] [ARG...]',
    short: 'Create and run a new container from an image',
    args: requiresMinArgs(1),
    annotations: {
      'category-top': '1',
      aliases: 'docker container run, docker run',
    },
    interspersed: false,
    run: (invocation) => runRun(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  addContainerFlags(flags, options);
  flags.boolVar(
    options,
    'detach',
    'detach',
    'd',
    'Run container in background and print container ID',
  );
  flags.stringVar(
    options,
    'detachKeys',
    'detach-keys',
    '',
    'Override the key sequence for detaching a container',
  );
  addTrustVerificationFlag(flags, options);
  flags.stringVar(options, 'name', 'name', '', 'Assign a name to the container');
  addPlatformFlag(flags, options);
  flags.stringVar(
    options,
    'pull',
    'pull',
    '',
    'Pull image before running ("always", "missing", "never")',
  );
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Suppress the pull output');
  flags.boolVar(options, 'sigProxy', 'sig-proxy', '', 'Proxy received signals to the process');
  return command;
}

export function runRun(
  _cli: DockerCli,
  _options: RunOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
