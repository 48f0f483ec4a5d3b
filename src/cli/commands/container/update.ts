import { MemBytesValue } from '../../flags';
import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { addUpdatableFlags, newUpdatableOptions, type UpdatableOptions } from './container-flags';

export interface UpdateOptions extends UpdatableOptions {
  cpuRtPeriod: number;
  cpuRtRuntime: number;
  memorySwap: MemBytesValue;
}

/** `docker container update`: update configuration of one or more containers. */
export function newUpdateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: UpdateOptions = {
    ...newUpdatableOptions(),
    cpuRtPeriod: 0,
    cpuRtRuntime: 0,
    memorySwap: new MemBytesValue(),
  };
  const command = new Command({
    use: 'update [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Update configuration of one or more containers',
    args: requiresMinArgs(1),
    annotations: {
      aliases: 'docker container update, docker update',
    },
    run: (invocation) => runUpdate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  addUpdatableFlags(flags, options);
  flags.intVar(
    options,
    'cpuRtPeriod',
    'cpu-rt-period',
    '',
    'Limit the CPU real-time period in microseconds',
  );
  flags.intVar(
    options,
    'cpuRtRuntime',
    'cpu-rt-runtime',
    '',
    'Limit the CPU real-time runtime in microseconds',
  );
  flags.add(
    options.memorySwap,
    'memory-swap',
    '',
    'Swap limit equal to memory plus swap: -1 to enable unlimited swap',
  );
  return command;
}

export function runUpdate(
  _cli: DockerCli,
  _options: UpdateOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
