/**
 * swarmkit's network allocator over libnetwork's default IPAM: subnets, VXLAN IDs, and the
 * addresses of VIPs and attachments, read from the store.
 */
export {
  AddressBook,
  allocateNetwork,
  allocateVirtualIPs,
  ingressNetwork,
  isDnsrr,
  isIngressNetwork,
  needsIngress,
  serviceNetworks,
  VXLAN_ID_OPTION,
} from './network';
export {
  addressOf,
  contains,
  formatSubnet,
  parseCIDR,
  parseIPv4,
  subnetOf,
  type Subnet,
} from './ipam';
