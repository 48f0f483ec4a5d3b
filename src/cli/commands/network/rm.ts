import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { StatusError } from '../../command/errors';
import { engineErrorText } from '../../command/errors-text';
import { confirm } from '../../command/prompt';
import { DaemonError } from '../../../api/errors';

export interface RmOptions {
  force: boolean;
}

/** `docker network rm`: remove one or more networks. */
export function newRmCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: RmOptions = {
    force: false,
  };
  const command = new Command({
    use: 'rm NETWORK [NETWORK...]',
    aliases: ['remove'],
    short: 'Remove one or more networks',
    args: requiresMinArgs(1),
    run: (invocation) => runRm(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'force', 'force', 'f', 'Do not error if the network does not exist');
  return command;
}

const INGRESS_WARNING =
  'WARNING! Before removing the routing-mesh network, make sure all the nodes in your swarm run the same docker engine version. Otherwise, removal may not be effective and functionality of newly create ingress networks will be impaired.\nAre you sure you want to continue?';

/**
 * docker network rm (cli/command/network/remove.go): each network in turn, the ingress one only
 * once the prompt is answered yes; a success prints the argument as typed, a failure its error
 * on stderr right away and the loop goes on; exit 1 if any failed. `-f` skips a missing one.
 */
export async function runRm(
  cli: DockerCli,
  options: RmOptions,
  invocation: Invocation,
): Promise<void> {
  let failed = false;
  for (const name of invocation.args) {
    try {
      const network = await cli.engine
        .networkInspect({ id: name, scope: '' }, cli.cancel)
        .catch(() => null);
      if (network?.Ingress === true && !(await confirm(cli, INGRESS_WARNING))) continue;
      await cli.engine.networkRemove({ id: name }, cli.cancel);
      cli.out.write(`${name}\n`);
    } catch (error) {
      if (options.force && error instanceof DaemonError && error.kind === 'not-found') continue;
      cli.err.write(`${engineErrorText(error)}\n`);
      failed = true;
    }
  }
  if (failed) throw new StatusError('', 1);
}
