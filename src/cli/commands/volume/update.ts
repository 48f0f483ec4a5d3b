import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface UpdateOptions {
  availability: string;
}

/** `docker volume update`: update a volume (cluster volumes only). */
export function newUpdateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: UpdateOptions = {
    availability: 'active',
  };
  const command = new Command({
    use: 'update [OPTIONS] [VOLUME]',
    short: 'Update a volume (cluster volumes only)',
    args: exactArgs(1),
    annotations: {
      version: '1.42',
      swarm: 'manager',
    },
    run: (invocation) => runUpdate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(
    options,
    'availability',
    'availability',
    '',
    'Cluster Volume availability ("active", "pause", "drain")',
  );
  return command;
}

export function runUpdate(
  _cli: DockerCli,
  _options: UpdateOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
