import {
  ListValue,
  MapValue,
  MemBytesValue,
  TextValue,
  parseGoDuration,
  type FlagSet,
} from '../../flags';

/**
 * The resource and restart settings `docker container update` can change. Their flags read the
 * same in `create`, `run` and `update`; update's default restart policy is empty, not "no".
 */
export interface UpdatableOptions {
  blkioWeight: number;
  cpuPeriod: number;
  cpuQuota: number;
  cpuShares: number;
  cpus: TextValue;
  cpusetCpus: string;
  cpusetMems: string;
  memory: MemBytesValue;
  memoryReservation: MemBytesValue;
  pidsLimit: number;
  restart: string;
}

export function newUpdatableOptions(): UpdatableOptions {
  return {
    blkioWeight: 0,
    cpuPeriod: 0,
    cpuQuota: 0,
    cpuShares: 0,
    cpus: new TextValue('decimal'),
    cpusetCpus: '',
    cpusetMems: '',
    memory: new MemBytesValue(),
    memoryReservation: new MemBytesValue(),
    pidsLimit: 0,
    restart: '',
  };
}

export function addUpdatableFlags(flags: FlagSet, options: UpdatableOptions): void {
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
}

/**
 * The container flags `create` and `run` share: docker's containerOptions, defined by `addFlags`
 * in cli/command/container/opts.go. Each command adds its own name, pull and platform flags.
 */
export interface ContainerOptions extends UpdatableOptions {
  addHost: ListValue;
  annotation: MapValue;
  attach: ListValue;
  blkioWeightDevice: ListValue;
  capAdd: ListValue;
  capDrop: ListValue;
  cgroupParent: string;
  cgroupns: string;
  cidfile: string;
  cpuCount: number;
  cpuPercent: number;
  cpuRtPeriod: number;
  cpuRtRuntime: number;
  device: ListValue;
  deviceCgroupRule: ListValue;
  deviceReadBps: ListValue;
  deviceReadIops: ListValue;
  deviceWriteBps: ListValue;
  deviceWriteIops: ListValue;
  dns: ListValue;
  dnsOption: ListValue;
  dnsSearch: ListValue;
  domainname: string;
  entrypoint: string;
  env: ListValue;
  envFile: ListValue;
  expose: ListValue;
  gpus: TextValue;
  groupAdd: ListValue;
  healthCmd: string;
  healthInterval: bigint;
  healthRetries: number;
  healthStartInterval: bigint;
  healthStartPeriod: bigint;
  healthTimeout: bigint;
  help: boolean;
  hostname: string;
  init: boolean;
  interactive: boolean;
  ioMaxbandwidth: MemBytesValue;
  ioMaxiops: number;
  ip: string;
  ip6: string;
  ipc: string;
  isolation: string;
  kernelMemory: MemBytesValue;
  label: ListValue;
  labelFile: ListValue;
  link: ListValue;
  linkLocalIp: ListValue;
  logDriver: string;
  logOpt: ListValue;
  macAddress: string;
  memorySwap: MemBytesValue;
  memorySwappiness: number;
  mount: TextValue;
  network: TextValue;
  networkAlias: ListValue;
  noHealthcheck: boolean;
  oomKillDisable: boolean;
  oomScoreAdj: number;
  pid: string;
  privileged: boolean;
  publish: ListValue;
  publishAll: boolean;
  readOnly: boolean;
  rm: boolean;
  runtime: string;
  securityOpt: ListValue;
  shmSize: MemBytesValue;
  stopSignal: string;
  stopTimeout: number;
  storageOpt: ListValue;
  sysctl: MapValue;
  tmpfs: ListValue;
  tty: boolean;
  ulimit: TextValue;
  user: string;
  userns: string;
  uts: string;
  volume: ListValue;
  volumeDriver: string;
  volumesFrom: ListValue;
  workdir: string;
}

