/**
 * The default bridge network (`docker0`, 172.17.0.0/16) a task's container joins when its
 * service names no network, as moby's executor leaves NetworkMode `default`: the gateway is
 * 172.17.0.1 and each running container takes the lowest free address from 172.17.0.2.
 */
export const BRIDGE_GATEWAY = '172.17.0.1';
export const BRIDGE_PREFIX_LENGTH = 16;

export function freeBridgeAddress(
  containers: readonly { readonly running: boolean; readonly ipAddress: string }[],
): string {
  const taken = new Set(containers.filter((c) => c.running).map((c) => c.ipAddress));
  for (let n = 2; ; n++) {
    const address = `172.17.${String(Math.floor(n / 256))}.${String(n % 256)}`;
    if (!taken.has(address)) return address;
  }
}

/** moby's bridge driver derives an endpoint's MAC from its address: 02:42 and its 4 bytes. */
export function bridgeMacAddress(address: string): string {
  const bytes = address.split('.').map((part) => Number(part).toString(16).padStart(2, '0'));
  return ['02', '42', ...bytes].join(':');
}
