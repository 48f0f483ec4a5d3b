import type { Node, NodeSpecUpdate } from '../../../api/swarm';
import type { DockerCli } from '../../command/cli';

/** What a merge decides: the spec to send, or to skip this node (`promote` of a manager). */
export type NodeMerge = { readonly spec: NodeSpecUpdate } | { readonly skip: true };

/**
 * docker's updateNodes: for each reference in turn, inspect (the daemon resolves it), merge,
 * send the update with the node's full ID and version, and report success with the reference
 * as typed. The first error stops the loop.
 */
export async function updateNodes(
  cli: DockerCli,
  refs: readonly string[],
  merge: (node: Node) => NodeMerge,
  success: (ref: string) => void,
): Promise<void> {
  for (const ref of refs) {
    const node = await cli.engine.nodeInspect({ id: ref }, cli.cancel);
    const merged = merge(node);
    if ('skip' in merged) continue;
    await cli.engine.nodeUpdate(
      { id: node.ID, version: node.Version.Index, spec: merged.spec },
      cli.cancel,
    );
    success(ref);
  }
}
