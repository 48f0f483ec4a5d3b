import type { Service } from '../../../api/service';
import { displayImage } from '../../format/image-reference';
import { ingressPorts } from './ports';

/** docker's service list formats (cli/command/service/formatter.go). */
export const DEFAULT_SERVICE_TABLE_FORMAT =
  'table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}';

export const SERVICE_RAW_FORMAT =
  'id: {{.ID}}\\nname: {{.Name}}\\nmode: {{.Mode}}\\nreplicas: {{.Replicas}}\\nimage: {{.Image}}\\nports: {{.Ports}}\\n';
export const SERVICE_RAW_QUIET_FORMAT = 'id: {{.ID}}';

export const SERVICE_HEADER: Readonly<Record<string, string>> = {
  ID: 'ID',
  Name: 'NAME',
  Mode: 'MODE',
  Replicas: 'REPLICAS',
  Image: 'IMAGE',
  Ports: 'PORTS',
};

/** docker's serviceContext: one row of `docker service ls`; each method is a placeholder. */
export class ServiceRow {
  readonly #service: Service;

  constructor(service: Service) {
    this.#service = service;
  }

  /** Always the 12-character form, even with -q. */
  ID(): string {
    return this.#service.ID.slice(0, 12);
  }

  Name(): string {
    return this.#service.Spec.Name;
  }

  Mode(): string {
    const mode = this.#service.Spec.Mode;
    if (mode.Global !== undefined) return 'global';
    if (mode.Replicated !== undefined) return 'replicated';
    if (mode.ReplicatedJob !== undefined) return 'replicated job';
    if (mode.GlobalJob !== undefined) return 'global job';
    return '';
  }

  /** `running/desired`, with the per-node limit, or the job's completions. */
  Replicas(): string {
    const status = this.#service.ServiceStatus;
    const running = status?.RunningTasks ?? 0;
    const desired = status?.DesiredTasks ?? 0;
    const completed = status?.CompletedTasks ?? 0;
    const mode = this.#service.Spec.Mode;
    if (mode.ReplicatedJob !== undefined) {
      const total = mode.ReplicatedJob.TotalCompletions ?? 0;
      return `${running}/${desired} (${completed}/${total} completed)`;
    }
    if (mode.GlobalJob !== undefined) {
      return `${running}/${desired} (${completed}/${desired + completed} completed)`;
    }
    const maxReplicas =
      mode.Replicated === undefined
        ? 0
        : (this.#service.Spec.TaskTemplate.Placement?.MaxReplicas ?? 0);
    if (maxReplicas > 0) return `${running}/${desired} (max ${maxReplicas} per node)`;
    return `${running}/${desired}`;
  }

  Image(): string {
    return displayImage(this.#service.Spec.TaskTemplate.ContainerSpec?.Image ?? '');
  }

  Ports(): string {
    return ingressPorts(this.#service.Endpoint.Ports);
  }
}
