import { InvalidValueError } from '../../flags';

/** The default `--listen-addr`, which also gives the missing host or port of a given one. */
export const DEFAULT_LISTEN_ADDR = '0.0.0.0:2377';

function splitHostPort(address: string): { host: string; port: string } {
  if (address.startsWith('[')) {
    const close = address.indexOf(']');
    const port = address.slice(close + 1);
    return { host: address.slice(1, close), port: port.startsWith(':') ? port.slice(1) : '' };
  }
  const colon = address.lastIndexOf(':');
  if (colon < 0) return { host: address, port: '' };
  return { host: address.slice(0, colon), port: address.slice(colon + 1) };
}

/**
 * docker's NodeAddrOption.Set (opts.ParseTCPAddr): `[tcp://]host[:port]`, with the host and
 * port the default lacks filled in, e.g. `192.168.0.10` → `192.168.0.10:2377`, `:4000` →
 * `0.0.0.0:4000`. An interface name stays a name; the daemon resolves it.
 */
export function parseNodeAddr(raw: string, fallback = DEFAULT_LISTEN_ADDR): string {
  let address = raw;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(address);
  if (scheme !== null) {
    if (scheme[1]?.toLowerCase() !== 'tcp') {
      throw new InvalidValueError(`unsupported proto '${scheme[1] ?? ''}'`);
    }
    address = address.slice(scheme[0].length);
  }
  const given = splitHostPort(address);
  const defaults = splitHostPort(fallback);
  const host = given.host === '' ? defaults.host : given.host;
  const port = given.port === '' ? defaults.port : given.port;
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
