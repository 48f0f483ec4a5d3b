import { requiresRangeArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { addTrustVerificationFlag } from '../common-flags';

export interface UpgradeOptions {
  disableContentTrust: boolean;
  grantAllPermissions: boolean;
  skipRemoteCheck: boolean;
}

/** `docker plugin upgrade`: upgrade an existing plugin. */
export function newUpgradeCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: UpgradeOptions = {
    disableContentTrust: true,
    grantAllPermissions: false,
    skipRemoteCheck: false,
  };
  const command = new Command({
    use: 'upgrade [OPTIONS] PLUGIN [REMOTE]',
    short: 'Upgrade an existing plugin',
    args: requiresRangeArgs(1, 2),
    annotations: {
      version: '1.26',
    },
    run: (invocation) => runUpgrade(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  addTrustVerificationFlag(flags, options);
  flags.boolVar(
    options,
    'grantAllPermissions',
    'grant-all-permissions',
    '',
    'Grant all permissions necessary to run the plugin',
  );
  flags.boolVar(
    options,
    'skipRemoteCheck',
    'skip-remote-check',
    '',
    'Do not check if specified remote plugin matches existing plugin image',
  );
  return command;
}

export function runUpgrade(
  _cli: DockerCli,
  _options: UpgradeOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
