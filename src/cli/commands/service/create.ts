import { ListValue, MemBytesValue, TextValue, parseGoDuration } from '../../flags';
import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface CreateOptions {
  capAdd: ListValue;
  capDrop: ListValue;
  config: TextValue;
  constraint: ListValue;
  containerLabel: ListValue;
  credentialSpec: TextValue;
  detach: boolean;
  dns: ListValue;
  dnsOption: ListValue;
  dnsSearch: ListValue;
  endpointMode: string;
  entrypoint: TextValue;
  env: ListValue;
  envFile: ListValue;
  genericResource: ListValue;
  group: ListValue;
  healthCmd: string;
  healthInterval: bigint;
  healthRetries: number;
  healthStartInterval: bigint;
  healthStartPeriod: bigint;
  healthTimeout: bigint;
  host: ListValue;
  hostname: string;
  init: boolean;
  isolation: string;
  label: ListValue;
  limitCpu: TextValue;
  limitMemory: MemBytesValue;
  limitPids: number;
  logDriver: string;
  logOpt: ListValue;
  maxConcurrent: number;
  mode: string;
  mount: TextValue;
  name: string;
  network: TextValue;
  noHealthcheck: boolean;
  noResolveImage: boolean;
  oomScoreAdj: number;
  placementPref: TextValue;
  publish: TextValue;
  quiet: boolean;
  readOnly: boolean;
  replicas: number;
  replicasMaxPerNode: number;
  reserveCpu: TextValue;
  reserveMemory: MemBytesValue;
  restartCondition: string;
  restartDelay: bigint;
  restartMaxAttempts: number;
  restartWindow: bigint;
  rollbackDelay: bigint;
  rollbackFailureAction: string;
  rollbackMaxFailureRatio: number;
  rollbackMonitor: bigint;
  rollbackOrder: string;
  rollbackParallelism: number;
  secret: TextValue;
  stopGracePeriod: bigint;
  stopSignal: string;
  sysctl: ListValue;
  tty: boolean;
  ulimit: TextValue;
  updateDelay: bigint;
  updateFailureAction: string;
  updateMaxFailureRatio: number;
  updateMonitor: bigint;
  updateOrder: string;
  updateParallelism: number;
  user: string;
  withRegistryAuth: boolean;
  workdir: string;
}

