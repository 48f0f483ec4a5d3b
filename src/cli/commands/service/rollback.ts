import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface RollbackOptions {
  detach: boolean;
  quiet: boolean;
}

/** `docker service rollback`: revert changes to a service's configuration. */
export function newRollbackCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: RollbackOptions = {
    detach: false,
    quiet: false,
  };
  const command = new Command({
    use: 'rollback [OPTIONS] SERVICE',
    short: `Revert changes to a service's configuration`,
    args: exactArgs(1),
    annotations: {
      version: '1.31',
    },
    run: (invocation) => runRollback(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(
    options,
    'detach',
    'detach',
    'd',
    'Exit immediately instead of waiting for the service to converge',
  );
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Suppress progress output');
  return command;
}

export function runRollback(
  _cli: DockerCli,
  _options: RollbackOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
