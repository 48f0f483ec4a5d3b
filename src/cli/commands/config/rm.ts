import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { refuseEmptyPath, removeEach } from '../remove-each';

export type RmOptions = Record<string, never>;

/** `docker config rm`: remove one or more configs. */
export function newRmCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: RmOptions = {};
  const command = new Command({
    use: 'rm CONFIG [CONFIG...]',
    aliases: ['remove'],
    short: 'Remove one or more configs',
    args: requiresMinArgs(1),
    run: (invocation) => runRm(cli, options, invocation),
    ...variant,
  });
  return command;
}

/** docker config rm: each argument as typed on success; the errors together at the end. */
export function runRm(cli: DockerCli, _options: RmOptions, invocation: Invocation): Promise<void> {
  return removeEach(cli, invocation.args, async (id) => {
    refuseEmptyPath(id);
    await cli.engine.configRemove({ id }, cli.cancel);
  });
}
