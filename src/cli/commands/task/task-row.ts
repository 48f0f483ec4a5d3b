import type { Task } from '../../../api/task';
import { ellipsis } from '../../format/ellipsis';
import { elapsedMs } from '../../format/elapsed';
import { displayImage } from '../../format/image-reference';
import { humanDuration, prettyPrint } from '../../format/renderers';

/** docker's task table (cli/command/task/formatter.go). */
export const DEFAULT_TASK_TABLE_FORMAT =
  'table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}\t{{.Ports}}';

export const TASK_RAW_FORMAT =
  'id: {{.ID}}\\nname: {{.Name}}\\nimage: {{.Image}}\\nnode: {{.Node}}\\ndesired_state: {{.DesiredState}}\\ncurrent_state: {{.CurrentState}}\\nerror: {{.Error}}\\nports: {{.Ports}}\\n';
export const TASK_RAW_QUIET_FORMAT = 'id: {{.ID}}';

export const TASK_HEADER: Readonly<Record<string, string>> = {
  ID: 'ID',
  Name: 'NAME',
  Image: 'IMAGE',
  Node: 'NODE',
  DesiredState: 'DESIRED STATE',
  CurrentState: 'CURRENT STATE',
  Error: 'ERROR',
  Ports: 'PORTS',
};

const MAX_ERROR_LENGTH = 30;

/** docker's taskContext: one row of a task table; each method is a placeholder. */
export class TaskRow {
  readonly #task: Task;
  readonly #name: string;
  readonly #node: string;
  readonly #trunc: boolean;
  readonly #nowMs: number;

  constructor(task: Task, name: string, node: string, trunc: boolean, nowMs: number) {
    this.#task = task;
    this.#name = name;
    this.#node = node;
    this.#trunc = trunc;
    this.#nowMs = nowMs;
  }

  ID(): string {
    return this.#trunc ? this.#task.ID.slice(0, 12) : this.#task.ID;
  }

  Name(): string {
    return this.#name;
  }

  /** The digest is dropped from a tagged image unless --no-trunc. */
  Image(): string {
    const image = this.#task.Spec.ContainerSpec?.Image ?? '';
    return this.#trunc ? displayImage(image) : image;
  }

  Node(): string {
    return this.#node;
  }

  DesiredState(): string {
    return prettyPrint(this.#task.DesiredState ?? '');
  }

  /** `Running 2 minutes ago`: the state, then the time since it changed, lower-cased. */
  CurrentState(): string {
    const since = humanDuration(elapsedMs(this.#task.Status.Timestamp, this.#nowMs));
    return `${prettyPrint(this.#task.Status.State ?? '')} ${since.toLowerCase()} ago`;
  }

  Error(): string {
    let error = this.#task.Status.Err ?? '';
    if (this.#trunc) error = ellipsis(error, MAX_ERROR_LENGTH);
    return error === '' ? '' : `"${error}"`;
  }

  /** Host-mode ports the task published. */
  Ports(): string {
    const ports = this.#task.Status.PortStatus.Ports ?? [];
    return ports
      .map((port) => `*:${port.PublishedPort ?? 0}->${port.TargetPort ?? 0}/${port.Protocol ?? ''}`)
      .join(',');
  }
}
