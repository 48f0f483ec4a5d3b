import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command } from '../../command/command';
import { showHelpToStderr } from '../../command/group';
import { newAnnotateCommand } from './annotate';
import { newCreateCommand } from './create';
import { newInspectCommand } from './inspect';
import { newPushCommand } from './push';
import { newRmCommand } from './rm';

/** `docker manifest`: manage Docker image manifests and manifest lists. Run alone, it prints its help to stderr. */
export function newManifestCommand(cli: DockerCli): Command {
  const command = new Command({
    use: 'manifest',
    short: 'Manage Docker image manifests and manifest lists',
    long: `The **docker manifest** command has subcommands for managing image manifests and
manifest lists. A manifest list allows you to use one name to refer to the same image
built for multiple architectures.

To see help for a subcommand, use:

    docker manifest CMD --help

For full details on using docker manifest lists, see the registry v2 specification.`,
    args: noArgs,
    annotations: {
      experimentalCLI: '',
    },
    run: (invocation) => showHelpToStderr(cli, invocation),
  });
  command.addCommand(
    newAnnotateCommand(cli),
    newCreateCommand(cli),
    newInspectCommand(cli),
    newPushCommand(cli),
    newRmCommand(cli),
  );
  return command;
}
