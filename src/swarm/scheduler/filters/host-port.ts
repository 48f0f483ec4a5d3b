import { nodes } from '../node-info';
import type { Filter } from './filter';

/** HostPortFilter: a host-mode port with a fixed number must be free on the node. */
export const hostPortFilter: Filter = {
  applies: (candidate) => candidate.hostPorts.length > 0,
  check: (candidate, node) => candidate.hostPorts.every((port) => !node.hostPorts.has(port)),
  reason: 'host-mode port already in use',
  explain: (count) => `host-mode port already in use on ${nodes(count)}`,
};
