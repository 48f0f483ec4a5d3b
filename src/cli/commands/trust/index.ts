import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command } from '../../command/command';
import { showHelpToStderr } from '../../command/group';
import { newKeyCommand } from './key';
import { newSignerCommand } from './signer';
import { newInspectCommand } from './inspect';
import { newRevokeCommand } from './revoke';
import { newSignCommand } from './sign';

/** `docker trust`: manage trust on Docker images. Run alone, it prints its help to stderr. */
export function newTrustCommand(cli: DockerCli): Command {
  const command = new Command({
    use: 'trust',
    short: 'Manage trust on Docker images',
    args: noArgs,
    run: (invocation) => showHelpToStderr(cli, invocation),
  });
  command.addCommand(
    newKeyCommand(cli),
    newSignerCommand(cli),
    newInspectCommand(cli),
    newRevokeCommand(cli),
    newSignCommand(cli),
  );
  return command;
}
