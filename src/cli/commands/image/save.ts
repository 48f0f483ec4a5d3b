import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface SaveOptions {
  output: string;
}

/** `docker image save`: save one or more images to a tar archive (streamed to STDOUT by default). */
export function newSaveCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: SaveOptions = {
    output: '',
  };
  const command = new Command({
    use: 'save [OPTIONS] IMAGE [IMAGE...]',
    short: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
    args: requiresMinArgs(1),
    annotations: {
      aliases: 'docker image save, docker save',
    },
    run: (invocation) => runSave(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'output', 'output', 'o', 'Write to a file, instead of STDOUT');
  return command;
}

export function runSave(
  _cli: DockerCli,
  _options: SaveOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
