import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface CreateOptions {
  compress: boolean;
}

/** `docker plugin create`: create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory.. */
export function newCreateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: CreateOptions = {
    compress: false,
  };
  const command = new Command({
    use: 'create [OPTIONS] PLUGIN PLUGIN-DATA-DIR',
    short:
      'Create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory.',
    args: requiresMinArgs(2),
    run: (invocation) => runCreate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'compress', 'compress', '', 'Compress the context using gzip');
  return command;
}

export function runCreate(
  _cli: DockerCli,
  _options: CreateOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
