import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command } from '../../command/command';
import { showHelpToStderr } from '../../command/group';
import { newBuildCommand } from '../image/build';
import { newPruneCommand } from './prune';

/**
 * `docker builder`: manage builds. Run alone, it prints its help to stderr. `builder build` is
 * `image build` itself, as docker registers image.NewBuildCommand under both.
 */
export function newBuilderCommand(cli: DockerCli): Command {
  const command = new Command({
    use: 'builder',
    short: 'Manage builds',
    args: noArgs,
    annotations: {
      version: '1.31',
    },
    run: (invocation) => showHelpToStderr(cli, invocation),
  });
  command.addCommand(newBuildCommand(cli), newPruneCommand(cli));
  return command;
}
