import type { Filters, Node } from '../../api/swarm';
import type { DaemonFailure } from '../../api/operations';

const KEYS = new Set(['id', 'label', 'node.label', 'membership', 'name', 'role']);

/** The filters whose values are swarmkit enums (`NodeRole`, `NodeSpec_Membership`). */
const ENUM_FILTERS: readonly (readonly [string, ReadonlySet<string>])[] = [
  ['role', new Set(['worker', 'manager'])],
  ['membership', new Set(['pending', 'accepted'])],
];
const ENUM_KEYS: ReadonlySet<string> = new Set(ENUM_FILTERS.map(([key]) => key));

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
  // moby's newListNodesFilters: a role or membership must name one of swarmkit's values, in
  // any case; an empty value filters nothing.
  for (const [key, known] of ENUM_FILTERS) {
    const unknown = (filters[key] ?? []).find((v) => v !== '' && !known.has(v.toLowerCase()));
    if (unknown !== undefined) {
      const message = `Invalid ${key} filter: '${unknown}'`;
      return { ok: false, error: { kind: 'invalid-argument', message } };
    }
  }
  const matches = (key: string, test: (value: string) => boolean): ((node: Node) => boolean) => {
    // An empty role or membership filters nothing, as in moby; other empty values still test.
    const values = ENUM_KEYS.has(key) ? filters[key]?.filter((v) => v !== '') : filters[key];
    return values === undefined || values.length === 0 ? () => true : () => values.some(test);
  };
  const kept = nodes.filter((node) => {
    const checks = [
      matches('id', (v) => node.ID.startsWith(v))(node),
      matches('name', (v) => (node.Description.Hostname ?? '').startsWith(v))(node),
      matches('role', (v) => node.Spec.Role === v.toLowerCase())(node),
      // Every node here has been accepted: joining with a token admits it at once.
      matches('membership', (v) => v.toLowerCase() === 'accepted')(node),
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
