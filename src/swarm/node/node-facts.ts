import type { NodeFacts } from '../template/context';
import { nodeDescription, type Control } from '../runtime/control';

/** What a task's templates may read of the node that runs it (`{{.Node.Hostname}}`, …). */
export function nodeFacts(control: Control): NodeFacts {
  const description = nodeDescription(control);
  const platform = description.Platform;
  return {
    hostname: description.Hostname ?? control.hostname,
    architecture: platform?.Architecture ?? '',
    os: platform?.OS ?? '',
  };
}
