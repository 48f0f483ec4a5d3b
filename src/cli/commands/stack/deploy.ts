import { StringSliceValue } from '../../flags';
import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface DeployOptions {
  composeFile: StringSliceValue;
  detach: boolean;
  prune: boolean;
  quiet: boolean;
  resolveImage: string;
  withRegistryAuth: boolean;
}

/** `docker stack deploy`: deploy a new stack or update an existing stack. */
export function newDeployCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: DeployOptions = {
    composeFile: new StringSliceValue(),
    detach: true,
    prune: false,
    quiet: false,
    resolveImage: 'always',
    withRegistryAuth: false,
  };
  const command = new Command({
    use: 'deploy [OPTIONS] STACK',
    aliases: ['up'],
    short: 'Deploy a new stack or update an existing stack',
    args: exactArgs(1),
    run: (invocation) => runDeploy(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.add(
    options.composeFile,
    'compose-file',
    'c',
    'Path to a Compose file, or "-" to read from stdin',
  );
  flags.boolVar(
    options,
    'detach',
    'detach',
    'd',
    'Exit immediately instead of waiting for the stack services to converge',
  );
  flags.boolVar(options, 'prune', 'prune', '', 'Prune services that are no longer referenced');
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Suppress progress output');
  flags.stringVar(
    options,
    'resolveImage',
    'resolve-image',
    '',
    'Query the registry to resolve image digest and supported platforms ("always", "changed", "never")',
  );
  flags.boolVar(
    options,
    'withRegistryAuth',
    'with-registry-auth',
    '',
    'Send registry authentication details to Swarm agents',
  );
  return command;
}

export function runDeploy(
  _cli: DockerCli,
  _options: DeployOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
