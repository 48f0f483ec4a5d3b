import { goTypes, type GoType } from '../../lib/template/index';
import type { Task } from '../../api/task';

/**
 * swarmkit template.Context: what a task template (`--hostname`, `--env`, `--mount`) can read,
 * built on the agent from the task and the node that runs it (template/context.go NewContext).
 */
export interface TemplateContext {
  readonly Service: {
    readonly ID: string;
    readonly Name: string;
    readonly Labels: Readonly<Record<string, string>>;
  };
  readonly Node: {
    readonly ID: string;
    readonly Hostname: string;
    readonly Platform: { readonly Architecture: string; readonly OS: string };
  };
  readonly Task: { readonly ID: string; readonly Name: string; readonly Slot: string };
}

export interface NodeFacts {
  readonly hostname: string;
  readonly architecture: string;
  readonly os: string;
}

/**
 * The context's Go type, so that a wrong field fails with Go's words: its parts are anonymous
 * structs, named as Go prints them (`struct { ID string; Hostname string; … }`). swarmkit
 * executes a template on a pointer (`func (ctx *Context) Expand`), so a wrong top-level field
 * names `*template.Context`.
 */
const string = goTypes.string;
const platform = goTypes.struct('template.Platform', { Architecture: string, OS: string });
const CONTEXT_FIELDS = {
  Service: goTypes.struct('struct { ID string; Name string; Labels map[string]string }', {
    ID: string,
    Name: string,
    Labels: goTypes.map(string, string),
  }),
  Node: goTypes.struct('struct { ID string; Hostname string; Platform template.Platform }', {
    ID: string,
    Hostname: string,
    Platform: platform,
  }),
  Task: goTypes.struct('struct { ID string; Name string; Slot string }', {
    ID: string,
    Name: string,
    Slot: string,
  }),
};
export const TEMPLATE_CONTEXT_TYPE: GoType = goTypes.pointer(
  goTypes.struct('template.Context', CONTEXT_FIELDS),
);

/**
 * A secret's or config's payload is executed on a `*template.PayloadContext`, which embeds the
 * Context (its fields promoted) beside unexported getters (template/context.go).
 */
export const PAYLOAD_CONTEXT_TYPE: GoType = goTypes.pointer(
  goTypes.struct('template.PayloadContext', CONTEXT_FIELDS),
);

/**
 * The slot is the task's, or the node's ID for a global service's task; the task's name is
 * swarmkit naming.Task: `<service>.<slot>.<task ID>`. The service's labels do not reach the
 * agent in this playground yet (the assignment carries its name only).
 */
export function templateContext(task: Task, serviceName: string, node: NodeFacts): TemplateContext {
  const nodeId = task.NodeID ?? '';
  const slot = task.Slot !== undefined && task.Slot !== 0 ? String(task.Slot) : nodeId;
  return {
    Service: { ID: task.ServiceID ?? '', Name: serviceName, Labels: {} },
    Node: {
      ID: nodeId,
      Hostname: node.hostname,
      Platform: { Architecture: node.architecture, OS: node.os },
    },
    Task: { ID: task.ID, Name: `${serviceName}.${slot}.${task.ID}`, Slot: slot },
  };
}
