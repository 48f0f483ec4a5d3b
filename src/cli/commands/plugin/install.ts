import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { addTrustVerificationFlag } from '../common-flags';

export interface InstallOptions {
  alias: string;
  disable: boolean;
  disableContentTrust: boolean;
  grantAllPermissions: boolean;
}

/** `docker plugin install`: install a plugin. */
export function newInstallCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: InstallOptions = {
    alias: '',
    disable: false,
    disableContentTrust: true,
    grantAllPermissions: false,
  };
  const command = new Command({
    use: 'install [OPTIONS] PLUGIN [KEY=VALUE...]',
    short: 'Install a plugin',
    args: requiresMinArgs(1),
    run: (invocation) => runInstall(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'alias', 'alias', '', 'Local name for plugin');
  flags.boolVar(options, 'disable', 'disable', '', 'Do not enable the plugin on install');
  addTrustVerificationFlag(flags, options);
  flags.boolVar(
    options,
    'grantAllPermissions',
    'grant-all-permissions',
    '',
    'Grant all permissions necessary to run the plugin',
  );
  return command;
}

export function runInstall(
  _cli: DockerCli,
  _options: InstallOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