export function newContainerOptions(): ContainerOptions {
  return {
    ...newUpdatableOptions(),
    addHost: new ListValue(),
    annotation: new MapValue(),
    attach: new ListValue(),
    blkioWeightDevice: new ListValue(),
    capAdd: new ListValue(),
    capDrop: new ListValue(),
    cgroupParent: '',
    cgroupns: '',
    cidfile: '',
    cpuCount: 0,
    cpuPercent: 0,
    cpuRtPeriod: 0,
    cpuRtRuntime: 0,
    device: new ListValue(),
    deviceCgroupRule: new ListValue(),
    deviceReadBps: new ListValue(),
    deviceReadIops: new ListValue(),
    deviceWriteBps: new ListValue(),
    deviceWriteIops: new ListValue(),
    dns: new ListValue(),
    dnsOption: new ListValue(),
    dnsSearch: new ListValue(),
    domainname: '',
    entrypoint: '',
    env: new ListValue(),
    envFile: new ListValue(),
    expose: new ListValue(),
    gpus: new TextValue('gpu-request'),
    groupAdd: new ListValue(),
    healthCmd: '',
    healthInterval: parseGoDuration('0s'),
    healthRetries: 0,
    healthStartInterval: parseGoDuration('0s'),
    healthStartPeriod: parseGoDuration('0s'),
    healthTimeout: parseGoDuration('0s'),
    help: false,
    hostname: '',
    init: false,
    interactive: false,
    ioMaxbandwidth: new MemBytesValue(),
    ioMaxiops: 0,
    ip: '',
    ip6: '',
    ipc: '',
    isolation: '',
    kernelMemory: new MemBytesValue(),
    label: new ListValue(),
    labelFile: new ListValue(),
    link: new ListValue(),
    linkLocalIp: new ListValue(),
    logDriver: '',
    logOpt: new ListValue(),
    macAddress: '',
    memorySwap: new MemBytesValue(),
    memorySwappiness: -1,
    mount: new TextValue('mount'),
    network: new TextValue('network'),
    networkAlias: new ListValue(),
    noHealthcheck: false,
    oomKillDisable: false,
    oomScoreAdj: 0,
    pid: '',
    privileged: false,
    publish: new ListValue(),
    publishAll: false,
    readOnly: false,
    rm: false,
    runtime: '',
    securityOpt: new ListValue(),
    shmSize: new MemBytesValue(),
    stopSignal: '',
    stopTimeout: 0,
    storageOpt: new ListValue(),
    sysctl: new MapValue(),
    tmpfs: new ListValue(),
    tty: false,
    ulimit: new TextValue('ulimit', '[]'),
    user: '',
    userns: '',
    uts: '',
    volume: new ListValue(),
    volumeDriver: '',
    volumesFrom: new ListValue(),
    workdir: '',
    restart: 'no',
  };
}

