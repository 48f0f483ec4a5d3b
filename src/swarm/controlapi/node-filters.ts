import type { Filters, Node } from '../../api/swarm';
import type { DaemonFailure } from '../../api/operations';

const KEYS = new Set(['id', 'label', 'node.label', 'membership', 'name', 'role']);

/** `GET /nodes?filters=…` as the daemon applies them (swarmkit `ListNodes` filters). */
export function filterNodes(
  nodes: readonly Node[],
  filters: Filters,
): { ok: true; nodes: Node[] } | { ok: false; error: DaemonFailure } {
  for (const key of Object.keys(filters)) {
    if (!KEYS.has(key)) {
      return { ok: false, error: { kind: 'invalid-argument', message: `invalid filter '${key}'` } };
    }
  }
  const matches = (key: string, test: (value: string) => boolean): ((node: Node) => boolean) => {
    const values = filters[key];
    return values === undefined || values.length === 0 ? () => true : () => values.some(test);
  };
  const kept = nodes.filter((node) => {
    const checks = [
      matches('id', (v) => node.ID.startsWith(v))(node),
      matches('name', (v) => (node.Description.Hostname ?? '').startsWith(v))(node),
      matches('role', (v) => node.Spec.Role === v)(node),
      matches('membership', (v) => v === 'accepted')(node),
      matches('node.label', (v) => labelMatches(node.Spec.Labels, v))(node),
      matches('label', (v) => labelMatches(node.Description.Engine?.Labels ?? {}, v))(node),
    ];
    return checks.every(Boolean);
  });
  return { ok: true, nodes: kept };
}

function labelMatches(labels: Readonly<Record<string, string>>, filter: string): boolean {
  const eq = filter.indexOf('=');
  if (eq < 0) return filter in labels;
  return labels[filter.slice(0, eq)] === filter.slice(eq + 1);
}
