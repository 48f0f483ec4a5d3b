import type { Node, SwarmInfo, TLSInfo } from '../../../api/swarm';
import { prettyPrint } from '../../format/renderers';

/** docker's defaultNodeTableFormat: the ID cell carries ` *` on the node the CLI talks to. */
export const DEFAULT_NODE_TABLE_FORMAT =
  'table {{.ID}} {{if .Self}}*{{else}} {{ end }}\t{{.Hostname}}\t{{.Status}}\t{{.Availability}}\t{{.ManagerStatus}}\t{{.EngineVersion}}';

export const NODE_RAW_FORMAT =
  'node_id: {{.ID}}\\nhostname: {{.Hostname}}\\nstatus: {{.Status}}\\navailability: {{.Availability}}\\nmanager_status: {{.ManagerStatus}}\\n';
export const NODE_RAW_QUIET_FORMAT = 'node_id: {{.ID}}';

export const NODE_HEADER: Readonly<Record<string, string>> = {
  ID: 'ID',
  Self: '',
  Hostname: 'HOSTNAME',
  Status: 'STATUS',
  Availability: 'AVAILABILITY',
  ManagerStatus: 'MANAGER STATUS',
  EngineVersion: 'ENGINE VERSION',
  TLSStatus: 'TLS STATUS',
};

function sameTlsInfo(a: TLSInfo, b: TLSInfo): boolean {
  return (
    (a.TrustRoot ?? '') === (b.TrustRoot ?? '') &&
    (a.CertIssuerSubject ?? '') === (b.CertIssuerSubject ?? '') &&
    (a.CertIssuerPublicKey ?? '') === (b.CertIssuerPublicKey ?? '')
  );
}

const EMPTY_TLS: TLSInfo = {};

/** docker's nodeContext: one row of `docker node ls`; each method is a placeholder. */
export class NodeRow {
  readonly #node: Node;
  readonly #swarm: SwarmInfo | null;

  constructor(node: Node, swarm: SwarmInfo | null) {
    this.#node = node;
    this.#swarm = swarm;
  }

  ID(): string {
    return this.#node.ID;
  }

  Self(): boolean {
    return this.#node.ID === (this.#swarm?.NodeID ?? '');
  }

  Hostname(): string {
    return this.#node.Description.Hostname ?? '';
  }

  Status(): string {
    return prettyPrint(this.#node.Status.State);
  }

  Availability(): string {
    return prettyPrint(this.#node.Spec.Availability);
  }

  /** `Leader` on the leader, else the reachability; empty for workers. */
  ManagerStatus(): string {
    const status = this.#node.ManagerStatus;
    if (status === undefined) return '';
    return prettyPrint(status.Leader === true ? 'Leader' : status.Reachability);
  }

  TLSStatus(): string {
    const cluster = this.#swarm?.Cluster?.TLSInfo ?? EMPTY_TLS;
    const own = this.#node.Description.TLSInfo ?? EMPTY_TLS;
    if (sameTlsInfo(cluster, EMPTY_TLS) || sameTlsInfo(own, EMPTY_TLS)) return 'Unknown';
    return sameTlsInfo(own, cluster) ? 'Ready' : 'Needs Rotation';
  }

  EngineVersion(): string {
    return this.#node.Description.Engine?.EngineVersion ?? '';
  }
}
