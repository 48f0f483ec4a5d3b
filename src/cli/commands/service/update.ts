import { ListValue, MemBytesValue, TextValue } from '../../flags';
import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface UpdateOptions {
  args: TextValue;
  capAdd: ListValue;
  capDrop: ListValue;
  configAdd: TextValue;
  configRm: ListValue;
  constraintAdd: ListValue;
  constraintRm: ListValue;
  containerLabelAdd: ListValue;
  containerLabelRm: ListValue;
  credentialSpec: TextValue;
  detach: boolean;
  dnsAdd: ListValue;
  dnsOptionAdd: ListValue;
  dnsOptionRm: ListValue;
  dnsRm: ListValue;
  dnsSearchAdd: ListValue;
  dnsSearchRm: ListValue;
  endpointMode: string;
  entrypoint: TextValue;
  envAdd: ListValue;
  envRm: ListValue;
  force: boolean;
  genericResourceAdd: ListValue;
  genericResourceRm: ListValue;
  groupAdd: ListValue;
  groupRm: ListValue;
  healthCmd: string;
  healthInterval: bigint;
  healthRetries: number;
  healthStartInterval: bigint;
  healthStartPeriod: bigint;
  healthTimeout: bigint;
  hostAdd: ListValue;
  hostRm: ListValue;
  hostname: string;
  image: string;
  init: boolean;
  isolation: string;
  labelAdd: ListValue;
  labelRm: ListValue;
  limitCpu: TextValue;
  limitMemory: MemBytesValue;
  limitPids: number;
  logDriver: string;
  logOpt: ListValue;
  maxConcurrent: number;
  mountAdd: TextValue;
  mountRm: ListValue;
  networkAdd: TextValue;
  networkRm: ListValue;
  noHealthcheck: boolean;
  noResolveImage: boolean;
  oomScoreAdj: number;
  placementPrefAdd: TextValue;
  placementPrefRm: TextValue;
  publishAdd: TextValue;
  publishRm: TextValue;
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
  rollback: boolean;
  rollbackDelay: bigint;
  rollbackFailureAction: string;
  rollbackMaxFailureRatio: number;
  rollbackMonitor: bigint;
  rollbackOrder: string;
  rollbackParallelism: number;
  secretAdd: TextValue;
  secretRm: ListValue;
  stopGracePeriod: bigint;
  stopSignal: string;
  sysctlAdd: ListValue;
  sysctlRm: ListValue;
  tty: boolean;
  ulimitAdd: TextValue;
  ulimitRm: ListValue;
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

/** `docker service update`: update a service. */
export function newUpdateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: UpdateOptions = {
    args: new TextValue('command'),
    capAdd: new ListValue(),
    capDrop: new ListValue(),
    configAdd: new TextValue('config'),
    configRm: new ListValue(),
    constraintAdd: new ListValue(),
    constraintRm: new ListValue(),
    containerLabelAdd: new ListValue(),
    containerLabelRm: new ListValue(),
    credentialSpec: new TextValue('credential-spec'),
    detach: false,
    dnsAdd: new ListValue(),
    dnsOptionAdd: new ListValue(),
    dnsOptionRm: new ListValue(),
    dnsRm: new ListValue(),
    dnsSearchAdd: new ListValue(),
    dnsSearchRm: new ListValue(),
    endpointMode: '',
    entrypoint: new TextValue('command'),
    envAdd: new ListValue(),
    envRm: new ListValue(),
    force: false,
    genericResourceAdd: new ListValue(),
    genericResourceRm: new ListValue(),
    groupAdd: new ListValue(),
    groupRm: new ListValue(),
    healthCmd: '',
    healthInterval: 0n,
    healthRetries: 0,
    healthStartInterval: 0n,
    healthStartPeriod: 0n,
    healthTimeout: 0n,
    hostAdd: new ListValue(),
    hostRm: new ListValue(),
    hostname: '',
    image: '',
    init: false,
    isolation: '',
    labelAdd: new ListValue(),
    labelRm: new ListValue(),
    limitCpu: new TextValue('decimal'),
    limitMemory: new MemBytesValue(),
    limitPids: 0,
    logDriver: '',
    logOpt: new ListValue(),
    maxConcurrent: 0,
    mountAdd: new TextValue('mount'),
    mountRm: new ListValue(),
    networkAdd: new TextValue('network'),
    networkRm: new ListValue(),
    noHealthcheck: false,
    noResolveImage: false,
    oomScoreAdj: 0,
    placementPrefAdd: new TextValue('pref'),
    placementPrefRm: new TextValue('pref'),
    publishAdd: new TextValue('port'),
    publishRm: new TextValue('port'),
    quiet: false,
    readOnly: false,
    replicas: 0,
    replicasMaxPerNode: 0,
    reserveCpu: new TextValue('decimal'),
    reserveMemory: new MemBytesValue(),
    restartCondition: '',
    restartDelay: 0n,
    restartMaxAttempts: 0,
    restartWindow: 0n,
    rollback: false,
    rollbackDelay: 0n,
    rollbackFailureAction: '',
    rollbackMaxFailureRatio: 0,
    rollbackMonitor: 0n,
    rollbackOrder: '',
    rollbackParallelism: 0,
    secretAdd: new TextValue('secret'),
    secretRm: new ListValue(),
    stopGracePeriod: 0n,
    stopSignal: '',
    sysctlAdd: new ListValue(),
    sysctlRm: new ListValue(),
    tty: false,
    ulimitAdd: new TextValue('ulimit', '[]'),
    ulimitRm: new ListValue(),
    updateDelay: 0n,
    updateFailureAction: '',
    updateMaxFailureRatio: 0,
    updateMonitor: 0n,
    updateOrder: '',
    updateParallelism: 0,
    user: '',
    withRegistryAuth: false,
    workdir: '',
  };
  const command = new Command({
    use: 'update [OPTIONS] SERVICE',
    short: 'Update a service',
    args: exactArgs(1),
    run: (invocation) => runUpdate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.add(options.args, 'args', '', 'Service command args');
  flags.add(options.capAdd, 'cap-add', '', 'Add Linux capabilities');
  flags.add(options.capDrop, 'cap-drop', '', 'Drop Linux capabilities');
  flags.add(options.configAdd, 'config-add', '', 'Add or update a config file on a service');
  flags.add(options.configRm, 'config-rm', '', 'Remove a configuration file');
  flags.add(options.constraintAdd, 'constraint-add', '', 'Add or update a placement constraint');
  flags.add(options.constraintRm, 'constraint-rm', '', 'Remove a constraint');
  flags.add(
    options.containerLabelAdd,
    'container-label-add',
    '',
    'Add or update a container label',
  );
  flags.add(
    options.containerLabelRm,
    'container-label-rm',
    '',
    'Remove a container label by its key',
  );
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
  flags.add(options.dnsAdd, 'dns-add', '', 'Add or update a custom DNS server');
  flags.add(options.dnsOptionAdd, 'dns-option-add', '', 'Add or update a DNS option');
  flags.add(options.dnsOptionRm, 'dns-option-rm', '', 'Remove a DNS option');
  flags.add(options.dnsRm, 'dns-rm', '', 'Remove a custom DNS server');
  flags.add(options.dnsSearchAdd, 'dns-search-add', '', 'Add or update a custom DNS search domain');
  flags.add(options.dnsSearchRm, 'dns-search-rm', '', 'Remove a DNS search domain');
  flags.stringVar(options, 'endpointMode', 'endpoint-mode', '', 'Endpoint mode (vip or dnsrr)');
  flags.add(options.entrypoint, 'entrypoint', '', 'Overwrite the default ENTRYPOINT of the image');
  flags.add(options.envAdd, 'env-add', '', 'Add or update an environment variable');
  flags.add(options.envRm, 'env-rm', '', 'Remove an environment variable');
  flags.boolVar(options, 'force', 'force', '', 'Force update even if no changes require it');
  flags.add(options.genericResourceAdd, 'generic-resource-add', '', 'Add a Generic resource');
  flags.add(options.genericResourceRm, 'generic-resource-rm', '', 'Remove a Generic resource');
  flags.add(
    options.groupAdd,
    'group-add',
    '',
    'Add an additional supplementary user group to the container',
  );
  flags.add(
    options.groupRm,
    'group-rm',
    '',
    'Remove a previously added supplementary user group from the container',
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
  flags.add(options.hostAdd, 'host-add', '', 'Add a custom host-to-IP mapping ("host:ip")');
  flags.add(options.hostRm, 'host-rm', '', 'Remove a custom host-to-IP mapping ("host:ip")');
  flags.stringVar(options, 'hostname', 'hostname', '', 'Container hostname');
  flags.stringVar(options, 'image', 'image', '', 'Service image tag');
  flags.boolVar(
    options,
    'init',
    'init',
    '',
    'Use an init inside each service container to forward signals and reap processes',
  );
  flags.stringVar(options, 'isolation', 'isolation', '', 'Service container isolation mode');
  flags.add(options.labelAdd, 'label-add', '', 'Add or update a service label');
  flags.add(options.labelRm, 'label-rm', '', 'Remove a label by its key');
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
  flags.add(options.mountAdd, 'mount-add', '', 'Add or update a mount on a service');
  flags.add(options.mountRm, 'mount-rm', '', 'Remove a mount by its target path');
  flags.add(options.networkAdd, 'network-add', '', 'Add a network');
  flags.add(options.networkRm, 'network-rm', '', 'Remove a network');
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
  flags.add(options.placementPrefAdd, 'placement-pref-add', '', 'Add a placement preference');
  flags.add(options.placementPrefRm, 'placement-pref-rm', '', 'Remove a placement preference');
  flags.add(options.publishAdd, 'publish-add', '', 'Add or update a published port');
  flags.add(options.publishRm, 'publish-rm', '', 'Remove a published port by its target port');
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
  flags.boolVar(options, 'rollback', 'rollback', '', 'Rollback to previous specification');
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
  flags.add(options.secretAdd, 'secret-add', '', 'Add or update a secret on a service');
  flags.add(options.secretRm, 'secret-rm', '', 'Remove a secret');
  flags.durationVar(
    options,
    'stopGracePeriod',
    'stop-grace-period',
    '',
    'Time to wait before force killing a container (ns|us|ms|s|m|h)',
  );
  flags.stringVar(options, 'stopSignal', 'stop-signal', '', 'Signal to stop the container');
  flags.add(options.sysctlAdd, 'sysctl-add', '', 'Add or update a Sysctl option');
  flags.add(options.sysctlRm, 'sysctl-rm', '', 'Remove a Sysctl option');
  flags.boolVar(options, 'tty', 'tty', 't', 'Allocate a pseudo-TTY');
  flags.add(options.ulimitAdd, 'ulimit-add', '', 'Add or update a ulimit option');
  flags.add(options.ulimitRm, 'ulimit-rm', '', 'Remove a ulimit option');
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

export function runUpdate(
  _cli: DockerCli,
  _options: UpdateOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
