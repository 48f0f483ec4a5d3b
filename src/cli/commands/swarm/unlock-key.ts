import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { CliError } from '../../command/errors';
import { printUnlockCommand, UNLOCK_KEY_FETCH_ERROR, wrapEngineError } from './printers';

export interface UnlockKeyOptions {
  quiet: boolean;
  rotate: boolean;
}

/** `docker swarm unlock-key`: manage the unlock key. */
export function newUnlockKeyCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: UnlockKeyOptions = {
    quiet: false,
    rotate: false,
  };
  const command = new Command({
    use: 'unlock-key [OPTIONS]',
    short: 'Manage the unlock key',
    args: noArgs,
    annotations: {
      version: '1.24',
      swarm: 'manager',
    },
    run: (invocation) => runUnlockKey(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Only display token');
  flags.boolVar(options, 'rotate', 'rotate', '', 'Rotate unlock key');
  return command;
}

async function rotateUnlockKey(cli: DockerCli, quiet: boolean): Promise<void> {
  const current = await cli.engine.swarmInspect(cli.cancel);
  if (!current.Spec.EncryptionConfig.AutoLockManagers) {
    throw new CliError('cannot rotate because autolock is not turned on');
  }
  await cli.engine.swarmUpdate(
    {
      version: current.Version.Index,
      spec: current.Spec,
      flags: { RotateWorkerToken: false, RotateManagerToken: false, RotateManagerUnlockKey: true },
    },
    cli.cancel,
  );
  // The blank line is in docker's own golden file (unlockkeys-unlock-key-rotate.golden).
  if (!quiet) cli.out.write('Successfully rotated manager unlock key.\n\n');
}

/** docker swarm unlock-key: the key block, or the key alone with -q; --rotate first. */
export async function runUnlockKey(
  cli: DockerCli,
  options: UnlockKeyOptions,
  _invocation: Invocation,
): Promise<void> {
  if (options.rotate) await rotateUnlockKey(cli, options.quiet);
  let unlockKey: string;
  try {
    unlockKey = (await cli.engine.swarmUnlockKey(cli.cancel)).UnlockKey;
  } catch (error) {
    throw wrapEngineError(UNLOCK_KEY_FETCH_ERROR, error);
  }
  if (unlockKey === '') throw new CliError('no unlock key is set');
  if (options.quiet) {
    cli.out.write(`${unlockKey}\n`);
    return;
  }
  printUnlockCommand(cli.out, unlockKey);
}
