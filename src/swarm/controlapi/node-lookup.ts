import { daemonError } from '../errors';
import { fail, ok, type Outcome } from '../result';
import { allNodes, getNode, type NodeRecord, type StoreState } from '../store';

/**
 * How the daemon turns the user's node reference into a node (moby `daemon/cluster/helpers.go`
 * `getNode`): a full ID, else an exact hostname, else an ID prefix. These errors are the
 * daemon's own, without an `rpc error` prefix.
 */
export function resolveNode(store: StoreState, reference: string): Outcome<NodeRecord> {
  const byId = getNode(store, reference);
  if (byId !== undefined) return ok(byId);
  const nodes = allNodes(store);
  let matches = nodes.filter((record) => record.node.Description.Hostname === reference);
  if (matches.length === 0)
    matches = nodes.filter((record) => record.node.ID.startsWith(reference));
  const [first] = matches;
  if (first === undefined) return fail(daemonError('not-found', `node ${reference} not found`));
  if (matches.length > 1) {
    return fail(
      daemonError(
        'invalid-argument',
        `node ${reference} is ambiguous (${matches.length} matches found)`,
      ),
    );
  }
  return ok(first);
}
