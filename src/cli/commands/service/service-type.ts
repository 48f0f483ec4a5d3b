import { formatGoDuration } from '../../flags';
import { goTypes, type GoType } from '../../format/template/index';

/**
 * swarm.Service as Go types it (moby api/types/swarm at 27.5.1), so that `service inspect
 * --format` behaves as against the real struct: `{{.Spec.Mode.Replicated.Replicas}}` prints 3
 * through its pointer and fails on a global service (nil pointer), `{{.UpdateStatus.State}}`
 * fails when there is no update status, and a duration prints as `5s`.
 */
const string = goTypes.string;
const stringMap = goTypes.map(string, string);
const strings = goTypes.slice(string);
const uint64 = goTypes.uint64;
const int64 = goTypes.int64;

/**
 * time.Duration: an int64 whose String() is Go's duration text. It is described as a struct with
 * a stringer (the template layer has no named integer with methods); JSON stays the number.
 */
const duration = goTypes.struct(
  'time.Duration',
  {},
  {
    stringer: (value) => formatGoDuration(BigInt(typeof value === 'number' ? value : 0)),
    marshalJSON: (value) => value,
  },
);

const version = goTypes.struct('swarm.Version', { Index: uint64 });

const portConfig = goTypes.struct('swarm.PortConfig', {
  Name: string,
  Protocol: goTypes.named('string', 'swarm.PortConfigProtocol'),
  TargetPort: goTypes.uint32,
  PublishedPort: goTypes.uint32,
  PublishMode: goTypes.named('string', 'swarm.PortConfigPublishMode'),
});

const mount = goTypes.struct('mount.Mount', {
  Type: goTypes.named('string', 'mount.Type'),
  Source: string,
  Target: string,
  ReadOnly: goTypes.bool,
  Consistency: goTypes.named('string', 'mount.Consistency'),
  BindOptions: goTypes.pointer(goTypes.struct('mount.BindOptions')),
  VolumeOptions: goTypes.pointer(goTypes.struct('mount.VolumeOptions')),
  TmpfsOptions: goTypes.pointer(goTypes.struct('mount.TmpfsOptions')),
});

const fileTarget = goTypes.pointer(
  goTypes.struct('swarm.SecretReferenceFileTarget', {
    Name: string,
    UID: string,
    GID: string,
    Mode: goTypes.named('uint', 'fs.FileMode'),
  }),
);

const healthConfig = goTypes.struct('container.HealthConfig', {
  Test: strings,
  Interval: duration,
  Timeout: duration,
  StartPeriod: duration,
  StartInterval: duration,
  Retries: goTypes.int,
});

const containerSpec = goTypes.struct('swarm.ContainerSpec', {
  Image: string,
  Labels: stringMap,
  Command: strings,
  Args: strings,
  Hostname: string,
  Env: strings,
  Dir: string,
  User: string,
  Groups: strings,
  Privileges: goTypes.pointer(goTypes.struct('swarm.Privileges')),
  Init: goTypes.pointer(goTypes.bool),
  StopSignal: string,
  TTY: goTypes.bool,
  OpenStdin: goTypes.bool,
  ReadOnly: goTypes.bool,
  Mounts: goTypes.slice(mount),
  StopGracePeriod: goTypes.pointer(duration),
  Healthcheck: goTypes.pointer(healthConfig),
  Hosts: strings,
  DNSConfig: goTypes.pointer(
    goTypes.struct('swarm.DNSConfig', { Nameservers: strings, Search: strings, Options: strings }),
  ),
  Secrets: goTypes.slice(
    goTypes.pointer(
      goTypes.struct('swarm.SecretReference', {
        File: fileTarget,
        SecretID: string,
        SecretName: string,
      }),
    ),
  ),
  Configs: goTypes.slice(
    goTypes.pointer(
      goTypes.struct('swarm.ConfigReference', {
        File: fileTarget,
        ConfigID: string,
        ConfigName: string,
      }),
    ),
  ),
  Isolation: goTypes.named('string', 'container.Isolation'),
  Sysctls: stringMap,
  CapabilityAdd: strings,
  CapabilityDrop: strings,
  Ulimits: goTypes.slice(
    goTypes.pointer(goTypes.struct('container.Ulimit', { Name: string, Hard: int64, Soft: int64 })),
  ),
  OomScoreAdj: int64,
});

const genericResources = goTypes.slice(goTypes.struct('swarm.GenericResource'));

