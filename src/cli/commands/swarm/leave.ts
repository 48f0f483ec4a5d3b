import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';

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

/** docker swarm leave: the daemon decides (manager warnings, locked swarm); docker only reports. */
export async function runLeave(
  cli: DockerCli,
  options: LeaveOptions,
  _invocation: Invocation,
): Promise<void> {
  await cli.engine.swarmLeave({ force: options.force }, cli.cancel);
  cli.out.write('Node left the swarm.\n');
}
