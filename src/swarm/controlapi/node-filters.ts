import type { Filters, Node } from '../../api/swarm';
import type { DaemonFailure } from '../../api/operations';
import { refusedFilter, type FilterRules } from './list-filters';

/** moby's `newListNodesFilters`: its keys, and the swarmkit enums `NodeRole`, `Membership`. */
const NODE_FILTER_RULES: FilterRules = {
  keys: new Set(['id', 'label', 'node.label', 'membership', 'name', 'role']),
  enums: [
    ['role', new Set(['worker', 'manager'])],
    ['membership', new Set(['pending', 'accepted'])],
  ],
};
const KEYS = NODE_FILTER_RULES.keys;
const ENUM_KEYS: ReadonlySet<string> = new Set(NODE_FILTER_RULES.enums.map(([key]) => key));

/** `GET /nodes?filters=…` as the daemon applies them (swarmkit `ListNodes` filters). */
export function filterNodes(
  nodes: readonly Node[],
  filters: Filters,
): { ok: true; nodes: Node[] } | { ok: false; error: DaemonFailure } {
  const refused = refusedFilter(filters, NODE_FILTER_RULES);
  if (refused !== null) return { ok: false, error: refused };
  // An empty role or membership filters nothing, as in moby; other empty values still test.
  const asked = new Map(
    [...KEYS].map((key) => {
      const values = filters[key] ?? [];
      return [key, ENUM_KEYS.has(key) ? values.filter((v) => v !== '') : values];
    }),
  );
  const passes = (key: string, test: (value: string) => boolean): boolean => {
    const values = asked.get(key) ?? [];
    return values.length === 0 || values.some(test);
  };
  const kept = nodes.filter(
    (node) =>
      passes('id', (v) => node.ID.startsWith(v)) &&
      passes('name', (v) => (node.Description.Hostname ?? '').startsWith(v)) &&
      passes('role', (v) => node.Spec.Role === v.toLowerCase()) &&
      // Every node here has been accepted: joining with a token admits it at once.
      passes('membership', (v) => v.toLowerCase() === 'accepted') &&
      passes('node.label', (v) => labelMatches(node.Spec.Labels, v)) &&
      passes('label', (v) => labelMatches(node.Description.Engine?.Labels ?? {}, v)),
  );
  return { ok: true, nodes: kept };
}

function labelMatches(labels: Readonly<Record<string, string>>, filter: string): boolean {
  const eq = filter.indexOf('=');
  if (eq < 0) return filter in labels;
  return labels[filter.slice(0, eq)] === filter.slice(eq + 1);
}