/** `docker service create`: create a new service. */
export function newCreateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: CreateOptions = {
    capAdd: new ListValue(),
    capDrop: new ListValue(),
    config: new TextValue('config'),
    constraint: new ListValue(),
    containerLabel: new ListValue(),
    credentialSpec: new TextValue('credential-spec'),
    detach: false,
    dns: new ListValue(),
    dnsOption: new ListValue(),
    dnsSearch: new ListValue(),
    endpointMode: 'vip',
    entrypoint: new TextValue('command'),
    env: new ListValue(),
    envFile: new ListValue(),
    genericResource: new ListValue(),
    group: new ListValue(),
    healthCmd: '',
    healthInterval: 0n,
    healthRetries: 0,
    healthStartInterval: 0n,
    healthStartPeriod: 0n,
    healthTimeout: 0n,
    host: new ListValue(),
    hostname: '',
    init: false,
    isolation: '',
    label: new ListValue(),
    limitCpu: new TextValue('decimal'),
    limitMemory: new MemBytesValue(),
    limitPids: 0,
    logDriver: '',
    logOpt: new ListValue(),
    maxConcurrent: 0,
    mode: 'replicated',
    mount: new TextValue('mount'),
    name: '',
    network: new TextValue('network'),
    noHealthcheck: false,
    noResolveImage: false,
    oomScoreAdj: 0,
    placementPref: new TextValue('pref'),
    publish: new TextValue('port'),
    quiet: false,
    readOnly: false,
    replicas: 0,
    replicasMaxPerNode: 0,
    reserveCpu: new TextValue('decimal'),
    reserveMemory: new MemBytesValue(),
    restartCondition: 'any',
    restartDelay: parseGoDuration('5s'),
    restartMaxAttempts: 0,
    restartWindow: 0n,
    rollbackDelay: parseGoDuration('0s'),
    rollbackFailureAction: 'pause',
    rollbackMaxFailureRatio: 0,
    rollbackMonitor: parseGoDuration('5s'),
    rollbackOrder: 'stop-first',
    rollbackParallelism: 1,
    secret: new TextValue('secret'),
    stopGracePeriod: parseGoDuration('10s'),
    stopSignal: '',
    sysctl: new ListValue(),
    tty: false,
    ulimit: new TextValue('ulimit', '[]'),
    updateDelay: parseGoDuration('0s'),
    updateFailureAction: 'pause',
    updateMaxFailureRatio: 0,
    updateMonitor: parseGoDuration('5s'),
    updateOrder: 'stop-first',
    updateParallelism: 1,
    user: '',
    withRegistryAuth: false,
    workdir: '',
  };
  const command = new Command({
    use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
    short: 'Create a new service',
    args: requiresMinArgs(1),
    interspersed: false,
    run: (invocation) => runCreate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.add(options.capAdd, 'cap-add', '', 'Add Linux capabilities');
  flags.add(options.capDrop, 'cap-drop', '', 'Drop Linux capabilities');
  flags.add(options.config, 'config', '', 'Specify configurations to expose to the service');
  flags.add(options.constraint, 'constraint', '', 'Placement constraints');
  flags.add(options.containerLabel, 'container-label', '', 'Container labels');
  flags.add(
    options.credentialSpec,
    'credential-spec',
    '',
    'Credential spec for managed service account (Windows only)',
  );
  flags.boolVar(
    options,
    'detach',
    'detach',
    'd',
    'Exit immediately instead of waiting for the service to converge',
  );
  flags.add(options.dns, 'dns', '', 'Set custom DNS servers');
  flags.add(options.dnsOption, 'dns-option', '', 'Set DNS options');
  flags.add(options.dnsSearch, 'dns-search', '', 'Set custom DNS search domains');
  flags.stringVar(options, 'endpointMode', 'endpoint-mode', '', 'Endpoint mode (vip or dnsrr)');
  flags.add(options.entrypoint, 'entrypoint', '', 'Overwrite the default ENTRYPOINT of the image');
  flags.add(options.env, 'env', 'e', 'Set environment variables');
  flags.add(options.envFile, 'env-file', '', 'Read in a file of environment variables');
  flags.add(options.genericResource, 'generic-resource', '', 'User defined resources');
  flags.add(
    options.group,
    'group',
    '',
    'Set one or more supplementary user groups for the container',
  );
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
    'Start period for the container to initialize before counting retries towards unstable (ms|s|m|h)',
  );
  flags.durationVar(
    options,
    'healthTimeout',
    'health-timeout',
    '',
    'Maximum time to allow one check to run (ms|s|m|h)',
  );
  flags.add(options.host, 'host', '', 'Set one or more custom host-to-IP mappings (host:ip)');
  flags.stringVar(options, 'hostname', 'hostname', '', 'Container hostname');
  flags.boolVar(
    options,
    'init',
    'init',
    '',
    'Use an init inside each service container to forward signals and reap processes',
  );
  flags.stringVar(options, 'isolation', 'isolation', '', 'Service container isolation mode');
  flags.add(options.label, 'label', 'l', 'Service labels');
  flags.add(options.limitCpu, 'limit-cpu', '', 'Limit CPUs');
  flags.add(options.limitMemory, 'limit-memory', '', 'Limit Memory');
  flags.intVar(
    options,
    'limitPids',
    'limit-pids',
    '',
    'Limit maximum number of processes (default 0 = unlimited)',
  );
  flags.stringVar(options, 'logDriver', 'log-driver', '', 'Logging driver for service');
  flags.add(options.logOpt, 'log-opt', '', 'Logging driver options');
  flags.uintVar(
    options,
    'maxConcurrent',
    'max-concurrent',
    '',
    'Number of job tasks to run concurrently (default equal to --replicas)',
  );
  flags.stringVar(
    options,
    'mode',
    'mode',
    '',
    'Service mode ("replicated", "global", "replicated-job", "global-job")',
  );
  flags.add(options.mount, 'mount', '', 'Attach a filesystem mount to the service');
  flags.stringVar(options, 'name', 'name', '', 'Service name');
  flags.add(options.network, 'network', '', 'Network attachments');
  flags.boolVar(
    options,
    'noHealthcheck',
    'no-healthcheck',
    '',
    'Disable any container-specified HEALTHCHECK',
  );
  flags.boolVar(
    options,
    'noResolveImage',
    'no-resolve-image',
    '',
    'Do not query the registry to resolve image digest and supported platforms',
  );
  flags.intVar(
    options,
    'oomScoreAdj',
    'oom-score-adj',
    '',
    `Tune host's OOM preferences (-1000 to 1000) `,
  );
  flags.add(options.placementPref, 'placement-pref', '', 'Add a placement preference');
  flags.add(options.publish, 'publish', 'p', 'Publish a port as a node port');
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Suppress progress output');
  flags.boolVar(
    options,
    'readOnly',
    'read-only',
    '',
    `Mount the container's root filesystem as read only`,
  );
  flags.uintVar(options, 'replicas', 'replicas', '', 'Number of tasks');
  flags.uintVar(
    options,
    'replicasMaxPerNode',
    'replicas-max-per-node',
    '',
    'Maximum number of tasks per node (default 0 = unlimited)',
  );
  flags.add(options.reserveCpu, 'reserve-cpu', '', 'Reserve CPUs');
  flags.add(options.reserveMemory, 'reserve-memory', '', 'Reserve Memory');
  flags.stringVar(
    options,
    'restartCondition',
    'restart-condition',
    '',
    'Restart when condition is met ("none", "on-failure", "any")',
  );
  flags.durationVar(
    options,
    'restartDelay',
    'restart-delay',
    '',
    'Delay between restart attempts (ns|us|ms|s|m|h)',
  );
  flags.uintVar(
    options,
    'restartMaxAttempts',
    'restart-max-attempts',
    '',
    'Maximum number of restarts before giving up',
  );
  flags.durationVar(
    options,
    'restartWindow',
    'restart-window',
    '',
    'Window used to evaluate the restart policy (ns|us|ms|s|m|h)',
  );
  flags.durationVar(
    options,
    'rollbackDelay',
    'rollback-delay',
    '',
    'Delay between task rollbacks (ns|us|ms|s|m|h)',
  );
  flags.stringVar(
    options,
    'rollbackFailureAction',
    'rollback-failure-action',
    '',
    'Action on rollback failure ("pause", "continue")',
  );
  flags.floatVar(
    options,
    'rollbackMaxFailureRatio',
    'rollback-max-failure-ratio',
    '',
    'Failure rate to tolerate during a rollback',
  );
  flags.durationVar(
    options,
    'rollbackMonitor',
    'rollback-monitor',
    '',
    'Duration after each task rollback to monitor for failure (ns|us|ms|s|m|h)',
  );
  flags.stringVar(
    options,
    'rollbackOrder',
    'rollback-order',
    '',
    'Rollback order ("start-first", "stop-first")',
  );
  flags.uintVar(
    options,
    'rollbackParallelism',
    'rollback-parallelism',
    '',
    'Maximum number of tasks rolled back simultaneously (0 to roll back all at once)',
  );
  flags.add(options.secret, 'secret', '', 'Specify secrets to expose to the service');
  flags.durationVar(
    options,
    'stopGracePeriod',
    'stop-grace-period',
    '',
    'Time to wait before force killing a container (ns|us|ms|s|m|h)',
  );
  flags.stringVar(options, 'stopSignal', 'stop-signal', '', 'Signal to stop the container');
  flags.add(options.sysctl, 'sysctl', '', 'Sysctl options');
  flags.boolVar(options, 'tty', 'tty', 't', 'Allocate a pseudo-TTY');
  flags.add(options.ulimit, 'ulimit', '', 'Ulimit options');
  flags.durationVar(
    options,
    'updateDelay',
    'update-delay',
    '',
    'Delay between updates (ns|us|ms|s|m|h)',
  );
  flags.stringVar(
    options,
    'updateFailureAction',
    'update-failure-action',
    '',
    'Action on update failure ("pause", "continue", "rollback")',
  );
  flags.floatVar(
    options,
    'updateMaxFailureRatio',
    'update-max-failure-ratio',
    '',
    'Failure rate to tolerate during an update',
  );
  flags.durationVar(
    options,
    'updateMonitor',
    'update-monitor',
    '',
    'Duration after each task update to monitor for failure (ns|us|ms|s|m|h)',
  );
  flags.stringVar(
    options,
    'updateOrder',
    'update-order',
    '',
    'Update order ("start-first", "stop-first")',
  );
  flags.uintVar(
    options,
    'updateParallelism',
    'update-parallelism',
    '',
    'Maximum number of tasks updated simultaneously (0 to update all at once)',
  );
  flags.stringVar(
    options,
    'user',
    'user',
    'u',
    'Username or UID (format: <name|uid>[:<group|gid>])',
  );
  flags.boolVar(
    options,
    'withRegistryAuth',
    'with-registry-auth',
    '',
    'Send registry authentication details to swarm agents',
  );
  flags.stringVar(options, 'workdir', 'workdir', 'w', 'Working directory inside the container');
  return command;
}

export function runCreate(
  _cli: DockerCli,
  _options: CreateOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
