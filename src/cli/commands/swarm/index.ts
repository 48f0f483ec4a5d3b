import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command } from '../../command/command';
import { showHelpToStderr } from '../../command/group';
import { newCaCommand } from './ca';
import { newInitCommand } from './init';
import { newJoinCommand } from './join';
import { newJoinTokenCommand } from './join-token';
import { newLeaveCommand } from './leave';
import { newUnlockCommand } from './unlock';
import { newUnlockKeyCommand } from './unlock-key';
import { newUpdateCommand } from './update';

/** `docker swarm`: manage Swarm. Run alone, it prints its help to stderr. */
export function newSwarmCommand(cli: DockerCli): Command {
  const command = new Command({
    use: 'swarm',
    short: 'Manage Swarm',
    args: noArgs,
    annotations: {
      version: '1.24',
      swarm: '',
    },
    run: (invocation) => showHelpToStderr(cli, invocation),
  });
  command.addCommand(
    newCaCommand(cli),
    newInitCommand(cli),
    newJoinCommand(cli),
    newJoinTokenCommand(cli),
    newLeaveCommand(cli),
    newUnlockCommand(cli),
    newUnlockKeyCommand(cli),
    newUpdateCommand(cli),
  );
  return command;
}
