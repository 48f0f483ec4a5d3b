import { ListValue, MemBytesValue, StringSliceValue, TextValue } from '../../flags';
import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { addPlatformFlag, addTrustVerificationFlag } from '../common-flags';

export interface BuildOptions {
  addHost: ListValue;
  buildArg: ListValue;
  cacheFrom: StringSliceValue;
  cgroupParent: string;
  compress: boolean;
  cpuPeriod: number;
  cpuQuota: number;
  cpuShares: number;
  cpusetCpus: string;
  cpusetMems: string;
  disableContentTrust: boolean;
  file: string;
  forceRm: boolean;
  iidfile: string;
  isolation: string;
  label: ListValue;
  memory: MemBytesValue;
  memorySwap: MemBytesValue;
  network: string;
  noCache: boolean;
  platform: string;
  pull: boolean;
  quiet: boolean;
  rm: boolean;
  securityOpt: StringSliceValue;
  shmSize: MemBytesValue;
  squash: boolean;
  tag: ListValue;
  target: string;
  ulimit: TextValue;
}

/** `docker image build`: build an image from a Dockerfile. */
export function newBuildCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: BuildOptions = {
    addHost: new ListValue(),
    buildArg: new ListValue(),
    cacheFrom: new StringSliceValue(),
    cgroupParent: '',
    compress: false,
    cpuPeriod: 0,
    cpuQuota: 0,
    cpuShares: 0,
    cpusetCpus: '',
    cpusetMems: '',
    disableContentTrust: true,
    file: '',
    forceRm: false,
    iidfile: '',
    isolation: '',
    label: new ListValue(),
    memory: new MemBytesValue(),
    memorySwap: new MemBytesValue(),
    network: 'default',
    noCache: false,
    platform: '',
    pull: false,
    quiet: false,
    rm: true,
    securityOpt: new StringSliceValue(),
    shmSize: new MemBytesValue(),
    squash: false,
    tag: new ListValue(),
    target: '',
    ulimit: new TextValue('ulimit', '[]'),
  };
  const command = new Command({
    use: 'build [OPTIONS] PATH | URL | -',
    short: 'Build an image from a Dockerfile',
    args: exactArgs(1),
    annotations: {
      'category-top': '4',
      aliases: 'docker image build, docker build, docker builder build',
    },
    run: (invocation) => runBuild(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.add(options.addHost, 'add-host', '', 'Add a custom host-to-IP mapping ("host:ip")');
  flags.add(options.buildArg, 'build-arg', '', 'Set build-time variables');
  flags.add(options.cacheFrom, 'cache-from', '', 'Images to consider as cache sources');
  flags.stringVar(
    options,
    'cgroupParent',
    'cgroup-parent',
    '',
    'Set the parent cgroup for the "RUN" instructions during build',
  );
  flags.boolVar(options, 'compress', 'compress', '', 'Compress the build context using gzip');
  flags.intVar(
    options,
    'cpuPeriod',
    'cpu-period',
    '',
    'Limit the CPU CFS (Completely Fair Scheduler) period',
  );
  flags.intVar(
    options,
    'cpuQuota',
    'cpu-quota',
    '',
    'Limit the CPU CFS (Completely Fair Scheduler) quota',
  );
  flags.intVar(options, 'cpuShares', 'cpu-shares', 'c', 'CPU shares (relative weight)');
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
  addTrustVerificationFlag(flags, options);
  flags.stringVar(
    options,
    'file',
    'file',
    'f',
    'Name of the Dockerfile (Default is "PATH/Dockerfile")',
  );
  flags.boolVar(options, 'forceRm', 'force-rm', '', 'Always remove intermediate containers');
  flags.stringVar(options, 'iidfile', 'iidfile', '', 'Write the image ID to the file');
  flags.stringVar(options, 'isolation', 'isolation', '', 'Container isolation technology');
  flags.add(options.label, 'label', '', 'Set metadata for an image');
  flags.add(options.memory, 'memory', 'm', 'Memory limit');
  flags.add(
    options.memorySwap,
    'memory-swap',
    '',
    'Swap limit equal to memory plus swap: -1 to enable unlimited swap',
  );
  flags.stringVar(
    options,
    'network',
    'network',
    '',
    'Set the networking mode for the RUN instructions during build',
  );
  flags.boolVar(options, 'noCache', 'no-cache', '', 'Do not use cache when building the image');
  addPlatformFlag(flags, options);
  flags.boolVar(options, 'pull', 'pull', '', 'Always attempt to pull a newer version of the image');
  flags.boolVar(
    options,
    'quiet',
    'quiet',
    'q',
    'Suppress the build output and print image ID on success',
  );
  flags.boolVar(options, 'rm', 'rm', '', 'Remove intermediate containers after a successful build');
  flags.add(options.securityOpt, 'security-opt', '', 'Security options');
  flags.add(options.shmSize, 'shm-size', '', 'Size of "/dev/shm"');
  flags.boolVar(
    options,
    'squash',
    'squash',
    '',
    'Squash newly built layers into a single new layer',
  );
  flags.add(options.tag, 'tag', 't', 'Name and optionally a tag in the "name:tag" format');
  flags.stringVar(options, 'target', 'target', '', 'Set the target build stage to build.');
  flags.add(options.ulimit, 'ulimit', '', 'Ulimit options');
  return command;
}

export function runBuild(
  _cli: DockerCli,
  _options: BuildOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