export function addContainerFlags(flags: FlagSet, options: ContainerOptions): void {
  addUpdatableFlags(flags, options);
  flags.add(options.addHost, 'add-host', '', 'Add a custom host-to-IP mapping (host:ip)');
  flags.add(
    options.annotation,
    'annotation',
    '',
    'Add an annotation to the container (passed through to the OCI runtime)',
  );
  flags.add(options.attach, 'attach', 'a', 'Attach to STDIN, STDOUT or STDERR');
  flags.add(
    options.blkioWeightDevice,
    'blkio-weight-device',
    '',
    'Block IO weight (relative device weight)',
  );
  flags.add(options.capAdd, 'cap-add', '', 'Add Linux capabilities');
  flags.add(options.capDrop, 'cap-drop', '', 'Drop Linux capabilities');
  flags.stringVar(
    options,
    'cgroupParent',
    'cgroup-parent',
    '',
    'Optional parent cgroup for the container',
  );
  flags.stringVar(
    options,
    'cgroupns',
    'cgroupns',
    '',
    `Cgroup namespace to use (host|private)
'host':    Run the container in the Docker host's cgroup namespace
'private': Run the container in its own private cgroup namespace
'':        Use the cgroup namespace as configured by the
default-cgroupns-mode option on the daemon (default)`,
  );
  flags.stringVar(options, 'cidfile', 'cidfile', '', 'Write the container ID to the file');
  flags.intVar(options, 'cpuCount', 'cpu-count', '', 'CPU count (Windows only)');
  flags.intVar(options, 'cpuPercent', 'cpu-percent', '', 'CPU percent (Windows only)');
  flags.intVar(
    options,
    'cpuRtPeriod',
    'cpu-rt-period',
    '',
    'Limit CPU real-time period in microseconds',
  );
  flags.intVar(
    options,
    'cpuRtRuntime',
    'cpu-rt-runtime',
    '',
    'Limit CPU real-time runtime in microseconds',
  );
  flags.add(options.device, 'device', '', 'Add a host device to the container');
  flags.add(
    options.deviceCgroupRule,
    'device-cgroup-rule',
    '',
    'Add a rule to the cgroup allowed devices list',
  );
  flags.add(
    options.deviceReadBps,
    'device-read-bps',
    '',
    'Limit read rate (bytes per second) from a device',
  );
  flags.add(
    options.deviceReadIops,
    'device-read-iops',
    '',
    'Limit read rate (IO per second) from a device',
  );
  flags.add(
    options.deviceWriteBps,
    'device-write-bps',
    '',
    'Limit write rate (bytes per second) to a device',
  );
  flags.add(
    options.deviceWriteIops,
    'device-write-iops',
    '',
    'Limit write rate (IO per second) to a device',
  );
  flags.add(options.dns, 'dns', '', 'Set custom DNS servers');
  flags.add(options.dnsOption, 'dns-option', '', 'Set DNS options');
  flags.add(options.dnsSearch, 'dns-search', '', 'Set custom DNS search domains');
  flags.stringVar(options, 'domainname', 'domainname', '', 'Container NIS domain name');
  flags.stringVar(
    options,
    'entrypoint',
    'entrypoint',
    '',
    'Overwrite the default ENTRYPOINT of the image',
  );
  flags.add(options.env, 'env', 'e', 'Set environment variables');
  flags.add(options.envFile, 'env-file', '', 'Read in a file of environment variables');
  flags.add(options.expose, 'expose', '', 'Expose a port or a range of ports');
  flags.add(
    options.gpus,
    'gpus',
    '',
    `GPU devices to add to the container ('all' to pass all GPUs)`,
  );
  flags.add(options.groupAdd, 'group-add', '', 'Add additional groups to join');
  flags.stringVar(options, 'healthCmd', 'health-cmd', '', 'Command to run to check health');
  flags.durationVar(
    options,
    'healthInterval',
    'health-interval',
    '',
    'Time between running the check (ms|s|m|h)',
  );
  flags.intVar(
    options,
    'healthRetries',
    'health-retries',
    '',
    'Consecutive failures needed to report unhealthy',
  );
  flags.durationVar(
    options,
    'healthStartInterval',
    'health-start-interval',
    '',
    'Time between running the check during the start period (ms|s|m|h)',
  );
  flags.durationVar(
    options,
    'healthStartPeriod',
    'health-start-period',
    '',
    'Start period for the container to initialize before starting health-retries countdown (ms|s|m|h)',
  );
  flags.durationVar(
    options,
    'healthTimeout',
    'health-timeout',
    '',
    'Maximum time to allow one check to run (ms|s|m|h)',
  );
  flags.boolVar(options, 'help', 'help', '', 'Print usage');
  flags.stringVar(options, 'hostname', 'hostname', 'h', 'Container host name');
  flags.boolVar(
    options,
    'init',
    'init',
    '',
    'Run an init inside the container that forwards signals and reaps processes',
  );
  flags.boolVar(options, 'interactive', 'interactive', 'i', 'Keep STDIN open even if not attached');
  flags.add(
    options.ioMaxbandwidth,
    'io-maxbandwidth',
    '',
    'Maximum IO bandwidth limit for the system drive (Windows only)',
  );
  flags.uintVar(
    options,
    'ioMaxiops',
    'io-maxiops',
    '',
    'Maximum IOps limit for the system drive (Windows only)',
  );
  flags.stringVar(options, 'ip', 'ip', '', 'IPv4 address (e.g., 172.30.100.104)');
  flags.stringVar(options, 'ip6', 'ip6', '', 'IPv6 address (e.g., 2001:db8::33)');
  flags.stringVar(options, 'ipc', 'ipc', '', 'IPC mode to use');
  flags.stringVar(options, 'isolation', 'isolation', '', 'Container isolation technology');
  flags.add(options.kernelMemory, 'kernel-memory', '', 'Kernel memory limit');
  flags.add(options.label, 'label', 'l', 'Set meta data on a container');
  flags.add(options.labelFile, 'label-file', '', 'Read in a line delimited file of labels');
  flags.add(options.link, 'link', '', 'Add link to another container');
  flags.add(options.linkLocalIp, 'link-local-ip', '', 'Container IPv4/IPv6 link-local addresses');
  flags.stringVar(options, 'logDriver', 'log-driver', '', 'Logging driver for the container');
  flags.add(options.logOpt, 'log-opt', '', 'Log driver options');
  flags.stringVar(
    options,
    'macAddress',
    'mac-address',
    '',
    'Container MAC address (e.g., 92:d0:c6:0a:29:33)',
  );
  flags.add(
    options.memorySwap,
    'memory-swap',
    '',
    `Swap limit equal to memory plus swap: '-1' to enable unlimited swap`,
  );
  flags.intVar(
    options,
    'memorySwappiness',
    'memory-swappiness',
    '',
    'Tune container memory swappiness (0 to 100)',
  );
  flags.add(options.mount, 'mount', '', 'Attach a filesystem mount to the container');
  flags.add(options.network, 'network', '', 'Connect a container to a network');
  flags.add(
    options.networkAlias,
    'network-alias',
    '',
    'Add network-scoped alias for the container',
  );
  flags.boolVar(
    options,
    'noHealthcheck',
    'no-healthcheck',
    '',
    'Disable any container-specified HEALTHCHECK',
  );
  flags.boolVar(options, 'oomKillDisable', 'oom-kill-disable', '', 'Disable OOM Killer');
  flags.intVar(
    options,
    'oomScoreAdj',
    'oom-score-adj',
    '',
    `Tune host's OOM preferences (-1000 to 1000)`,
  );
  flags.stringVar(options, 'pid', 'pid', '', 'PID namespace to use');
  flags.boolVar(
    options,
    'privileged',
    'privileged',
    '',
    'Give extended privileges to this container',
  );
  flags.add(options.publish, 'publish', 'p', `Publish a container's port(s) to the host`);
  flags.boolVar(
    options,
    'publishAll',
    'publish-all',
    'P',
    'Publish all exposed ports to random ports',
  );
  flags.boolVar(
    options,
    'readOnly',
    'read-only',
    '',
    `Mount the container's root filesystem as read only`,
  );
  flags.boolVar(
    options,
    'rm',
    'rm',
    '',
    'Automatically remove the container and its associated anonymous volumes when it exits',
  );
  flags.stringVar(options, 'runtime', 'runtime', '', 'Runtime to use for this container');
  flags.add(options.securityOpt, 'security-opt', '', 'Security Options');
  flags.add(options.shmSize, 'shm-size', '', 'Size of /dev/shm');
  flags.stringVar(options, 'stopSignal', 'stop-signal', '', 'Signal to stop the container');
  flags.intVar(
    options,
    'stopTimeout',
    'stop-timeout',
    '',
    'Timeout (in seconds) to stop a container',
  );
  flags.add(options.storageOpt, 'storage-opt', '', 'Storage driver options for the container');
  flags.add(options.sysctl, 'sysctl', '', 'Sysctl options');
  flags.add(options.tmpfs, 'tmpfs', '', 'Mount a tmpfs directory');
  flags.boolVar(options, 'tty', 'tty', 't', 'Allocate a pseudo-TTY');
  flags.add(options.ulimit, 'ulimit', '', 'Ulimit options');
  flags.stringVar(
    options,
    'user',
    'user',
    'u',
    'Username or UID (format: <name|uid>[:<group|gid>])',
  );
  flags.stringVar(options, 'userns', 'userns', '', 'User namespace to use');
  flags.stringVar(options, 'uts', 'uts', '', 'UTS namespace to use');
  flags.add(options.volume, 'volume', 'v', 'Bind mount a volume');
  flags.stringVar(
    options,
    'volumeDriver',
    'volume-driver',
    '',
    'Optional volume driver for the container',
  );
  flags.add(
    options.volumesFrom,
    'volumes-from',
    '',
    'Mount volumes from the specified container(s)',
  );
  flags.stringVar(options, 'workdir', 'workdir', 'w', 'Working directory inside the container');
}
