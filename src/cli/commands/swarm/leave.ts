import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface LeaveOptions {
  force: boolean;
}

/** `docker swarm leave`: leave the swarm. */
export function newLeaveCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LeaveOptions = {
    force: false,
  };
  const command = new Command({
    use: 'leave [OPTIONS]',
    short: 'Leave the swarm',
    args: noArgs,
    annotations: {
      version: '1.24',
      swarm: 'active',
    },
    run: (invocation) => runLeave(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(
    options,
    'force',
    'force',
    'f',
    'Force this node to leave the swarm, ignoring warnings',
  );
  return command;
}

export function runLeave(
  _cli: DockerCli,
  _options: LeaveOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
