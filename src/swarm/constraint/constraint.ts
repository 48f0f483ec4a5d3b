import type { NodeRecord } from '../store';

/**
 * Placement constraints (swarmkit manager/constraint/constraint.go): `<key> == <value>` or
 * `<key> != <value>`, matched without regard to case; a missing label is the empty string, and
 * a key swarmkit does not know matches no node.
 */
export interface Constraint {
  readonly key: string;
  readonly equal: boolean;
  readonly value: string;
}

const KEY = /^[a-z_][a-z0-9\-_.]+$/i;
const VALUE = /^[a-z0-9:\-_\s.*()?+[\]\\^$|/]+$/i;
const NODE_LABEL_PREFIX = 'node.labels.';
const ENGINE_LABEL_PREFIX = 'engine.labels.';

/** `constraint.Parse`: the first bad expression's error text, as swarmkit words it. */
export function parseConstraints(expressions: readonly string[]):
  | { readonly ok: true; readonly constraints: readonly Constraint[] }
  | {
      readonly ok: false;
      readonly message: string;
    } {
  const constraints: Constraint[] = [];
  for (const expression of expressions) {
    const operator = ['==', '!='].find((op) => expression.includes(op));
    if (operator === undefined) {
      return { ok: false, message: 'constraint expected one operator from ==, !=' };
    }
    const at = expression.indexOf(operator);
    const key = expression.slice(0, at).trim();
    if (!KEY.test(key)) return { ok: false, message: `key '${key}' is invalid` };
    const value = expression.slice(at + operator.length).trim();
    if (!VALUE.test(value)) return { ok: false, message: `value '${value}' is invalid` };
    constraints.push({ key, equal: operator === '==', value });
  }
  return { ok: true, constraints };
}

/** `constraint.NodeMatches`: every constraint holds on the node. */
export function nodeMatches(constraints: readonly Constraint[], record: NodeRecord): boolean {
  return constraints.every((constraint) => matchesOne(constraint, record));
}

/** The value each plain key reads from a node. */
const NODE_FIELDS: Readonly<Record<string, (record: NodeRecord) => string>> = {
  'node.id': (record) => record.node.ID,
  'node.hostname': (record) => record.node.Description.Hostname ?? '',
  'node.role': (record) => record.role,
  'node.platform.os': (record) => record.node.Description.Platform?.OS ?? '',
  'node.platform.arch': (record) => record.node.Description.Platform?.Architecture ?? '',
};

function matchesOne(constraint: Constraint, record: NodeRecord): boolean {
  const { node } = record;
  const key = constraint.key.toLowerCase();
  const match = (what: string): boolean =>
    (constraint.value.toLowerCase() === what.toLowerCase()) === constraint.equal;
  const field = NODE_FIELDS[key];
  if (field !== undefined) return match(field(record));
  if (key === 'node.ip') return ipMatches(constraint, node.Status.Addr ?? '');
  if (key.length > NODE_LABEL_PREFIX.length && key.startsWith(NODE_LABEL_PREFIX)) {
    return match(node.Spec.Labels[constraint.key.slice(NODE_LABEL_PREFIX.length)] ?? '');
  }
  if (key.length > ENGINE_LABEL_PREFIX.length && key.startsWith(ENGINE_LABEL_PREFIX)) {
    const labels = node.Description.Engine?.Labels ?? {};
    return match(labels[constraint.key.slice(ENGINE_LABEL_PREFIX.length)] ?? '');
  }
  return false;
}

/** `node.ip`: an address, or a CIDR the node's address falls in; anything else matches nothing. */
function ipMatches(constraint: Constraint, address: string): boolean {
  const node = ipv4(address);
  const [base = '', bits] = constraint.value.split('/');
  const wanted = ipv4(base);
  if (node === null || wanted === null) return false;
  if (bits === undefined) return (node === wanted) === constraint.equal;
  const prefix = Number(bits);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) return false;
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  return ((node & mask) >>> 0 === (wanted & mask) >>> 0) === constraint.equal;
}

function ipv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    const octet = Number(part);
    if (!/^\d{1,3}$/.test(part) || octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}
