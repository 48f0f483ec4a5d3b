import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { showHelp } from '../../command/execute';
import { printUnlockCommand, UNLOCK_KEY_FETCH_ERROR, wrapEngineError } from './printers';
import { mergeSwarmSpec } from './swarm-spec';
import { addSwarmFlags, newSwarmOptions, type SwarmOptions } from './swarm-flags';

export interface UpdateOptions extends SwarmOptions {
  autolock: boolean;
}

/** `docker swarm update`: update the swarm. */
export function newUpdateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: UpdateOptions = {
    ...newSwarmOptions(),
    autolock: false,
  };
  const command = new Command({
    use: 'update [OPTIONS]',
    short: 'Update the swarm',
    args: noArgs,
    annotations: {
      version: '1.24',
      swarm: 'manager',
    },
    run: (invocation) => runUpdate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(
    options,
    'autolock',
    'autolock',
    '',
    'Change manager autolocking setting (true|false)',
  );
  addSwarmFlags(flags, options);
  return command;
}

/**
 * docker swarm update: with no flag at all it prints its help (cobra's ErrHelp from PreRunE,
 * stdout, exit 0). Otherwise the given flags are merged into the current spec, and turning
 * autolock on prints the new unlock key after `Swarm updated.`.
 */
export async function runUpdate(
  cli: DockerCli,
  options: UpdateOptions,
  invocation: Invocation,
): Promise<void> {
  const flags = invocation.command.flags;
  if (!flags.all().some((flag) => flag.changed)) {
    await showHelp(cli, invocation.command, cli.out);
    return;
  }
  const current = await cli.engine.swarmInspect(cli.cancel);
  const wasLocked = current.Spec.EncryptionConfig.AutoLockManagers;
  const spec = mergeSwarmSpec(current.Spec, flags, options, current.TLSInfo.TrustRoot ?? '');
  await cli.engine.swarmUpdate(
    {
      version: current.Version.Index,
      spec,
      flags: { RotateWorkerToken: false, RotateManagerToken: false, RotateManagerUnlockKey: false },
    },
    cli.cancel,
  );
  cli.out.write('Swarm updated.\n');
  if (wasLocked || !spec.EncryptionConfig.AutoLockManagers) return;
  let unlockKey: string;
  try {
    unlockKey = (await cli.engine.swarmUnlockKey(cli.cancel)).UnlockKey;
  } catch (error) {
    throw wrapEngineError(UNLOCK_KEY_FETCH_ERROR, error);
  }
  printUnlockCommand(cli.out, unlockKey);
}