const taskSpec = goTypes.struct('swarm.TaskSpec', {
  ContainerSpec: goTypes.pointer(containerSpec),
  Resources: goTypes.pointer(
    goTypes.struct('swarm.ResourceRequirements', {
      Limits: goTypes.pointer(
        goTypes.struct('swarm.Limit', { NanoCPUs: int64, MemoryBytes: int64, Pids: int64 }),
      ),
      Reservations: goTypes.pointer(
        goTypes.struct('swarm.Resources', {
          NanoCPUs: int64,
          MemoryBytes: int64,
          GenericResources: genericResources,
        }),
      ),
    }),
  ),
  RestartPolicy: goTypes.pointer(
    goTypes.struct('swarm.RestartPolicy', {
      Condition: goTypes.named('string', 'swarm.RestartPolicyCondition'),
      Delay: goTypes.pointer(duration),
      MaxAttempts: goTypes.pointer(uint64),
      Window: goTypes.pointer(duration),
    }),
  ),
  Placement: goTypes.pointer(
    goTypes.struct('swarm.Placement', {
      Constraints: strings,
      Preferences: goTypes.slice(
        goTypes.struct('swarm.PlacementPreference', {
          Spread: goTypes.pointer(goTypes.struct('swarm.SpreadOver', { SpreadDescriptor: string })),
        }),
      ),
      MaxReplicas: uint64,
      Platforms: goTypes.slice(
        goTypes.struct('swarm.Platform', { Architecture: string, OS: string }),
      ),
    }),
  ),
  Networks: goTypes.slice(
    goTypes.struct('swarm.NetworkAttachmentConfig', {
      Target: string,
      Aliases: strings,
      DriverOpts: stringMap,
    }),
  ),
  LogDriver: goTypes.pointer(goTypes.struct('swarm.Driver', { Name: string, Options: stringMap })),
  ForceUpdate: uint64,
  Runtime: goTypes.named('string', 'swarm.RuntimeType'),
});

const updateConfig = goTypes.pointer(
  goTypes.struct('swarm.UpdateConfig', {
    Parallelism: uint64,
    Delay: duration,
    FailureAction: string,
    Monitor: duration,
    MaxFailureRatio: goTypes.named('float', 'float32'),
    Order: string,
  }),
);

const endpointSpec = goTypes.struct('swarm.EndpointSpec', {
  Mode: goTypes.named('string', 'swarm.ResolutionMode'),
  Ports: goTypes.slice(portConfig),
});

const serviceSpec = goTypes.struct('swarm.ServiceSpec', {
  Name: string,
  Labels: stringMap,
  TaskTemplate: taskSpec,
  Mode: goTypes.struct('swarm.ServiceMode', {
    Replicated: goTypes.pointer(
      goTypes.struct('swarm.ReplicatedService', { Replicas: goTypes.pointer(uint64) }),
    ),
    Global: goTypes.pointer(goTypes.struct('swarm.GlobalService', {})),
    ReplicatedJob: goTypes.pointer(
      goTypes.struct('swarm.ReplicatedJob', {
        MaxConcurrent: goTypes.pointer(uint64),
        TotalCompletions: goTypes.pointer(uint64),
      }),
    ),
    GlobalJob: goTypes.pointer(goTypes.struct('swarm.GlobalJob', {})),
  }),
  UpdateConfig: updateConfig,
  RollbackConfig: updateConfig,
  EndpointSpec: goTypes.pointer(endpointSpec),
});

export const SWARM_SERVICE_TYPE: GoType = goTypes.struct('swarm.Service', {
  ID: string,
  Version: version,
  CreatedAt: goTypes.time,
  UpdatedAt: goTypes.time,
  Spec: serviceSpec,
  PreviousSpec: goTypes.pointer(serviceSpec),
  Endpoint: goTypes.struct('swarm.Endpoint', {
    Spec: endpointSpec,
    Ports: goTypes.slice(portConfig),
    VirtualIPs: goTypes.slice(
      goTypes.struct('swarm.EndpointVirtualIP', { NetworkID: string, Addr: string }),
    ),
  }),
  UpdateStatus: goTypes.pointer(
    goTypes.struct('swarm.UpdateStatus', {
      State: goTypes.named('string', 'swarm.UpdateState'),
      StartedAt: goTypes.pointer(goTypes.time),
      CompletedAt: goTypes.pointer(goTypes.time),
      Message: string,
    }),
  ),
  ServiceStatus: goTypes.pointer(
    goTypes.struct('swarm.ServiceStatus', {
      RunningTasks: uint64,
      DesiredTasks: uint64,
      CompletedTasks: uint64,
    }),
  ),
  JobStatus: goTypes.pointer(
    goTypes.struct('swarm.JobStatus', { JobIteration: version, LastExecution: goTypes.time }),
  ),
});
