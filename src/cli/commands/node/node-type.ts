import { goTypes, type GoType } from '../../format/template/index';

/**
 * swarm.Node as Go types it (moby api/types/swarm, v27), so that `--format` templates behave as
 * against the real struct: `{{.ManagerStatus.Leader}}` fails on a worker (nil pointer), prints
 * `false` on a manager that is not the leader, and `{{.CreatedAt}}` prints Go's time format.
 * The byte slices of TLSInfo are typed as their base64 text, as they travel in JSON.
 */
const string = goTypes.string;
const stringMap = goTypes.map(string, string);

const version = goTypes.struct('swarm.Version', { Index: goTypes.uint64 });

const tlsInfo = goTypes.struct('swarm.TLSInfo', {
  TrustRoot: string,
  CertIssuerSubject: string,
  CertIssuerPublicKey: string,
});

const nodeSpec = goTypes.struct('swarm.NodeSpec', {
  Name: string,
  Labels: stringMap,
  Role: goTypes.named('string', 'swarm.NodeRole'),
  Availability: goTypes.named('string', 'swarm.NodeAvailability'),
});

const description = goTypes.struct('swarm.NodeDescription', {
  Hostname: string,
  Platform: goTypes.struct('swarm.Platform', { Architecture: string, OS: string }),
  Resources: goTypes.struct('swarm.Resources', {
    NanoCPUs: goTypes.int64,
    MemoryBytes: goTypes.int64,
    GenericResources: goTypes.slice(goTypes.struct('swarm.GenericResource')),
  }),
  Engine: goTypes.struct('swarm.EngineDescription', {
    EngineVersion: string,
    Labels: stringMap,
    Plugins: goTypes.slice(
      goTypes.struct('swarm.PluginDescription', { Type: string, Name: string }),
    ),
  }),
  TLSInfo: tlsInfo,
  CSIInfo: goTypes.slice(goTypes.struct('swarm.NodeCSIInfo')),
});

const status = goTypes.struct('swarm.NodeStatus', {
  State: goTypes.named('string', 'swarm.NodeState'),
  Message: string,
  Addr: string,
});

const managerStatus = goTypes.struct('swarm.ManagerStatus', {
  Leader: goTypes.bool,
  Reachability: goTypes.named('string', 'swarm.Reachability'),
  Addr: string,
});

export const SWARM_NODE_TYPE: GoType = goTypes.struct('swarm.Node', {
  ID: string,
  Version: version,
  CreatedAt: goTypes.time,
  UpdatedAt: goTypes.time,
  Spec: nodeSpec,
  Description: description,
  Status: status,
  ManagerStatus: goTypes.pointer(managerStatus),
});
