import type { Node } from '../../../api/swarm';
import { formatGoTime, parseGoTime } from '../../../lib/template/go-time';
import { bytesSize, prettyPrint } from '../../format/renderers';

/**
 * `docker node inspect --pretty` (docker's nodeInspectPrettyTemplate). The text has literal TAB
 * characters and no tabwriter, so a terminal lines it up at 8-column stops; the odd
 * `Hostname:              \t` spacing is docker's own.
 */

/** Go's range over a map: keys in sorted order. */
function sortedEntries(map: Readonly<Record<string, string>> | undefined): [string, string][] {
  return Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function labelLines(title: string, labels: Readonly<Record<string, string>> | undefined): string[] {
  const entries = sortedEntries(labels);
  if (entries.length === 0) return [];
  return [title, ...entries.map(([key, value]) => ` - ${key}${value === '' ? '' : `=${value}`}`)];
}

/** PrettyPrint of a time.Time: Go's String(), then lower-cased after its first character. */
function joinedAt(createdAt: string): string {
  const time = parseGoTime(createdAt);
  return prettyPrint(time === undefined ? createdAt : formatGoTime(time));
}

function statusLines(node: Node): string[] {
  const lines = ['Status:', ` State:\t\t\t${prettyPrint(node.Status.State)}`];
  const message = node.Status.Message ?? '';
  if (message !== '') lines.push(` Message:              \t${prettyPrint(message)}`);
  lines.push(` Availability:         \t${prettyPrint(node.Spec.Availability)}`);
  const address = node.Status.Addr ?? '';
  if (address !== '') lines.push(` Address:\t\t${address}`);
  const manager = node.ManagerStatus;
  if (manager !== undefined) {
    lines.push(
      'Manager Status:',
      ` Address:\t\t${manager.Addr}`,
      ` Raft Status:\t\t${prettyPrint(manager.Reachability)}`,
      ` Leader:\t\t${manager.Leader === true ? 'Yes' : 'No'}`,
    );
  }
  return lines;
}

/** Plugin names grouped by type (types sorted, names in the daemon's order). */
function pluginLines(node: Node): string[] {
  const plugins = node.Description.Engine?.Plugins ?? [];
  if (plugins.length === 0) return [];
  const byType = new Map<string, string[]>();
  for (const plugin of plugins) {
    const type = plugin.Type ?? '';
    byType.set(type, [...(byType.get(type) ?? []), plugin.Name ?? '']);
  }
  const joined = Object.fromEntries([...byType].map(([type, names]) => [type, names.join(', ')]));
  return [
    'Plugins:',
    ...sortedEntries(joined).map(
      ([type, names]) => ` ${type}:${names === '' ? '' : `\t\t${names}`}`,
    ),
  ];
}

function resourceLines(node: Node): string[] {
  const resources = node.Description.Resources ?? {};
  const memory = resources.MemoryBytes ?? 0;
  return [
    'Resources:',
    ` CPUs:\t\t\t${Math.trunc((resources.NanoCPUs ?? 0) / 1e9)}`,
    ` Memory:\t\t${memory === 0 ? '' : bytesSize(memory)}`,
  ];
}

function tlsLines(node: Node): string[] {
  const tls = node.Description.TLSInfo ?? {};
  const trustRoot = tls.TrustRoot ?? '';
  const subject = tls.CertIssuerSubject ?? '';
  const publicKey = tls.CertIssuerPublicKey ?? '';
  if (trustRoot === '' && subject === '' && publicKey === '') return [];
  // TrustRoot ends in a newline of its own, hence the blank line before the issuer.
  return [
    'TLS Info:',
    ' TrustRoot:',
    trustRoot,
    ` Issuer Subject:\t${subject}`,
    ` Issuer Public Key:\t${publicKey}`,
  ];
}

/** One node's pretty text, with the newline docker's formatter adds after each object. */
export function prettyNode(node: Node): string {
  const name = node.Spec.Name ?? '';
  const lines = [
    `ID:\t\t\t${node.ID}`,
    ...(name === '' ? [] : [`Name:\t\t\t${name}`]),
    ...labelLines('Labels:', node.Spec.Labels),
    `Hostname:              \t${node.Description.Hostname ?? ''}`,
    `Joined at:             \t${joinedAt(node.CreatedAt)}`,
    ...statusLines(node),
    'Platform:',
    ` Operating System:\t${node.Description.Platform?.OS ?? ''}`,
    ` Architecture:\t\t${node.Description.Platform?.Architecture ?? ''}`,
    ...resourceLines(node),
    ...pluginLines(node),
    `Engine Version:\t\t${node.Description.Engine?.EngineVersion ?? ''}`,
    ...labelLines('Engine Labels:', node.Description.Engine?.Labels),
    ...tlsLines(node),
  ];
  return `${lines.join('\n')}\n`;
}
