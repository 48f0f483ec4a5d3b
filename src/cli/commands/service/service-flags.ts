import { ListValue, MemBytesValue, parseGoDuration, type FlagSet } from '../../flags';
import { CpusValue, CredentialSpecValue, PositiveDurationValue, ShlexValue } from './opts/values';
import { envValidator } from './opts/validators';

/**
 * The flags `service create` and `service update` share: docker's serviceOptions, defined by
 * `addServiceFlags` in cli/command/service/opts.go. The values here are update's: zero, so that
 * only the flags given change the service.
 */
export interface ServiceOptions {
  capAdd: ListValue;
  capDrop: ListValue;
  credentialSpec: CredentialSpecValue;
  detach: boolean;
  endpointMode: string;
  entrypoint: ShlexValue;
  healthCmd: string;
  healthInterval: PositiveDurationValue;
  healthRetries: number;
  healthStartInterval: PositiveDurationValue;
  healthStartPeriod: PositiveDurationValue;
  healthTimeout: PositiveDurationValue;
  hostname: string;
  init: boolean;
  isolation: string;
  limitCpu: CpusValue;
  limitMemory: MemBytesValue;
  limitPids: number;
  logDriver: string;
  logOpt: ListValue;
  maxConcurrent: number;
  noHealthcheck: boolean;
  noResolveImage: boolean;
  oomScoreAdj: number;
  quiet: boolean;
  readOnly: boolean;
  replicas: number;
  replicasMaxPerNode: number;
  reserveCpu: CpusValue;
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
  stopGracePeriod: bigint;
  stopSignal: string;
  tty: boolean;
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

/** `environment` is the CLI's own: a bare `--log-opt KEY` takes its value from it, as docker's. */
export function newServiceOptions(environment: ReadonlyMap<string, string>): ServiceOptions {
  return {
    capAdd: new ListValue(),
    capDrop: new ListValue(),
    credentialSpec: new CredentialSpecValue(),
    detach: false,
    endpointMode: '',
    entrypoint: new ShlexValue(),
    healthCmd: '',
    healthInterval: new PositiveDurationValue(),
    healthRetries: 0,
    healthStartInterval: new PositiveDurationValue(),
    healthStartPeriod: new PositiveDurationValue(),
    healthTimeout: new PositiveDurationValue(),
    hostname: '',
    init: false,
    isolation: '',
    limitCpu: new CpusValue(),
    limitMemory: new MemBytesValue(),
    limitPids: 0,
    logDriver: '',
    logOpt: new ListValue(envValidator(environment)),
    maxConcurrent: 0,
    noHealthcheck: false,
    noResolveImage: false,
    oomScoreAdj: 0,
    quiet: false,
    readOnly: false,
    replicas: 0,
    replicasMaxPerNode: 0,
    reserveCpu: new CpusValue(),
    reserveMemory: new MemBytesValue(),
    restartCondition: '',
    restartDelay: 0n,
    restartMaxAttempts: 0,
    restartWindow: 0n,
    rollbackDelay: 0n,
    rollbackFailureAction: '',
    rollbackMaxFailureRatio: 0,
    rollbackMonitor: 0n,
    rollbackOrder: '',
    rollbackParallelism: 0,
    stopGracePeriod: 0n,
    stopSignal: '',
    tty: false,
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
}

/** docker's buildServiceDefaultFlagMapping: the defaults `service create` starts from. */
export const SERVICE_CREATE_DEFAULTS = {
  endpointMode: 'vip',
  restartCondition: 'any',
  restartDelay: parseGoDuration('5s'),
  rollbackFailureAction: 'pause',
  rollbackMonitor: parseGoDuration('5s'),
  rollbackOrder: 'stop-first',
  rollbackParallelism: 1,
  stopGracePeriod: parseGoDuration('10s'),
  updateFailureAction: 'pause',
  updateMonitor: parseGoDuration('5s'),
  updateOrder: 'stop-first',
  updateParallelism: 1,
} satisfies Partial<ServiceOptions>;

export function addServiceFlags(flags: FlagSet, options: ServiceOptions): void {
  flags.add(options.capAdd, 'cap-add', '', 'Add Linux capabilities');
  flags.add(options.capDrop, 'cap-drop', '', 'Drop Linux capabilities');
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
  flags.stringVar(options, 'endpointMode', 'endpoint-mode', '', 'Endpoint mode (vip or dnsrr)');
  flags.add(options.entrypoint, 'entrypoint', '', 'Overwrite the default ENTRYPOINT of the image');
  flags.stringVar(options, 'healthCmd', 'health-cmd', '', 'Command to run to check health');
  flags.add(
    options.healthInterval,
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
  flags.add(
    options.healthStartInterval,
    'health-start-interval',
    '',
    'Time between running the check during the start period (ms|s|m|h)',
  );
  flags.add(
    options.healthStartPeriod,
    'health-start-period',
    '',
    'Start period for the container to initialize before counting retries towards unstable (ms|s|m|h)',
  );
  flags.add(
    options.healthTimeout,
    'health-timeout',
    '',
    'Maximum time to allow one check to run (ms|s|m|h)',
  );
  flags.stringVar(options, 'hostname', 'hostname', '', 'Container hostname');
  flags.boolVar(
    options,
    'init',
    'init',
    '',
    'Use an init inside each service container to forward signals and reap processes',
  );
  flags.stringVar(options, 'isolation', 'isolation', '', 'Service container isolation mode');
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
  flags.durationVar(
    options,
    'stopGracePeriod',
    'stop-grace-period',
    '',
    'Time to wait before force killing a container (ns|us|ms|s|m|h)',
  );
  flags.stringVar(options, 'stopSignal', 'stop-signal', '', 'Signal to stop the container');
  flags.boolVar(options, 'tty', 'tty', 't', 'Allocate a pseudo-TTY');
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
}
