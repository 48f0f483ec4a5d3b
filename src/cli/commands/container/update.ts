import { MemBytesValue, TextValue } from '../../flags';
import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface UpdateOptions {
  blkioWeight: number;
  cpuPeriod: number;
  cpuQuota: number;
  cpuRtPeriod: number;
  cpuRtRuntime: number;
  cpuShares: number;
  cpus: TextValue;
  cpusetCpus: string;
  cpusetMems: string;
  memory: MemBytesValue;
  memoryReservation: MemBytesValue;
  memorySwap: MemBytesValue;
  pidsLimit: number;
  restart: string;
}

/** `docker container update`: update configuration of one or more containers. */
export function newUpdateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: UpdateOptions = {
    blkioWeight: 0,
    cpuPeriod: 0,
    cpuQuota: 0,
    cpuRtPeriod: 0,
    cpuRtRuntime: 0,
    cpuShares: 0,
    cpus: new TextValue('decimal'),
    cpusetCpus: '',
    cpusetMems: '',
    memory: new MemBytesValue(),
    memoryReservation: new MemBytesValue(),
    memorySwap: new MemBytesValue(),
    pidsLimit: 0,
    restart: '',
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
  flags.uintVar(
    options,
    'blkioWeight',
    'blkio-weight',
    '',
    'Block IO (relative weight), between 10 and 1000, or 0 to disable',
    'uint16',
  );
  flags.intVar(
    options,
    'cpuPeriod',
    'cpu-period',
    '',
    'Limit CPU CFS (Completely Fair Scheduler) period',
  );
  flags.intVar(
    options,
    'cpuQuota',
    'cpu-quota',
    '',
    'Limit CPU CFS (Completely Fair Scheduler) quota',
  );
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
  flags.intVar(options, 'cpuShares', 'cpu-shares', 'c', 'CPU shares (relative weight)');
  flags.add(options.cpus, 'cpus', '', 'Number of CPUs');
  flags.stringVar(
    options,
    'cpusetCpus',
    'cpuset-cpus',
    '',
    'CPUs in which to allow execution (0-3, 0,1)',
  );
  flags.stringVar(
    options,
    'cpusetMems',
    'cpuset-mems',
    '',
    'MEMs in which to allow execution (0-3, 0,1)',
  );
  flags.add(options.memory, 'memory', 'm', 'Memory limit');
  flags.add(options.memoryReservation, 'memory-reservation', '', 'Memory soft limit');
  flags.add(
    options.memorySwap,
    'memory-swap',
    '',
    'Swap limit equal to memory plus swap: -1 to enable unlimited swap',
  );
  flags.intVar(
    options,
    'pidsLimit',
    'pids-limit',
    '',
    'Tune container pids limit (set -1 for unlimited)',
  );
  flags.stringVar(
    options,
    'restart',
    'restart',
    '',
    'Restart policy to apply when a container exits',
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
