import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { addContainerFlags, newContainerOptions, type ContainerOptions } from './container-flags';
import { addPlatformFlag, addTrustVerificationFlag } from '../common-flags';

export interface CreateOptions extends ContainerOptions {
  disableContentTrust: boolean;
  name: string;
  platform: string;
  pull: string;
  quiet: boolean;
}

/** `docker container create`: create a new container. */
export function newCreateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: CreateOptions = {
    ...newContainerOptions(),
    disableContentTrust: true,
    name: '',
    platform: '',
    pull: 'missing',
    quiet: false,
  };
  const command = new Command({
    use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
    short: 'Create a new container',
    args: requiresMinArgs(1),
    annotations: {
      aliases: 'docker container create, docker create',
    },
    interspersed: false,
    run: (invocation) => runCreate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  addContainerFlags(flags, options);
  addTrustVerificationFlag(flags, options);
  flags.stringVar(options, 'name', 'name', '', 'Assign a name to the container');
  addPlatformFlag(flags, options);
  flags.stringVar(
    options,
    'pull',
    'pull',
    '',
    'Pull image before creating ("always", "|missing", "never")',
  );
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Suppress the pull output');
  return command;
}

export function runCreate(
  _cli: DockerCli,
  _options: CreateOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
